// The ranked lead inbox (one row per story) with filters; pasting an article; feeds for admins.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { PasteArticle, SourcesAdmin } from './SourcesAdmin.tsx';
import { Chips } from './Chips.tsx';
import type { LeadList } from './types.ts';

const STATES = ['baru', 'ditinjau', 'diabaikan', 'dipromosikan', 'semua'] as const;
const KINDS = ['incident', 'statistics', 'appeal', 'other'] as const;

export function LeadInbox() {
  const t = useT();
  const user = useStaffUser();
  const ids = { state: useId(), minScore: useId(), kind: useId(), q: useId() };
  const [filters, setFilters] = useState({ state: 'baru', minScore: '', kind: '', q: '' });
  const [applied, setApplied] = useState(filters);
  const leads = useApi((signal) => api.get<LeadList>('/leads', applied, signal), [applied]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(filters);
  };
  const canDecide = user.role === 'admin' || user.role.startsWith('pengawas_');
  return (
    <div className="page">
      <PageTitle>{t('leads.title')}</PageTitle>
      <p className="lead">{t('leads.intro')}</p>
      <form className="lead-filters" onSubmit={apply}>
        <div className="field">
          <label htmlFor={ids.state}>{t('leads.filterState')}</label>
          <select id={ids.state} value={filters.state} onChange={(e) => setFilters({ ...filters, state: e.target.value })}>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`leads.state.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('leads.filterKind')}</label>
          <select id={ids.kind} value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.target.value })}>
            <option value="">{t('leads.state.semua')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`leads.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.minScore}>{t('leads.filterMinScore')}</label>
          <input
            id={ids.minScore}
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={filters.minScore}
            onChange={(e) => setFilters({ ...filters, minScore: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.q}>{t('leads.filterQuery')}</label>
          <input id={ids.q} type="search" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('leads.filterApply')}
        </button>
      </form>
      {leads.status === 'loading' && <Loading />}
      {leads.status === 'error' && <ErrorNotice error={leads.error} onRetry={leads.reload} />}
      {leads.status === 'ready' &&
        (leads.data.items.length === 0 ? (
          <Notice>{t('leads.empty')}</Notice>
        ) : (
          <>
            <p className="muted">{t('leads.total', { total: leads.data.total })}</p>
            <div className="table-wrap" tabIndex={0}>
              <table className="data-table lead-table">
                <thead>
                  <tr>
                    <th scope="col">{t('leads.colScore')}</th>
                    <th scope="col">{t('leads.colArticle')}</th>
                    <th scope="col">{t('leads.colKind')}</th>
                    <th scope="col">{t('leads.colRegions')}</th>
                    <th scope="col">{t('leads.colFacts')}</th>
                    <th scope="col">{t('leads.colCopies')}</th>
                  </tr>
                </thead>
                <tbody>
                  {leads.data.items.map((lead) => (
                    <tr key={lead.id}>
                      <td>
                        <span className="lead-score">{Math.round(lead.score * 100)}</span>
                      </td>
                      <th scope="row">
                        <Link to={`/staf/leads/${lead.id}`}>{lead.title ?? lead.url ?? lead.articleId}</Link>
                        <br />
                        <span className="muted">{lead.source}</span>
                      </th>
                      <td>{t(`leads.kind.${lead.kind}` as MessageKey)}</td>
                      <td>
                        {lead.regions.length ? (
                          lead.regions.map((r) => r.name).join(', ')
                        ) : (
                          <span className="muted">{t('leads.noRegion')}</span>
                        )}
                      </td>
                      <td>
                        <Chips items={lead.actors} kind="actor" />
                        <Chips items={lead.acts} kind="act" />
                      </td>
                      <td>{lead.cluster && lead.cluster.size > 1 ? t('leads.copies', { n: lead.cluster.size }) : '1'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
      {canDecide && <PasteArticle onSent={leads.reload} />}
      {user.role === 'admin' && <SourcesAdmin />}
    </div>
  );
}
