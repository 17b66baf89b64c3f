// Referral inbox: filter by state and overdue, one card per referral with its next deadline.
import { Link, useSearchParams } from 'react-router-dom';
import { REFERRAL_STATES, REFERRAL_STATE_LABELS } from '../../../domain/referrals/states.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField } from '../../components/FormField.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { Pager } from '../../components/Pager.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { DeadlineMark } from '../cases/CaseList.tsx';
import { formatDateTime, subjectLabel } from '../cases/labels.ts';
import type { ReferralList } from './types.ts';

const PAGE = 20;

export function ReferralInbox() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const overdue = params.get('overdue') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const list = useApi(
    (signal) => api.get<ReferralList>('/referrals', { state, overdue, limit: PAGE, offset }, signal),
    [state, overdue, offset],
  );
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('offset');
    setParams(next);
  };
  return (
    <div className="page">
      <PageTitle>{t('staff.recommendations')}</PageTitle>
      <p>{t('ref.lead')}</p>
      <div className="card filters">
        <div className="filters__grid">
          <SelectField
            name="refState"
            label={t('queue.state')}
            value={state}
            onChange={(v) => setFilter('state', v)}
            placeholder={t('queue.all')}
            options={REFERRAL_STATES.map((s) => ({ value: s, label: REFERRAL_STATE_LABELS[s][language] }))}
          />
          <SelectField
            name="refOverdue"
            label={t('queue.deadline')}
            value={overdue}
            onChange={(v) => setFilter('overdue', v)}
            placeholder={t('queue.all')}
            options={[
              { value: 'true', label: t('queue.overdueOnly') },
              { value: 'false', label: t('queue.notOverdue') },
            ]}
          />
        </div>
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (
        <>
          {list.data.items.length === 0 && <p>{t('ref.empty')}</p>}
          <ul className="case-list">
            {list.data.items.map((r) => (
              <li key={r.id} className={`case-card card ${r.overdue ? 'case-card--overdue' : ''}`}>
                <div className="case-card__head">
                  <span className={`state-badge state-badge--ref-${r.state}`}>{pick(r.stateLabel, language)}</span>
                  <span className="badge">{r.authority}</span>
                  {r.siasnBlocked && <span className="badge badge--live">{t('ref.siasnBlocked')}</span>}
                </div>
                <h2 className="case-card__title">
                  <Link to={`/staf/rekomendasi/${r.id}`}>{r.recommendationNumber}</Link>
                </h2>
                <p className="case-card__terlapor">
                  {r.terlapor.position}, {r.terlapor.agency} ({subjectLabel(r.terlapor.subjectType, language)})
                </p>
                <p className="muted">{t('ref.recommendedAt', { at: formatDateTime(r.recommendedAt, language) })}</p>
                <p className="case-card__deadline">
                  {r.nextStep?.dueLocal ? (
                    <DeadlineMark overdue={r.nextStep.overdue} dueLocal={r.nextStep.dueLocal} ruleId={null} />
                  ) : (
                    <span className="muted">{t('queue.noDeadline')}</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={(next) => setFilter('offset', next ? String(next) : '')} />
        </>
      )}
    </div>
  );
}
