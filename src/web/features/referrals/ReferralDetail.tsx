// One referral: state, facts, sanction, steps with their deadlines, the letter and the actions.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { DeadlineMark } from '../cases/CaseList.tsx';
import { classificationLabel, formatDateTime, subjectLabel } from '../cases/labels.ts';
import type { ReferralDetail, ReferralLetter } from './types.ts';
import { LetterSection } from './LetterSection.tsx';
import { ReferralActions } from './ReferralActions.tsx';

export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const user = useStaffUser();
  const detail = useApi((signal) => api.get<ReferralDetail>(`/referrals/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const letter = useApi(
    user.role === 'analyst' ? null : (signal) => api.get<ReferralLetter>(`/referrals/${encodeURIComponent(id)}/letter`, undefined, signal),
    [id],
  );
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
  const r = detail.data;
  const done = (message: string) => {
    setFlash(message);
    detail.reload();
  };

  return (
    <div className="page kasus">
      <Breadcrumbs
        items={[
          { to: '/staf', label: t('staff.title') },
          { to: '/staf/rekomendasi', label: t('staff.recommendations') },
          { label: r.recommendationNumber },
        ]}
      />
      <PageTitle>{t('ref.titleN', { number: r.recommendationNumber })}</PageTitle>
      <p className="kasus__status">
        <span className={`state-badge state-badge--ref-${r.state}`} data-testid="referral-state">
          {pick(r.stateLabel, language)}
        </span>
        <span className="badge">{r.authorityName}</span>
        {r.siasnBlocked && <span className="badge badge--live">{t('ref.siasnBlocked')}</span>}
        {r.conflictOfInterest && <span className="badge badge--live">{t('ref.conflict')}</span>}
      </p>
      {flash && <Notice kind="success">{flash}</Notice>}
      <div className="kasus__layout">
        <div className="kasus__actions">
          <ReferralActions r={r} onDone={done} />
        </div>
        <div className="kasus__main">
          <section className="card" aria-labelledby="ref-facts">
            <h2 id="ref-facts">{t('ref.facts')}</h2>
            <dl className="facts facts--stack">
              <div>
                <dt>{t('case.terlapor')}</dt>
                <dd>
                  {r.terlapor.name ? (
                    <>
                      <strong>{r.terlapor.name}</strong>
                      {r.terlapor.nip ? ` · NIP ${r.terlapor.nip}` : ''}
                      <br />
                    </>
                  ) : null}
                  {r.terlapor.position}, {r.terlapor.agency} · {subjectLabel(r.terlapor.subjectType, language)}
                </dd>
              </div>
              <div>
                <dt>{t('case.classification')}</dt>
                <dd>{classificationLabel(r.classification, language)}</dd>
              </div>
              <div>
                <dt>{t('ref.proposed')}</dt>
                <dd>
                  {[r.proposedTrack.track, r.proposedTrack.level].filter(Boolean).join(' · ') || t('common.none')}
                  {r.proposedTrack.citation ? (
                    <span className="hint">
                      <br />
                      {r.proposedTrack.citation}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t('ref.recommended')}</dt>
                <dd>{formatDateTime(r.recommendedAt, language)}</dd>
              </div>
              {r.caseId && user.role.startsWith('pengawas') && (
                <div>
                  <dt>{t('case.title')}</dt>
                  <dd>
                    <Link to={`/staf/kasus/${r.caseId}`}>{t('ref.openCase')}</Link>
                  </dd>
                </div>
              )}
            </dl>
            {r.sanction && (
              <div className="sanction">
                <h3>{t('ref.sanction')}</h3>
                <p>
                  <strong>{language === 'en' ? r.sanction.labelEn : r.sanction.label}</strong>
                </p>
                <p className="hint">{r.sanction.source}</p>
                {r.sanction.decreeNumber && (
                  <p>
                    {t('ref.decree')}: {r.sanction.decreeNumber}
                    {r.sanction.decreeDate ? `, ${formatDate(r.sanction.decreeDate, language)}` : ''}
                  </p>
                )}
                {r.sanction.lighterThanProposed && <Notice kind="warning">{t('ref.lighter')}</Notice>}
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="ref-steps">
            <h2 id="ref-steps">{t('ref.steps')}</h2>
            <ol className="timeline">
              {r.steps.map((s, i) => (
                <li key={i} className={`timeline__item ${s.overdue ? 'timeline__item--overdue' : ''}`}>
                  <strong className="timeline__what">{pick(s.label, language)}</strong>
                  <span className="timeline__when">
                    {s.doneAt ? t('ref.doneAt', { at: formatDateTime(s.doneAt, language) }) : t('ref.open')}
                  </span>
                  {s.dueLocal &&
                    (s.doneAt ? (
                      <span className="hint">
                        {t('lacak.due', { due: s.dueLocal })}
                        {s.late ? ` · ${t('ref.late')}` : ''}
                      </span>
                    ) : (
                      <DeadlineMark overdue={s.overdue} dueLocal={s.dueLocal} />
                    ))}
                  {s.basis && <span className="hint">{s.basis}</span>}
                </li>
              ))}
            </ol>
          </section>
          {letter.status === 'ready' && <LetterSection letter={letter.data} />}
        </div>
        <aside className="kasus__side">
          <section className="card">
            <h2>{t('ref.public')}</h2>
            <p>
              <Link to={`/rekomendasi/${encodeURIComponent(r.publicKey)}`}>{t('ref.publicLink')}</Link>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}
