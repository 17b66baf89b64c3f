// A list of cases for the staff queue: nearest deadline first, overdue marked in colour and text.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { subjectLabel, formatDateTime } from './labels.ts';
import { ruleLabel } from './ruleLabels.ts';
import type { CaseSummary } from './types.ts';

export function DeadlineMark({ overdue, dueLocal, ruleId }: { overdue: boolean; dueLocal: string | null; ruleId?: string | null }) {
  const t = useT();
  return (
    <span className={overdue ? 'deadline-mark deadline-mark--overdue' : 'deadline-mark'}>
      {overdue && <strong className="deadline-mark__flag">{t('queue.overdue')}</strong>}
      <span>
        {ruleId ? `${ruleLabel(ruleId, t)}: ` : ''}
        {dueLocal}
      </span>
    </span>
  );
}

export function CaseList({ items, actions }: { items: CaseSummary[]; actions?(c: CaseSummary): ReactNode }) {
  const t = useT();
  const language = useLanguage();
  return (
    <ul className="case-list">
      {items.map((c) => (
        <li key={c.id} className={`case-card card ${c.nextDeadline?.overdue ? 'case-card--overdue' : ''}`}>
          <div className="case-card__head">
            <span className={`state-badge state-badge--${c.state}`}>{pick(c.stateLabel, language)}</span>
            <span className="badge">{t(c.kind === 'temuan' ? 'queue.kindTemuan' : 'queue.kindLaporan')}</span>
            {c.late && <span className="badge badge--live">{t('queue.lateFiled')}</span>}
            {c.source === 'informasi_publik' && <span className="badge">{t('dismiss.public')}</span>}
          </div>
          <h2 className="case-card__title">
            <Link to={`/staf/kasus/${c.id}`}>{c.title}</Link>
          </h2>
          <p className="muted case-card__ids">
            {c.registrationNumber ?? c.trackingCode ?? t('queue.unregistered')} ·{' '}
            {t('queue.received', { at: formatDateTime(c.receivedAt, language) })}
          </p>
          {c.terlapor.length > 0 && (
            <p className="case-card__terlapor">
              {c.terlapor.map((x) => `${x.position}, ${x.agency} (${subjectLabel(x.subjectType, language)})`).join('; ')}
            </p>
          )}
          <p className="case-card__deadline">
            {c.nextDeadline ? (
              <DeadlineMark overdue={c.nextDeadline.overdue} dueLocal={c.nextDeadline.dueLocal} ruleId={c.nextDeadline.ruleId} />
            ) : (
              <span className="muted">{t('queue.noDeadline')}</span>
            )}
          </p>
          {actions?.(c)}
        </li>
      ))}
    </ul>
  );
}
