// /data: the open-data catalogue: each dataset with its description, licence, data dictionary,
// the SHA-256 and size of its latest release, and download links (CSV, XLSX, GeoJSON).
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { formatInstant, formatNumber } from '../../i18n/format.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { OpenDataCatalogue } from '../../api/publicTypes.ts';

const FORMAT: Record<string, string> = { 'cases.csv': 'CSV', 'cases.xlsx': 'XLSX', 'regions.geojson': 'GeoJSON' };

export default function DataTerbuka() {
  const t = useT();
  const language = useLanguage();
  const catalogue = useApi((signal) => api.get<OpenDataCatalogue>('/public/open-data', undefined, signal), []);
  const fmt = (n: number) => formatNumber(n, language);
  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('data.title') }]} />
      <PageTitle>{t('data.title')}</PageTitle>
      {catalogue.status === 'loading' && <Loading />}
      {catalogue.status === 'error' && <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />}
      {catalogue.status === 'ready' && (
        <>
          <p className="lead">{pick(catalogue.data.description, language)}</p>
          <p className="hint">{t('data.checksumHint')}</p>
          <ul className="dataset-list">
            {catalogue.data.datasets.map((d) => (
              <li key={d.id}>
                <article className="card dataset" aria-labelledby={`dataset-${d.id}`}>
                  <h2 id={`dataset-${d.id}`}>{language === 'en' ? d.titleEn : d.title}</h2>
                  <p className="dataset__download">
                    <a className="button button--primary" href={d.path} download>
                      {t('data.download', { format: FORMAT[d.id] ?? d.id })}
                    </a>
                    <span className="muted">
                      {' '}
                      <code>{d.mediaType}</code>
                    </span>
                  </p>
                  <dl className="facts facts--profile">
                    <div>
                      <dt>{t('data.licence')}</dt>
                      <dd>{oneLanguage(d.licence, language)}</dd>
                    </div>
                    {d.attribution && (
                      <div>
                        <dt>{t('data.attribution')}</dt>
                        <dd>{d.attribution.startsWith('Batas wilayah:') ? t('map.attribution') : d.attribution}</dd>
                      </div>
                    )}
                    <div>
                      <dt>{t('data.releases')}</dt>
                      <dd>{fmt(d.releases)}</dd>
                    </div>
                    {d.latestRelease ? (
                      <>
                        <div>
                          <dt>{t('data.latestRelease')}</dt>
                          <dd>
                            {formatInstant(d.latestRelease.createdAt, language)} · {t('data.rows', { rows: fmt(d.latestRelease.rows) })} ·{' '}
                            {t('data.bytes', { bytes: fmt(d.latestRelease.bytes) })}
                          </dd>
                        </div>
                        <div>
                          <dt>SHA-256</dt>
                          <dd>
                            <code className="hash">{d.latestRelease.sha256}</code>
                          </dd>
                        </div>
                      </>
                    ) : (
                      <div>
                        <dt>{t('data.latestRelease')}</dt>
                        <dd>{t('data.noRelease')}</dd>
                      </div>
                    )}
                  </dl>
                  <details className="dictionary">
                    <summary>{t('data.dictionary', { count: d.fields.length })}</summary>
                    <div className="table-wrap" tabIndex={0}>
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('data.field')}</th>
                            <th scope="col">{t('data.type')}</th>
                            <th scope="col">{t('data.description')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {d.fields.map((f) => (
                            <tr key={f.name}>
                              <th scope="row">
                                <code>{f.name}</code>
                              </th>
                              <td>{f.type}</td>
                              <td>{language === 'en' ? f.descriptionEn : f.description}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </details>
                </article>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Server texts written "indonesia / english": the part in the page's language. */
function oneLanguage(text: string, language: 'id' | 'en'): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return language === 'en' ? text.slice(i + 3) : text.slice(0, i);
}
