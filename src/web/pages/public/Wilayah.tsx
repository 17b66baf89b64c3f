// Region browser: provinces → kabupaten/kota → kecamatan → desa, with breadcrumbs, a search
// box (the server matches typos and aliases such as "Sumsel"), and the 2024 Pilkada contests and
// stages that apply to the region.
import { useEffect, useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { Page, RegionDetail, RegionSummary } from '../../api/types.ts';
import type { ContestDetail, ContestSummary, ElectionList } from '../../../contracts/elections.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { StageTable } from '../../components/StageTable.tsx';

const CHILD_LIMIT = 1000;

export default function Wilayah() {
  const { code } = useParams();
  return code ? <RegionPage code={code} /> : <RegionIndex />;
}

function RegionIndex() {
  const t = useT();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('regions.title') }]} />
      <PageTitle>{t('regions.title')}</PageTitle>
      <p className="lead">{t('regions.lead')}</p>
      <RegionSearch />
      {q ? <SearchResults q={q} /> : <ProvinceList />}
    </div>
  );
}

/** The search box keeps its text in the URL (?q=), so results survive reloads and the back button. */
function RegionSearch() {
  const t = useT();
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const urlQ = params.get('q') ?? '';
  useEffect(() => setText(urlQ), [urlQ]);
  useEffect(() => {
    if (text.trim() === urlQ.trim()) return;
    const timer = window.setTimeout(() => {
      setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [text, urlQ, setParams]);
  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
      }}
    >
      <label htmlFor={inputId}>{t('regions.searchLabel')}</label>
      <div className="search__row">
        <input
          id={inputId}
          type="search"
          name="q"
          value={text}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('regions.searchPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}

function SearchResults({ q }: { q: string }) {
  const t = useT();
  const result = useApi((signal) => api.get<Page<RegionSummary>>('/regions', { q, limit: 50 }, signal), [q]);
  return (
    <section aria-labelledby="search-results-title" aria-live="polite">
      <h2 id="search-results-title">{t('regions.searchResults', { q })}</h2>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorNotice error={result.error} onRetry={result.reload} />}
      {result.status === 'ready' &&
        (result.data.items.length === 0 ? <p>{t('regions.noResults', { q })}</p> : <RegionList items={result.data.items} />)}
    </section>
  );
}

function ProvinceList() {
  const t = useT();
  const result = useApi((signal) => api.get<Page<RegionSummary>>('/regions', { level: 'provinsi', limit: 100 }, signal), []);
  return (
    <section aria-labelledby="provinces-title">
      <h2 id="provinces-title">{t('regions.provinces')}</h2>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorNotice error={result.error} onRetry={result.reload} />}
      {result.status === 'ready' && <RegionList items={result.data.items} />}
    </section>
  );
}

function RegionList({ items }: { items: RegionSummary[] }) {
  const t = useT();
  return (
    <ul className="region-list">
      {items.map((region) => (
        <li key={region.code}>
          <Link to={`/wilayah/${region.code}`}>
            <span className="region-list__name">{region.name}</span>
            <span className="region-list__meta">
              {t(`regions.level.${region.level}`)} · {region.code}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function RegionPage({ code }: { code: string }) {
  const t = useT();
  const region = useApi((signal) => api.get<RegionDetail>(`/regions/${encodeURIComponent(code)}`, undefined, signal), [code]);
  if (region.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (region.status === 'error') {
    return (
      <div className="page">
        <Breadcrumbs items={[{ to: '/wilayah', label: t('regions.all') }, { label: code }]} />
        <PageTitle>{t('regions.notFound')}</PageTitle>
        <ErrorNotice error={region.error} onRetry={region.error.status === 404 ? undefined : region.reload} />
      </div>
    );
  }
  const detail = region.data;
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { to: '/wilayah', label: t('regions.all') },
          ...detail.ancestors.map((a) => ({ to: `/wilayah/${a.code}`, label: a.name })),
          { label: detail.name },
        ]}
      />
      <PageTitle>{detail.name}</PageTitle>
      <dl className="facts">
        <div>
          <dt>{t(`regions.level.${detail.level}`)}</dt>
          <dd>
            {t('common.code')} {detail.code}
          </dd>
        </div>
        <div>
          <dt>{t('regions.timeZone')}</dt>
          <dd>{detail.timeZone}</dd>
        </div>
      </dl>
      <ContestSection region={detail} />
      <ChildRegions region={detail} />
    </div>
  );
}

function ChildRegions({ region }: { region: RegionDetail }) {
  const t = useT();
  const language = useLanguage();
  const children = useApi(
    region.childCount > 0
      ? (signal) => api.get<Page<RegionSummary>>('/regions', { parent: region.code, limit: CHILD_LIMIT }, signal)
      : null,
    [region.code, region.childCount],
  );
  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">{t(`regions.children.${region.level}`)}</h2>
      {region.childCount === 0 && <p>{t('regions.noChildren')}</p>}
      {region.childCount > 0 && children.status === 'loading' && <Loading />}
      {children.status === 'error' && <ErrorNotice error={children.error} onRetry={children.reload} />}
      {children.status === 'ready' && (
        <>
          <p className="muted">{t('regions.count', { count: formatNumber(children.data.total, language) })}</p>
          <RegionList items={children.data.items} />
          {children.data.total > children.data.items.length && (
            <p className="muted">{t('regions.showing', { shown: children.data.items.length, total: children.data.total })}</p>
          )}
        </>
      )}
    </section>
  );
}

/** The contests voters in this region take part in: its own, and those of its province/kabupaten. */
function ContestSection({ region }: { region: RegionDetail }) {
  const t = useT();
  const language = useLanguage();
  const provinceCode = region.provinceCode ?? region.code.slice(0, 2);
  const elections = useApi((signal) => api.get<ElectionList>('/elections', { year: 2024, region: provinceCode }, signal), [provinceCode]);
  if (elections.status === 'loading') return <Loading />;
  if (elections.status === 'error') return <ErrorNotice error={elections.error} onRetry={elections.reload} />;
  // Nearest first: the region's own contest, then its kabupaten/kota, then its province.
  const chain = [region.code, ...region.ancestors.map((a) => a.code).reverse()];
  const contests = elections.data.items
    .filter((c) => chain.includes(c.regionCode))
    .sort((a, b) => chain.indexOf(a.regionCode) - chain.indexOf(b.regionCode));
  const electionIds = [...new Set(contests.map((c) => c.electionId))];
  return (
    <section aria-labelledby="contests-title" className="contests">
      <h2 id="contests-title">{t('elections.title')}</h2>
      {contests.length === 0 && <p>{t('elections.none')}</p>}
      {contests.length > 0 && (
        <ul className="contest-list">
          {contests.map((contest) => (
            <li key={`${contest.electionId}/${contest.regionCode}`}>
              <ContestCard contest={contest} own={contest.regionCode === region.code} />
            </li>
          ))}
        </ul>
      )}
      {electionIds.map((id) => {
        const election = elections.data.elections.find((e) => e.id === id);
        const stages = election?.stages ?? contests.find((c) => c.electionId === id)?.stages ?? [];
        return (
          <StageTable
            key={id}
            title={election ? `${t('elections.stages')}: ${election.name}` : t('elections.stages')}
            stages={stages}
            votingDate={election?.votingDate ?? contests[0].votingDate}
            language={language}
          />
        );
      })}
    </section>
  );
}

function ContestCard({ contest, own }: { contest: ContestSummary; own: boolean }) {
  const t = useT();
  const language = useLanguage();
  const kind = t(`elections.kind.${contest.kind}`);
  const pairs = useApi(
    own && contest.candidatePairCount > 0
      ? (signal) =>
          api.get<ContestDetail>(
            `/elections/${encodeURIComponent(contest.electionId)}/contests/${encodeURIComponent(contest.regionCode)}`,
            undefined,
            signal,
          )
      : null,
    [contest.electionId, contest.regionCode, own],
  );
  return (
    <article className={`contest${own ? ' contest--own' : ''}`}>
      <h3>{kind}</h3>
      <p className="contest__region">{own ? contest.regionName : t('elections.inherited', { name: contest.regionName })}</p>
      <p className="contest__date">
        <span>{t('elections.votingDay')}: </span>
        <strong>
          <time dateTime={contest.votingDate}>{formatDate(contest.votingDate, language)}</time>
        </strong>
      </p>
      <p className="muted">
        {t('elections.pairs')}: {contest.candidatePairCount > 0 ? contest.candidatePairCount : t('elections.pairsUnknown')}
      </p>
      {pairs.status === 'ready' && pairs.data.candidatePairs.length > 0 && (
        <ol className="pairs">
          {pairs.data.candidatePairs.map((pair) => (
            <li key={`${pair.ballotNumber}-${pair.headName}`}>
              {pair.ballotNumber !== null && <span className="pairs__number">{t('elections.pairNumber', { n: pair.ballotNumber })}</span>}
              <span>
                {pair.headName} – {pair.deputyName}
              </span>
              {pair.isIncumbent && <span className="badge">{t('elections.incumbent')}</span>}
              {pair.parties && <span className="muted"> ({pair.parties})</span>}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
