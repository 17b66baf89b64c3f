// Media-monitoring leads: the ranked inbox (one row per story), a lead's archived text with the
// extracted facts highlighted, dismissal and promotion to informasi awal; admins also manage feeds.
import { useId, useState, type FormEvent } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPES } from '../../../domain/catalogues/subjects.ts';
import { neutralityActsForMediaActs } from '../../../domain/leads/acts.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { subjectLabel } from '../../features/cases/labels.ts';
import { HighlightedText, HighlightLegend } from '../../features/leads/HighlightedText.tsx';
import { PasteArticle, SourcesAdmin } from '../../features/leads/SourcesAdmin.tsx';
import type { LeadDetail, LeadList, PromotedLead } from '../../features/leads/types.ts';

const STATES = ['baru', 'ditinjau', 'diabaikan', 'dipromosikan', 'semua'] as const;
const KINDS = ['incident', 'statistics', 'appeal', 'other'] as const;
const words = (id: string) => id.replace(/_/g, ' ');

export default function Leads() {
  return (
    <Routes>
      <Route index element={<LeadInbox />} />
      <Route path=":id" element={<LeadPage />} />
    </Routes>
  );
}

function LeadInbox() {
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

function Chips({ items, kind }: { items: string[]; kind: 'actor' | 'act' }) {
  if (!items.length) return null;
  return (
    <ul className="chips">
      {items.map((item) => (
        <li key={item} className={`chip chip--${kind}`}>
          {words(item)}
        </li>
      ))}
    </ul>
  );
}

function LeadPage() {
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

function PromoteForm({ lead, onDone }: { lead: LeadDetail; onDone(caseId: string): void }) {
  const t = useT();
  const language = useLanguage();
  const ids = { judul: useId(), region: useId(), date: useId(), nama: useId(), jabatan: useId(), instansi: useId(), jenis: useId() };
  const person = lead.people[0];
  const [judul, setJudul] = useState((lead.article.title ?? '').slice(0, 200));
  const [kodeWilayah, setKodeWilayah] = useState(lead.regions.find((r) => r.level !== 'provinsi')?.code ?? lead.regions[0]?.code ?? '');
  const [tanggal, setTanggal] = useState(lead.date ?? '');
  const [perbuatan, setPerbuatan] = useState<string[]>(neutralityActsForMediaActs(lead.acts));
  const [terlapor, setTerlapor] = useState({
    nama: '',
    jabatan: person?.position ?? '',
    instansi: '',
    jenisSubjek: lead.actors.find((a) => (SUBJECT_TYPES as readonly string[]).includes(a)) ?? 'PNS',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setPerbuatan((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const result = await api.post<PromotedLead>(`/leads/${lead.id}/promote`, {
        judul: judul.trim() || undefined,
        kodeWilayah: kodeWilayah || undefined,
        tanggalKejadian: tanggal || undefined,
        perbuatan: perbuatan.length ? perbuatan : undefined,
        terlapor: [terlapor],
      });
      onDone(result.caseId);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="lead-promote-title">
      <h2 id="lead-promote-title">{t('leads.promoteTitle')}</h2>
      <p className="muted">{t('leads.promoteIntro')}</p>
      {error && <ErrorNotice error={error} />}
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.judul}>{t('leads.fieldTitle')}</label>
          <input id={ids.judul} value={judul} onChange={(e) => setJudul(e.target.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={ids.region}>{t('leads.fieldRegion')}</label>
          <input id={ids.region} value={kodeWilayah} onChange={(e) => setKodeWilayah(e.target.value)} pattern="\d{2}(\.\d{2}){0,3}" />
        </div>
        <div className="field">
          <label htmlFor={ids.date}>{t('leads.fieldDate')}</label>
          <input id={ids.date} type="date" value={tanggal} onChange={(e) => setTanggal(e.target.value)} />
        </div>
        <fieldset className="field lead-acts">
          <legend>{t('leads.fieldActs')}</legend>
          {NEUTRALITY_ACTS.map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" checked={perbuatan.includes(a.id)} onChange={() => toggle(a.id)} />{' '}
              {pick({ id: a.label, en: a.labelEn }, language)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.nama}>{t('leads.fieldTerlaporName')}</label>
          <input
            id={ids.nama}
            value={terlapor.nama}
            onChange={(e) => setTerlapor({ ...terlapor, nama: e.target.value })}
            required
            minLength={2}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.jabatan}>{t('leads.fieldTerlaporPosition')}</label>
          <input
            id={ids.jabatan}
            value={terlapor.jabatan}
            onChange={(e) => setTerlapor({ ...terlapor, jabatan: e.target.value })}
            required
            minLength={2}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.instansi}>{t('leads.fieldTerlaporAgency')}</label>
          <input
            id={ids.instansi}
            value={terlapor.instansi}
            onChange={(e) => setTerlapor({ ...terlapor, instansi: e.target.value })}
            required
            minLength={2}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.jenis}>{t('leads.fieldTerlaporType')}</label>
          <select id={ids.jenis} value={terlapor.jenisSubjek} onChange={(e) => setTerlapor({ ...terlapor, jenisSubjek: e.target.value })}>
            {SUBJECT_TYPES.map((s) => (
              <option key={s} value={s}>
                {subjectLabel(s, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('leads.promote')}
          </button>
        </div>
      </form>
    </section>
  );
}
