// Public announcements of report/finding status (Perbawaslu 8/2020 jo. 9/2024): registration
// number, office, state, and the terlapor by position and agency only — never identities.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { classificationLabel } from '../../features/cases/labels.ts';
import type { Announcement } from '../../features/cases/types.ts';
import { Pager } from '../../components/Pager.tsx';

const PAGE = 20;

export default function Pengumuman() {
  const t = useT();
  const language = useLanguage();
  const [offset, setOffset] = useState(0);
  const list = useApi(
    (signal) => api.get<{ items: Announcement[]; total: number }>('/public/announcements', { limit: PAGE, offset }, signal),
    [offset],
  );
  return (
    <div className="page">
      <PageTitle>{t('ann.title')}</PageTitle>
      <p className="lead">{t('ann.lead')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (
        <>
          {list.data.items.length === 0 && <p className="muted">{t('ann.empty')}</p>}
          <ul className="announcement-list">
            {list.data.items.map((a, i) => (
              <li key={`${a.at}-${i}`} className="card announcement">
                <p className="muted announcement__meta">
                  {a.atLocal} · {a.office}
                </p>
                <h2 className="announcement__title">
                  {a.registrationNumber ?? t(a.kind === 'temuan' ? 'ann.newTemuan' : 'ann.newLaporan')}
                  <span className={`state-badge state-badge--${a.state}`}>{pick(a.stateLabel, language)}</span>
                </h2>
                {a.terlapor.length > 0 && (
                  <p>
                    {t('ann.terlapor')}: {a.terlapor.map((x) => `${x.position}, ${x.agency}`).join('; ')}
                  </p>
                )}
                {a.classification && <p className="muted">{classificationLabel(a.classification, language)}</p>}
              </li>
            ))}
          </ul>
          <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />
        </>
      )}
    </div>
  );
}
