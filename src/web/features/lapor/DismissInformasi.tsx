// The supervisor's one-click dismissal of identity-free informasi from the public (spam,
// unusable), in the queue. The server stops it with a fixed reason and audits it.
import { useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useT } from '../../i18n/store.ts';
import { toApiError } from '../cases/http.ts';
import type { CaseSummary } from '../cases/types.ts';

export function DismissInformasi({ item, onDone }: { item: CaseSummary; onDone(): void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (item.source !== 'informasi_publik' || item.state !== 'informasi_awal') return null;
  return (
    <div className="case-card__actions">
      {error && <ErrorNotice error={error} />}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        aria-label={t('dismiss.label', { title: item.title })}
        onClick={async () => {
          if (!window.confirm(t('dismiss.confirm'))) return;
          setBusy(true);
          setError(null);
          try {
            await api.post(`/cases/${item.id}/dismiss-informasi`);
            onDone();
          } catch (caught) {
            setError(toApiError(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('dismiss.button')}
      </button>
    </div>
  );
}
