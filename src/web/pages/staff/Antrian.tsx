// The staff case queue: the jurisdiction's cases, nearest legal deadline first, with filters
// (kept in the address so a filtered view can be shared or reloaded) and paging.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CASE_STATES, STATE_LABELS } from '../../../domain/cases/stateMachine.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField, TextField } from '../../components/FormField.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { CaseList } from '../../features/cases/CaseList.tsx';
import { OTHER_ACT, actLabel } from '../../features/cases/labels.ts';
import type { CaseList as CaseListPage } from '../../features/cases/types.ts';
import { DismissInformasi } from '../../features/lapor/DismissInformasi.tsx';

const PAGE = 20;
const FILTERS = ['state', 'kind', 'subjectType', 'act', 'overdue', 'q'] as const;

export default function Antrian() {
  const t = useT();
  const language = useLanguage();
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [draft, setDraft] = useState(current);
  const key = params.toString();
  const authorityRole = user.role === 'bkn' || user.role === 'ppk';
  const list = useApi(
    authorityRole
      ? null
      : (signal) =>
          api.get<CaseListPage>(
            '/cases',
            {
              ...current,
              q: current.q.trim().length >= 2 ? current.q.trim() : undefined,
              limit: PAGE,
              offset,
            },
            signal,
          ),
    [key],
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f].trim()) next.set(f, draft[f].trim());
    setParams(next);
  }
  const set = (f: (typeof FILTERS)[number]) => (value: string) => setDraft((d) => ({ ...d, [f]: value }));

  if (authorityRole) {
    return (
      <div className="page">
        <PageTitle>{t('staff.queue')}</PageTitle>
        <Notice>
          {t('queue.authorityRole')} <Link to="/staf/rekomendasi">{t('staff.recommendations')}</Link>
        </Notice>
      </div>
    );
  }

  return (
    <div className="page">
      <PageTitle>{t('staff.queue')}</PageTitle>
      <p>{t('queue.lead')}</p>
      <form className="card filters" onSubmit={apply} role="search" aria-label={t('queue.filters')}>
        <div className="filters__grid">
          <TextField name="q" type="search" label={t('queue.search')} hint={t('queue.searchHint')} value={draft.q} onChange={set('q')} />
          <SelectField
            name="state"
            label={t('queue.state')}
            value={draft.state}
            onChange={set('state')}
            placeholder={t('queue.all')}
            options={CASE_STATES.map((s) => ({ value: s, label: STATE_LABELS[s][language] }))}
          />
          <SelectField
            name="kind"
            label={t('queue.kind')}
            value={draft.kind}
            onChange={set('kind')}
            placeholder={t('queue.all')}
            options={[
              { value: 'laporan', label: t('queue.kindLaporan') },
              { value: 'temuan', label: t('queue.kindTemuan') },
            ]}
          />
          <SelectField
            name="subjectType"
            label={t('queue.subjectType')}
            value={draft.subjectType}
            onChange={set('subjectType')}
            placeholder={t('queue.all')}
            options={SUBJECT_TYPE_CATALOGUE.map((s) => ({ value: s.id, label: language === 'en' ? s.labelEn : s.label }))}
          />
          <SelectField
            name="act"
            label={t('queue.act')}
            value={draft.act}
            onChange={set('act')}
            placeholder={t('queue.all')}
            options={[
              ...NEUTRALITY_ACTS.map((a) => ({ value: a.id, label: language === 'en' ? a.labelEn : a.label })),
              { value: OTHER_ACT.id, label: actLabel(OTHER_ACT.id, language) },
            ]}
          />
          <SelectField
            name="overdue"
            label={t('queue.deadline')}
            value={draft.overdue}
            onChange={set('overdue')}
            placeholder={t('queue.all')}
            options={[
              { value: 'true', label: t('queue.overdueOnly') },
              { value: 'false', label: t('queue.notOverdue') },
            ]}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('queue.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(Object.fromEntries(FILTERS.map((f) => [f, ''])) as typeof draft);
              setParams(new URLSearchParams());
            }}
          >
            {t('queue.reset')}
          </button>
        </div>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (
        <>
          <p className="muted" aria-live="polite">
            {t('queue.total', { total: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <CaseList items={list.data.items} actions={(c) => <DismissInformasi item={c} onDone={list.reload} />} />
          )}
          <Pager
            offset={offset}
            limit={PAGE}
            total={list.data.total}
            onChange={(next) => {
              const p = new URLSearchParams(params);
              if (next) p.set('offset', String(next));
              else p.delete('offset');
              setParams(p);
            }}
          />
        </>
      )}
    </div>
  );
}
