// /dasbor: the public dashboard from GET /api/v1/public/stats (counts only, no personal data):
// totals, regions, stage, subject type, act, classification, state and outcome, weekly series,
// and Netra's numbers beside the figures published for earlier elections, with their sources.
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { BarTable } from '../../components/charts/BarTable.tsx';
import { WeeklyChart } from '../../components/charts/WeeklyChart.tsx';
import { formatDate, formatInstant, formatNumber } from '../../i18n/format.ts';
import { FIGURE_LABELS } from '../../i18n/messages-map.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { CountItem, PublicStats } from '../../api/publicTypes.ts';

const TOP = 10;

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

export default function DasborPublik() {
  const t = useT();
  const language = useLanguage();
  const stats = useApi((signal) => api.get<PublicStats>('/public/stats', undefined, signal), []);
  const fmt = (n: number) => formatNumber(n, language);
  const label = (item: CountItem) => (language === 'en' && item.labelEn ? item.labelEn : item.label);
  const countRows = (items: CountItem[]) => items.map((i) => ({ key: i.code, label: label(i), count: i.count }));
  const headers = { labelHeader: t('dasbor.category'), countHeader: t('dasbor.count'), format: fmt, emptyText: t('dasbor.empty') };

  return (
    <div className="page dashboard">
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('dasbor.title') }]} />
      <PageTitle>{t('dasbor.title')}</PageTitle>
      <p className="lead">{t('dasbor.lead')}</p>
      {stats.status === 'loading' && <Loading />}
      {stats.status === 'error' && <ErrorNotice error={stats.error} onRetry={stats.reload} />}
      {stats.status === 'ready' &&
        (() => {
          const s = stats.data;
          return (
            <>
              <p className="muted">{t('dasbor.generatedAt', { at: formatInstant(s.generatedAt, language) })}</p>
              <dl className="stat-cards">
                <div className="stat-card stat-card--main" data-testid="total-cases">
                  <dt>{t('dasbor.totalCases')}</dt>
                  <dd>{fmt(s.totals.cases)}</dd>
                </div>
                <div className="stat-card">
                  <dt>{t('dasbor.laporan')}</dt>
                  <dd>{fmt(s.totals.laporan)}</dd>
                </div>
                <div className="stat-card">
                  <dt>{t('dasbor.temuan')}</dt>
                  <dd>{fmt(s.totals.temuan)}</dd>
                </div>
                <div className="stat-card">
                  <dt>{t('dasbor.terlapor')}</dt>
                  <dd>{fmt(s.totals.terlapor)}</dd>
                </div>
              </dl>
              <p className="dashboard__links">
                <Link to="/peta?lapisan=perkara" className="button button--secondary">
                  {t('dasbor.toMap')}
                </Link>
                <Link to="/data" className="button button--secondary">
                  {t('dasbor.toData')}
                </Link>
              </p>

              <section aria-labelledby="dasbor-waktu">
                <h2 id="dasbor-waktu">{t('dasbor.weekly')}</h2>
                {s.weekly.length === 0 ? (
                  <p>{t('dasbor.empty')}</p>
                ) : (
                  <WeeklyChart
                    weeks={s.weekly}
                    title={t('dasbor.weekly')}
                    summary={t('dasbor.weeklySummary', {
                      weeks: s.weekly.length,
                      total: fmt(s.weekly.reduce((sum, w) => sum + w.count, 0)),
                      from: formatDate(s.weekly[0].startsOn, language),
                      max: fmt(Math.max(...s.weekly.map((w) => w.count))),
                    })}
                    formatWeek={(w) => `${w.week} (${formatDate(w.startsOn, language)})`}
                    format={fmt}
                    tableCaption={t('dasbor.weeklyTable')}
                    weekHeader={t('dasbor.week')}
                    countHeader={t('dasbor.count')}
                  />
                )}
              </section>

              <section aria-labelledby="dasbor-wilayah">
                <h2 id="dasbor-wilayah">{t('dasbor.regions')}</h2>
                <div className="columns">
                  <BarTable
                    {...headers}
                    labelHeader={t('dasbor.province')}
                    caption={t('dasbor.topProvinces', { n: TOP })}
                    rows={s.byProvince.slice(0, TOP).map((r) => ({
                      key: r.code,
                      label: <Link to={`/peta?provinsi=${r.code}&lapisan=perkara`}>{r.name}</Link>,
                      count: r.count,
                    }))}
                  />
                  <BarTable
                    {...headers}
                    labelHeader={t('dasbor.regency')}
                    caption={t('dasbor.topRegencies', { n: TOP })}
                    rows={s.byRegency
                      .slice(0, TOP)
                      .map((r) => ({ key: r.code, label: <Link to={`/wilayah/${r.code}/profil`}>{r.name}</Link>, count: r.count }))}
                  />
                </div>
              </section>

              <section aria-labelledby="dasbor-rincian">
                <h2 id="dasbor-rincian">{t('dasbor.breakdown')}</h2>
                <div className="columns">
                  <BarTable {...headers} caption={t('dasbor.byState')} rows={countRows(s.byState)} />
                  <BarTable {...headers} caption={t('dasbor.byOutcome')} rows={countRows(s.byOutcome)} />
                  <BarTable {...headers} caption={t('dasbor.byStage')} rows={countRows(s.byStage)} />
                  <BarTable {...headers} caption={t('dasbor.bySubject')} rows={countRows(s.bySubjectType)} />
                  <BarTable {...headers} caption={t('dasbor.byAct')} rows={countRows(s.byAct)} />
                  <BarTable {...headers} caption={t('dasbor.byClassification')} rows={countRows(s.byClassification)} />
                </div>
                <ul className="notes">
                  {s.notes.map((note) => (
                    <li key={note.id} className="hint">
                      {pick(note, language)}
                    </li>
                  ))}
                </ul>
              </section>

              <section aria-labelledby="dasbor-pembanding">
                <h2 id="dasbor-pembanding">{t('dasbor.reference')}</h2>
                <p>{t('dasbor.referenceLead', { total: fmt(s.totals.cases) })}</p>
                <ul className="reference-list">
                  {s.reference.map((ref) => (
                    <li key={ref.id} className="reference">
                      <h3>
                        {ref.election} · {language === 'en' ? ref.labelEn : ref.label}
                      </h3>
                      <p className="muted">{t('dasbor.referenceBy', { publisher: ref.publisher, asOf: ref.asOf })}</p>
                      <dl className="reference__figures">
                        {Object.entries(ref.figures).map(([key, value]) => (
                          <div key={key}>
                            <dt>{FIGURE_LABELS[key] ? pick(FIGURE_LABELS[key], language) : key}</dt>
                            <dd>{fmt(value)}</dd>
                          </div>
                        ))}
                      </dl>
                      {ref.note && <p className="hint">{language === 'en' ? (ref.noteEn ?? ref.note) : ref.note}</p>}
                      <p className="reference__source">
                        {t('dasbor.source')}:{' '}
                        <a href={ref.source} rel="noopener noreferrer external" target="_blank">
                          {hostOf(ref.source)}
                        </a>
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            </>
          );
        })()}
    </div>
  );
}
