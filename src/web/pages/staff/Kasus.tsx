// One case as Bawaslu staff handle it: facts, terlapor, evidence, deadlines, timeline, notices,
// duplicate suggestions, documents, the audited reporter-identity reveal, assignment, notes, and
// the handling actions the server offers (availableActions) with the inputs each one needs.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextField } from '../../components/FormField.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { DeadlineMark } from '../../features/cases/CaseList.tsx';
import { ActionsSection } from '../../features/cases/ActionsSection.tsx';
import {
  AssignSection,
  DocumentsSection,
  IdentitySection,
  LinksSection,
  NoteSection,
  ReferralsSection,
} from '../../features/cases/CaseSide.tsx';
import { actLabel, classificationLabel, formatBytes, formatDateTime, stateLabel, subjectLabel } from '../../features/cases/labels.ts';
import { ruleLabel } from '../../features/cases/ruleLabels.ts';
import type { CaseDetail } from '../../features/cases/types.ts';

export default function Kasus() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const detail = useApi((signal) => api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const [flash, setFlash] = useState<string | null>(null);

  if (detail.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (detail.status === 'error')
    return (
      <div className="page">
        <ErrorNotice error={detail.error} onRetry={detail.reload} />
      </div>
    );
  const c = detail.data;
  const done = (message: string) => {
    setFlash(message);
    detail.reload();
  };

  return (
    <div className="page kasus">
      <Breadcrumbs
        items={[
          { to: '/staf', label: t('staff.title') },
          { to: '/staf/antrian', label: t('staff.queue') },
          { label: c.registrationNumber ?? c.trackingCode ?? t('case.title') },
        ]}
      />
      <PageTitle>{c.title}</PageTitle>
      <p className="kasus__status">
        <span className={`state-badge state-badge--${c.state}`} data-testid="case-state">
          {pick(c.stateLabel, language)}
        </span>
        <span className="badge">{t(c.kind === 'temuan' ? 'queue.kindTemuan' : 'queue.kindLaporan')}</span>
        {c.late && <span className="badge badge--live">{t('queue.lateFiled')}</span>}
      </p>
      {flash && <Notice kind="success">{flash}</Notice>}

      <div className="kasus__layout">
        <div className="kasus__actions">
          <ActionsSection c={c} onDone={done} />
        </div>
        <div className="kasus__main">
          <section className="card" aria-labelledby="case-facts">
            <h2 id="case-facts">{t('case.facts')}</h2>
            <dl className="facts facts--stack">
              <div>
                <dt>{t('case.registration')}</dt>
                <dd>{c.registrationNumber ?? t('queue.unregistered')}</dd>
              </div>
              {c.trackingCode && (
                <div>
                  <dt>{t('lacak.code')}</dt>
                  <dd className="mono">{c.trackingCode}</dd>
                </div>
              )}
              <div>
                <dt>{t('receipt.office')}</dt>
                <dd>{c.officeName}</dd>
              </div>
              <div>
                <dt>{t('handling.eventRegion')}</dt>
                <dd>
                  <Link to={`/wilayah/${c.eventRegionCode}`}>{c.eventRegionName ?? c.eventRegionCode}</Link>
                  {c.eventPlace ? ` · ${c.eventPlace}` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('handling.eventDate')}</dt>
                <dd>{c.eventDate ? formatDate(c.eventDate, language) : t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('handling.knownDate')}</dt>
                <dd>{c.knownDate ? formatDate(c.knownDate, language) : t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('receipt.received')}</dt>
                <dd>{formatDateTime(c.receivedAt, language)}</dd>
              </div>
              <div>
                <dt>{t('case.acts')}</dt>
                <dd>{c.acts.map((a) => actLabel(a, language)).join('; ')}</dd>
              </div>
              {c.classification && (
                <div>
                  <dt>{t('case.classification')}</dt>
                  <dd>{classificationLabel(c.classification, language)}</dd>
                </div>
              )}
              {c.stateReason && (
                <div>
                  <dt>{t('case.stateReason')}</dt>
                  <dd>{c.stateReason}</dd>
                </div>
              )}
              {c.decisionSummary && (
                <div>
                  <dt>{t('case.summary')}</dt>
                  <dd>{c.decisionSummary}</dd>
                </div>
              )}
            </dl>
            {c.late && <Notice kind="warning">{c.proposedReason ?? t('lapor.lateBody')}</Notice>}
            <h3>{t('lapor.uraian')}</h3>
            <p className="kasus__narrative">{c.narrative}</p>
          </section>

          <section className="card" aria-labelledby="case-terlapor">
            <h2 id="case-terlapor">{t('case.terlapor')}</h2>
            <ul className="plain-list">
              {c.terlapor.map((x) => (
                <li key={x.id}>
                  <strong>{x.name}</strong>
                  {x.nip ? (
                    <>
                      {' '}
                      · NIP <span className="mono">{x.nip}</span>
                    </>
                  ) : null}
                  <br />
                  {x.position}, {x.agency} · {subjectLabel(x.subjectType, language)}
                  {x.regionCode ? ` · ${x.regionCode}` : ''}
                </li>
              ))}
            </ul>
            {c.witnesses.length > 0 && (
              <>
                <h3>{t('lapor.saksi')}</h3>
                <ul className="plain-list">
                  {c.witnesses.map((w, i) => (
                    <li key={i}>
                      {w.name} — {w.address}
                      {w.phone ? ` · ${w.phone}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <EvidenceSection c={c} />
          <DeadlinesSection c={c} />
          <TimelineSection c={c} />
        </div>

        <aside className="kasus__side">
          <AssignSection c={c} onDone={done} />
          <ReferralsSection c={c} />
          <DocumentsSection c={c} />
          {c.kind === 'laporan' && c.availableActions.length + 1 > 0 && <IdentitySection c={c} />}
          <LinksSection c={c} onDone={done} />
          <NoteSection c={c} onDone={done} />
        </aside>
      </div>
    </div>
  );
}

function EvidenceSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const [purposeFor, setPurposeFor] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  const base = `/api/v1/cases/${c.id}/evidence`;
  return (
    <section className="card" aria-labelledby="case-evidence">
      <h2 id="case-evidence">{t('case.evidence')}</h2>
      {c.evidence.length === 0 && c.evidenceUrls.length === 0 && <p className="muted">{t('lapor.noEvidence')}</p>}
      {c.evidence.length > 0 && (
        <ul className="evidence-list">
          {c.evidence.map((e) => (
            <li key={e.sha256} className="evidence-list__item">
              <span>
                <strong>{e.name}</strong>{' '}
                <span className="muted">
                  · {e.mimeType} · {formatBytes(e.size, language)}
                </span>
              </span>
              <span className="hint mono break">SHA-256 {e.sha256.slice(0, 16)}…</span>
              <span className="button-row">
                {!e.mimeType.startsWith('video/') && (
                  <a
                    className="button button--secondary button--small"
                    href={`${base}/${e.sha256}?variant=public`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('case.openPublic')}
                  </a>
                )}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setPurposeFor(e.sha256);
                    setPurpose('');
                  }}
                >
                  {t('case.openOriginal')}
                </button>
              </span>
              {purposeFor === e.sha256 && (
                <div className="purpose">
                  <TextField
                    name={`purpose-${e.sha256.slice(0, 8)}`}
                    label={t('case.purpose')}
                    hint={t('case.purposeHint')}
                    value={purpose}
                    onChange={setPurpose}
                  />
                  {purpose.trim().length >= 10 ? (
                    <a
                      className="button button--primary button--small"
                      href={`${base}/${e.sha256}?variant=original&purpose=${encodeURIComponent(purpose.trim())}`}
                      target="_blank"
                      rel="noopener"
                    >
                      {t('case.openOriginalNow')}
                    </a>
                  ) : (
                    <p className="hint">{t('form.minChars', { n: 10 })}</p>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.evidenceUrls.length > 0 && (
        <>
          <h3>{t('bukti.links')}</h3>
          <ul className="plain-list">
            {c.evidenceUrls.map((u) => (
              <li key={u} className="break">
                <a href={u} target="_blank" rel="noopener noreferrer nofollow">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DeadlinesSection({ c }: { c: CaseDetail }) {
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

function TimelineSection({ c }: { c: CaseDetail }) {
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
