// Public follow-up of one recommendation by its letter number: who must act, what was decided and
// whether each step met its deadline. Position and agency only — no names.
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { classificationLabel, formatDateTime, subjectLabel } from '../../features/cases/labels.ts';
import type { PublicReferral } from '../../features/referrals/types.ts';

export default function RekomendasiPublik() {
  const t = useT();
  const language = useLanguage();
  const params = useParams();
  const key = decodeURIComponent(params['*'] ?? '');
  // /rekomendasi alone (no key): say what the page is for instead of asking the server for nothing.
  const data = useApi(key ? (signal) => api.get<PublicReferral>(`/public/referrals/${encodeURIComponent(key)}`, undefined, signal) : null, [
    key,
  ]);
  return (
    <div className="page page--narrow">
      <PageTitle>{t('pubref.title')}</PageTitle>
      {!key && (
        <>
          <p>{t('pubref.noKey')}</p>
          <p>
            <Link to="/lacak">{t('pubref.toLacak')}</Link>
          </p>
        </>
      )}
      {key && data.status === 'loading' && <Loading />}
      {data.status === 'error' &&
        (data.error.status === 404 || data.error.status === 400 ? (
          <Notice kind="warning">
            {t('pubref.notFound')} <Link to="/lacak">{t('pubref.toLacak')}</Link>
          </Notice>
        ) : (
          <ErrorNotice error={data.error} onRetry={data.reload} />
        ))}
      {data.status === 'ready' && (
        <>
          <div className="card">
            <p className="muted">{t('ref.number')}</p>
            <p className="mono big-number">{data.data.recommendationNumber}</p>
            <p>
              <span className={`state-badge state-badge--ref-${data.data.state}`} data-testid="public-referral-state">
                {pick(data.data.stateLabel, language)}
              </span>
            </p>
            <dl className="facts facts--stack">
              <div>
                <dt>{t('pubref.terlapor')}</dt>
                <dd>
                  {data.data.terlapor.position}, {data.data.terlapor.agency} ({subjectLabel(data.data.terlapor.subjectType, language)})
                </dd>
              </div>
              <div>
                <dt>{t('pubref.authority')}</dt>
                <dd>{data.data.authorityName}</dd>
              </div>
              {data.data.regionName && (
                <div>
                  <dt>{t('pubref.region')}</dt>
                  <dd>{data.data.regionName}</dd>
                </div>
              )}
              <div>
                <dt>{t('case.classification')}</dt>
                <dd>{classificationLabel(data.data.classification, language)}</dd>
              </div>
              <div>
                <dt>{t('ref.recommended')}</dt>
                <dd>{formatDateTime(data.data.recommendedAt, language)}</dd>
              </div>
              {data.data.proposedTrack.citation && (
                <div>
                  <dt>{t('ref.proposed')}</dt>
                  <dd>{data.data.proposedTrack.citation}</dd>
                </div>
              )}
            </dl>
            {data.data.conflictOfInterest && <Notice kind="warning">{t('ref.conflict')}</Notice>}
          </div>
          <h2>{t('pubref.timeline')}</h2>
          <ol className="timeline timeline--public">
            {data.data.timeline.map((s) => (
              <li
                key={s.step}
                className={`timeline__item ${s.done ? 'timeline__item--done' : ''} ${s.overdue ? 'timeline__item--overdue' : ''}`}
                data-step={s.step}
              >
                <strong className="timeline__what">
                  {s.done ? '✓ ' : ''}
                  {pick(s.label, language)}
                </strong>
                <span className="timeline__when">
                  {s.at ? formatDateTime(s.at, language) : s.overdue ? t('queue.overdue') : t('pubref.pending')}
                </span>
                {!s.done && s.dueAt && <span className="hint">{t('pubref.dueBy', { at: formatDateTime(s.dueAt, language) })}</span>}
                {s.outcome && (
                  <span className="timeline__note">
                    {language === 'en' ? s.outcome.labelEn : s.outcome.label}
                    {s.outcome.decreeDate ? ` (${formatDate(s.outcome.decreeDate, language)})` : ''}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <p className="hint">{t('pubref.privacy')}</p>
        </>
      )}
      <p>
        <Link to="/pengumuman">{t('ann.title')}</Link>
      </p>
    </div>
  );
}
