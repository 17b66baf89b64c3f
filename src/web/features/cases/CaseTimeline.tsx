// The case's legal deadlines (rule, zone, source, basis) and its timeline of events and notices.
import type { MessageKey } from '../../i18n/messages.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { DeadlineMark } from './CaseList.tsx';
import { formatDateTime, stateLabel } from './labels.ts';
import { ruleLabel } from './ruleLabels.ts';
import type { CaseDetail } from './types.ts';

export function DeadlinesSection({ c }: { c: CaseDetail }) {
  const t = useT();
  if (c.deadlines.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-deadlines">
      <h2 id="case-deadlines">{t('case.deadlines')}</h2>
      <ul className="deadline-list">
        {c.deadlines.map((d, i) => (
          <li key={i} className={`deadline ${d.overdue ? 'deadline--overdue' : ''} ${d.stoppedAt ? 'deadline--stopped' : ''}`}>
            <strong>{ruleLabel(d.ruleId, t)}</strong>
            {d.stoppedAt ? (
              <span>{t('case.deadlineStopped', { due: d.dueLocal })}</span>
            ) : (
              <DeadlineMark overdue={d.overdue} dueLocal={d.dueLocal} />
            )}
            <span className="hint">
              {t('case.zone')}: {d.zone}
              {d.extended ? ` · ${t('case.extended')}` : ''}
            </span>
            <span className="hint">
              {t('case.legalSource')}: {d.source}
            </span>
            <details>
              <summary>{t('case.basis')}</summary>
              <p className="hint">{d.basis}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

const EMAIL_STATE_KEYS: Record<'queued' | 'retrying' | 'sent', MessageKey> = {
  queued: 'case.emailState.queued',
  retrying: 'case.emailState.retrying',
  sent: 'case.emailState.sent',
};

export function TimelineSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const label = (action: string) => {
    const key = `action.${action}` as MessageKey;
    const text = t(key);
    return text === key ? action : text;
  };
  return (
    <section className="card" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('lacak.timeline')}</h2>
      <ol className="timeline">
        {c.timeline.map((e, i) => (
          <li key={i} className="timeline__item">
            <span className="timeline__when">
              {formatDateTime(e.at, language)}
              {e.recordedAt && e.recordedAt !== e.at ? ` (${t('legal.recordedAt', { at: formatDateTime(e.recordedAt, language) })})` : ''}
            </span>
            <strong className="timeline__what">
              {label(e.action)}
              {e.fromState !== e.toState && stateLabel(e.toState, language) !== label(e.action)
                ? ` → ${stateLabel(e.toState, language)}`
                : ''}
            </strong>
            {e.publicNote && <span className="timeline__note">{e.publicNote}</span>}
            {e.internalNote && (
              <span className="timeline__note timeline__note--internal">
                {t('case.internal')}: {e.internalNote}
              </span>
            )}
          </li>
        ))}
      </ol>
      {c.notices.length > 0 && (
        <>
          <h3>{t('lacak.notices')}</h3>
          <ul className="notice-list">
            {c.notices.map((n, i) => (
              <li key={i} className="notice-list__item" data-email-state={n.emailState}>
                <p className="muted">
                  {formatDateTime(n.at, language)}
                  {n.emailState !== 'none' && n.emailState !== 'failed'
                    ? ` · ${t(EMAIL_STATE_KEYS[n.emailState], { attempts: n.emailAttempts })}`
                    : ''}
                </p>
                <p>
                  <strong>{n.title}</strong>
                </p>
                <p>{n.body}</p>
                {/* A reporter who was not reached must be told another way: say so where staff look. */}
                {n.emailState === 'failed' && (
                  <p className="notice notice--error" role="alert">
                    {t('case.emailState.failed', { attempts: n.emailAttempts })}
                    {n.emailLastError ? (
                      <>
                        <br />
                        {t('case.emailError', { error: n.emailLastError })}
                      </>
                    ) : null}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
