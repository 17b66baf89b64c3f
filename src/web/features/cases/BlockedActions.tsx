// Why an action the state allows is not yet (or no longer) available, and until/since when.
// The server computes it from the legal-clock guards (case detail `blockedActions`).
import { formatDateTime } from './labels.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { buttonKey } from './ActionsSection.tsx';
import type { CaseDetail } from './types.ts';

export function BlockedActions({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  if (!c.blockedActions?.length) return null;
  return (
    <div className="blocked-actions">
      <p className="hint">
        <strong>{t('legal.blockedTitle')}</strong>
      </p>
      <ul>
        {c.blockedActions.map((b) => (
          <li key={b.action}>
            <strong>{t(buttonKey(b.action))}</strong>: {language === 'en' ? b.reason.en : b.reason.id}
            {b.until ? ` (${t('legal.until', { at: formatDateTime(b.until, language) })})` : ''}
            {b.since ? ` (${t('legal.since', { at: formatDateTime(b.since, language) })})` : ''}
            <span className="hint"> [{b.source}]</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
