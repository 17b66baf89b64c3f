// /deklarasi: neutrality pledges (public fields only, never signatory names) and their coverage
// by region and agency. ?wilayah=16.02 narrows the list to a region.
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { PledgeCoverage, PublicPledge } from '../../api/publicTypes.ts';

const PAGE_SIZE = 50;

export default function Deklarasi() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const region = /^\d{2}(\.\d{2}){0,3}$/.test(params.get('wilayah') ?? '') ? params.get('wilayah')! : undefined;
  const offset = Math.max(0, Number(params.get('mulai') ?? 0) || 0);
  const list = useApi(
    (signal) => api.get<{ items: PublicPledge[]; total: number }>('/public/pledges', { region, limit: PAGE_SIZE, offset }, signal),
    [region, offset],
  );
  const coverage = useApi((signal) => api.get<PledgeCoverage>('/public/pledges/coverage', { level: 'kabupaten_kota' }, signal), []);
  const fmt = (n: number) => formatNumber(n, language);
  const covered = coverage.status === 'ready' ? coverage.data.regions.filter((r) => r.pledges > 0) : [];

  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('deklarasi.title') }]} />
      <PageTitle>{t('deklarasi.title')}</PageTitle>
      <p className="lead">{t('deklarasi.lead')}</p>
      <p>
        <Link to="/panduan#panduan-deklarasi">{t('deklarasi.meaning')}</Link> ·{' '}
        <Link to="/peta?lapisan=deklarasi">{t('deklarasi.toMap')}</Link>
      </p>

      <section aria-labelledby="deklarasi-cakupan">
        <h2 id="deklarasi-cakupan">{t('deklarasi.coverage')}</h2>
        {coverage.status === 'loading' && <Loading />}
        {coverage.status === 'error' && <ErrorNotice error={coverage.error} onRetry={coverage.reload} />}
        {coverage.status === 'ready' && (
          <>
            <dl className="stat-cards">
              <div className="stat-card stat-card--main">
                <dt>{t('deklarasi.totalPledges')}</dt>
                <dd>{fmt(coverage.data.totals.pledges)}</dd>
              </div>
              <div className="stat-card">
                <dt>{t('deklarasi.totalSignatories')}</dt>
                <dd>{fmt(coverage.data.totals.signatories)}</dd>
              </div>
              <div className="stat-card">
                <dt>{t('deklarasi.regionsCovered')}</dt>
                <dd>{fmt(covered.length)}</dd>
              </div>
              <div className="stat-card">
                <dt>{t('deklarasi.agencies')}</dt>
                <dd>{fmt(coverage.data.agencies.length)}</dd>
              </div>
            </dl>
            <p className="hint">{pick(coverage.data.note, language)}</p>
            {covered.length > 0 && (
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <caption>{t('deklarasi.byRegion')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('deklarasi.region')}</th>
                      <th scope="col" className="num">
                        {t('deklarasi.pledges')}
                      </th>
                      <th scope="col" className="num">
                        {t('deklarasi.signatoriesCol')}
                      </th>
                      <th scope="col" className="num">
                        {t('deklarasi.coveragePercent')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {covered.map((r) => (
                      <tr key={r.code}>
                        <th scope="row">
                          <Link to={`/wilayah/${r.code}/profil`}>{r.name}</Link>
                        </th>
                        <td className="num">{fmt(r.pledges)}</td>
                        <td className="num">{fmt(r.signatories)}</td>
                        <td className="num">
                          {r.coveragePercent === null
                            ? t('deklarasi.unknownHeadcount')
                            : `${r.coveragePercent.toLocaleString(language === 'en' ? 'en-GB' : 'id-ID')}%`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {coverage.data.agencies.length > 0 && (
              <div className="table-wrap" tabIndex={0}>
                <table>
                  <caption>{t('deklarasi.byAgency')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('deklarasi.agency')}</th>
                      <th scope="col" className="num">
                        {t('deklarasi.pledges')}
                      </th>
                      <th scope="col" className="num">
                        {t('deklarasi.signatoriesCol')}
                      </th>
                      <th scope="col">{t('deklarasi.lastDate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {coverage.data.agencies.slice(0, 50).map((a) => (
                      <tr key={a.agency}>
                        <th scope="row">{a.agency}</th>
                        <td className="num">{fmt(a.pledges)}</td>
                        <td className="num">{fmt(a.signatories)}</td>
                        <td>{formatDate(a.lastDate, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="deklarasi-daftar">
        <h2 id="deklarasi-daftar">{region ? t('deklarasi.listIn', { region }) : t('deklarasi.list')}</h2>
        {region && (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setParams({})}>
              {t('deklarasi.showAll')}
            </button>
          </p>
        )}
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {list.status === 'ready' &&
          (list.data.items.length === 0 ? (
            <p>{t('deklarasi.none')}</p>
          ) : (
            <>
              <p className="muted">{t('deklarasi.count', { shown: list.data.items.length, total: fmt(list.data.total) })}</p>
              <ul className="pledge-cards">
                {list.data.items.map((p) => (
                  <li key={p.id} className="pledge-card">
                    <h3>{p.agency}</h3>
                    <dl className="facts">
                      <div>
                        <dt>{t('deklarasi.region')}</dt>
                        <dd>
                          <Link to={`/wilayah/${p.regionCode}/profil`}>{p.regionName}</Link>
                        </dd>
                      </div>
                      <div>
                        <dt>{t('deklarasi.date')}</dt>
                        <dd>{formatDate(p.date, language)}</dd>
                      </div>
                      <div>
                        <dt>{t('deklarasi.venue')}</dt>
                        <dd>{p.venue}</dd>
                      </div>
                      <div>
                        <dt>{t('deklarasi.signatoriesCol')}</dt>
                        <dd>{fmt(p.signatoryCount)}</dd>
                      </div>
                    </dl>
                    <p>
                      <a href={`/api/v1/public/pledges/${p.id}/certificate.pdf`}>{t('deklarasi.certificate')}</a>
                    </p>
                  </li>
                ))}
              </ul>
              <p className="pager">
                {offset > 0 && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setParams({ ...(region ? { wilayah: region } : {}), mulai: String(Math.max(0, offset - PAGE_SIZE)) })}
                  >
                    {t('deklarasi.prev')}
                  </button>
                )}
                {offset + PAGE_SIZE < list.data.total && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setParams({ ...(region ? { wilayah: region } : {}), mulai: String(offset + PAGE_SIZE) })}
                  >
                    {t('deklarasi.next')}
                  </button>
                )}
              </p>
            </>
          ))}
      </section>
    </div>
  );
}
