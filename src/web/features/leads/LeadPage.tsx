// One lead: the archived text with the extracted facts highlighted, its cluster, dismissal and promotion.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { HighlightedText, HighlightLegend } from './HighlightedText.tsx';
import { Chips } from './Chips.tsx';
import { PromoteForm } from './PromoteForm.tsx';
import type { LeadDetail } from './types.ts';

export function LeadPage() {
  const t = useT();
  const { id = '' } = useParams();
  const user = useStaffUser();
  const lead = useApi((signal) => api.get<LeadDetail>(`/leads/${id}`, undefined, signal), [id]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const canDecide = user.role === 'admin' || user.role.startsWith('pengawas_');
  const act = async (path: string) => {
    setError(null);
    try {
      await api.post(path);
      lead.reload();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  if (lead.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (lead.status === 'error')
    return (
      <div className="page">
        <ErrorNotice error={lead.error} onRetry={lead.reload} />
      </div>
    );
  const data = lead.data;
  const open = data.state === 'baru' || data.state === 'ditinjau';
  return (
    <div className="page">
      <p>
        <Link to="/staf/leads">← {t('leads.back')}</Link>
      </p>
      <PageTitle>{data.article.title ?? data.article.url ?? t('leads.title')}</PageTitle>
      <p className="muted">
        {t('leads.source', { source: data.article.source })} · <span className="badge">{t(`leads.state.${data.state}` as MessageKey)}</span>
        {data.article.url && (
          <>
            {' '}
            ·{' '}
            <a href={data.article.url} rel="noreferrer noopener" target="_blank">
              {t('leads.openOriginal')}
            </a>
          </>
        )}
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      {error && <ErrorNotice error={error} />}
      <dl className="facts">
        <div>
          <dt>{t('leads.score')}</dt>
          <dd>{Math.round(data.score * 100)}</dd>
        </div>
        <div>
          <dt>{t('leads.colKind')}</dt>
          <dd>{t(`leads.kind.${data.kind}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('leads.colRegions')}</dt>
          <dd>{data.regions.map((r) => `${r.name} (${r.code})`).join(', ') || t('leads.noRegion')}</dd>
        </div>
        <div>
          <dt>{t('leads.date')}</dt>
          <dd>{data.date ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('leads.colFacts')}</dt>
          <dd>
            <Chips items={data.actors} kind="actor" />
            <Chips items={data.acts} kind="act" />
          </dd>
        </div>
        {data.people.length > 0 && (
          <div>
            <dt>{t('leads.people')}</dt>
            <dd>{data.people.map((p) => `${p.name} (${p.position})`).join('; ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('leads.sha')}</dt>
          <dd>
            <code>{data.article.textSha256}</code>
          </dd>
        </div>
      </dl>
      {data.promotedCaseId && (
        <Notice kind="success">
          {t('leads.promoted')} <Link to={`/staf/kasus/${data.promotedCaseId}`}>{t('leads.openCase')}</Link>
        </Notice>
      )}
      <section aria-labelledby="lead-text-title">
        <h2 id="lead-text-title">{t('leads.textTitle')}</h2>
        <HighlightLegend />
        <HighlightedText text={data.article.text} highlights={data.highlights} />
      </section>
      {data.cluster && data.cluster.members.length > 1 && (
        <section aria-labelledby="lead-cluster-title">
          <h2 id="lead-cluster-title">{t('leads.cluster')}</h2>
          <p className="muted">{data.cluster.state === 'confirmed' ? t('leads.clusterConfirmed') : t('leads.clusterSuggested')}</p>
          <ul className="lead-cluster">
            {data.cluster.members.map((m) => (
              <li key={m.articleId}>
                {m.leadId && m.leadId !== data.id ? (
                  <Link to={`/staf/leads/${m.leadId}`}>{m.title ?? m.url ?? m.articleId}</Link>
                ) : (
                  <strong>{m.title ?? m.url ?? m.articleId}</strong>
                )}{' '}
                <span className="muted">{m.source}</span>
                {canDecide && m.articleId !== data.article.id && (
                  <>
                    {' '}
                    <button type="button" className="button button--link" onClick={() => void act(`/articles/${m.articleId}/detach`)}>
                      {t('leads.detach')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          {canDecide && data.cluster.state !== 'confirmed' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void act(`/article-clusters/${data.cluster!.id}/confirm`)}
            >
              {t('leads.clusterConfirm')}
            </button>
          )}
        </section>
      )}
      {canDecide && open && (
        <>
          <PromoteForm
            lead={data}
            onDone={(caseId) => {
              setMessage(t('leads.promoted'));
              lead.reload();
              void caseId;
            }}
          />
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                await act(`/leads/${data.id}/dismiss`);
                setMessage(t('leads.dismissed'));
              }}
            >
              {t('leads.dismiss')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}
