// /panduan: the public guide, rendered from GET /api/v1/public/guide (generated from the same
// catalogues case handling uses), arranged by audience: ASN, village heads and officials, and
// citizens who want to report; then the legal deadlines and what a neutrality pledge means.
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from './publicTypes.ts';

const ALLOWED_ASN: MessageKey[] = ['panduan.allowed1', 'panduan.allowed2', 'panduan.allowed3', 'panduan.allowed4'];
const DESA_SANCTIONS: MessageKey[] = ['panduan.desaSanction1', 'panduan.desaSanction2', 'panduan.desaSanction3'];

export default function Panduan() {
  const t = useT();
  const language = useLanguage();
  const guide = useApi((signal) => api.get<Guide>('/public/guide', undefined, signal), []);
  const en = language === 'en';
  return (
    <div className="page guide">
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('nav.guide') }]} />
      {guide.status === 'loading' && (
        <>
          <PageTitle>{t('guide.title')}</PageTitle>
          <Loading />
        </>
      )}
      {guide.status === 'error' && (
        <>
          <PageTitle>{t('guide.title')}</PageTitle>
          <ErrorNotice error={guide.error} onRetry={guide.reload} />
        </>
      )}
      {guide.status === 'ready' &&
        (() => {
          const g = guide.data;
          const skbAct = (id: string) => g.acts.find((a) => a.id === id);
          const deadlinesById = (id: string) => g.deadlines.filter((d) => d.id === id);
          const mentionsVillage = g.uuPilkada.filter((u) => /kepala desa|perangkat desa/i.test(u.text));
          const tracks = ['kode_etik', 'disiplin'];
          return (
            <>
              <PageTitle>{pick(g.title, language)}</PageTitle>
              <p className="lead">{pick(g.intro, language)}</p>
              <nav className="guide__audiences" aria-label={t('panduan.audiences')}>
                <ul>
                  <li>
                    <a href="#panduan-asn">{t('panduan.forAsn')}</a>
                  </li>
                  <li>
                    <a href="#panduan-desa">{t('panduan.forVillage')}</a>
                  </li>
                  <li>
                    <a href="#panduan-warga">{t('panduan.forCitizens')}</a>
                  </li>
                  <li>
                    <a href="#panduan-tenggat">{t('panduan.deadlines')}</a>
                  </li>
                  <li>
                    <a href="#panduan-deklarasi">{pick(g.pledge.title, language)}</a>
                  </li>
                </ul>
              </nav>

              <section aria-labelledby="panduan-asn" className="guide__section">
                <h2 id="panduan-asn">{t('panduan.forAsn')}</h2>
                <p>
                  {t('panduan.asnWho')}{' '}
                  {g.subjects
                    .filter((s) => s.isAsn)
                    .map((s) => (en ? s.labelEn : s.label))
                    .join(', ')}
                  .
                </p>
                <h3>{t('panduan.allowedTitle')}</h3>
                <ul className="checklist checklist--ok">
                  {ALLOWED_ASN.map((key) => (
                    <li key={key}>{t(key)}</li>
                  ))}
                </ul>
                <p className="hint">{t('panduan.allowedNote')}</p>
                <h3>{t('panduan.prohibitedTitle')}</h3>
                <p>
                  {pick(g.stageRule, language)} <span className="source">({g.stageRule.source})</span>
                </p>
                {tracks.map((track) => {
                  const acts = g.acts.filter((a) => a.track === track);
                  if (acts.length === 0) return null;
                  return (
                    <div key={track} className="table-wrap" tabIndex={0}>
                      <table className="guide-acts">
                        <caption>{pick(acts[0].trackLabel, language)}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('panduan.act')}</th>
                            <th scope="col">{t('panduan.sanctionTrack')}</th>
                            <th scope="col">{t('panduan.source')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {acts.map((a) => (
                            <tr key={a.id}>
                              <th scope="row">
                                <span className="guide-acts__number">{a.number}.</span> {en ? a.textEn : a.text}
                              </th>
                              <td>
                                <strong>{pick(a.levelLabel, language)}</strong>
                                <ul className="sanctions">
                                  {a.sanctions.map((s) => (
                                    <li key={s.key}>
                                      {en ? s.labelEn : s.label} <span className="source">({s.source})</span>
                                    </li>
                                  ))}
                                </ul>
                              </td>
                              <td className="source">{a.source}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  );
                })}
                <div className="table-wrap" tabIndex={0}>
                  <table>
                    <caption>{t('panduan.byStage')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('panduan.act')}</th>
                        <th scope="col">{t('panduan.before')}</th>
                        <th scope="col">{t('panduan.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.neutralityActs.map((a) => {
                        const before = skbAct(a.beforeDetermination);
                        const after = skbAct(a.onOrAfterDetermination);
                        return (
                          <tr key={a.id}>
                            <th scope="row">
                              {en ? a.labelEn : a.label}
                              {a.note && <span className="hint"> {a.note}</span>}
                            </th>
                            <td>{before ? pick(before.levelLabel, language) : a.beforeDetermination}</td>
                            <td>{after ? pick(after.levelLabel, language) : a.onOrAfterDetermination}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <h3>{t('panduan.uuTitle')}</h3>
                <ul className="law-list">
                  {g.uuPilkada.map((u) => (
                    <li key={u.id}>
                      <strong>{u.article}</strong> ({t(u.kind === 'pidana' ? 'panduan.kindPidana' : 'panduan.kindLarangan')}):{' '}
                      {en ? u.textEn : u.text} <span className="source">({u.source})</span>
                      {u.unconfirmed && (
                        <span className="hint">
                          {' '}
                          {t('panduan.unconfirmed')}: {en ? (u.unconfirmedEn ?? u.unconfirmed) : u.unconfirmed}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>

              <section aria-labelledby="panduan-desa" className="guide__section">
                <h2 id="panduan-desa">{t('panduan.forVillage')}</h2>
                <p>{t('panduan.villageLead')}</p>
                <ul>
                  {g.subjects
                    .filter((s) => s.id === 'kepala_desa' || s.id === 'perangkat_desa')
                    .map((s) => (
                      <li key={s.id}>
                        <strong>{en ? s.labelEn : s.label}</strong>: <span className="source">{s.source}</span>
                      </li>
                    ))}
                </ul>
                <h3>{t('panduan.prohibitedTitle')}</h3>
                <ul className="law-list">
                  {mentionsVillage.map((u) => (
                    <li key={u.id}>
                      <strong>{u.article}</strong>: {en ? u.textEn : u.text} <span className="source">({u.source})</span>
                    </li>
                  ))}
                </ul>
                <h3>{t('panduan.villageSanctions')}</h3>
                <ul>
                  {DESA_SANCTIONS.map((key) => (
                    <li key={key}>{t(key)}</li>
                  ))}
                </ul>
                <p className="hint">{t('panduan.villageRoute')}</p>
              </section>

              <section aria-labelledby="panduan-warga" className="guide__section">
                <h2 id="panduan-warga">{t('panduan.forCitizens')}</h2>
                <h3>{pick(g.howToReport.title, language)}</h3>
                <ol className="steps">
                  {g.howToReport.steps.map((step) => (
                    <li key={step.id}>
                      {pick(step, language)}
                      {step.source && <span className="source"> ({step.source})</span>}
                    </li>
                  ))}
                </ol>
                <p>
                  <Link to="/lapor" className="button button--primary">
                    {t('panduan.reportCta')}
                  </Link>
                </p>
                <h3>{pick(g.whatHappensNext.title, language)}</h3>
                <ol className="steps steps--timeline">
                  {g.whatHappensNext.steps.map((step) => (
                    <li key={step.state}>
                      <strong>{pick(step.label, language)}</strong>: {pick(step.explanation, language)}
                      {step.deadlineRuleIds.length > 0 && (
                        <ul className="deadline-chips">
                          {step.deadlineRuleIds
                            .flatMap((id) => deadlinesById(id).slice(-1))
                            .map((d) => (
                              <li key={d.versionId}>
                                {en ? d.titleEn : d.title}: <strong>{pick(d.length, language)}</strong>{' '}
                                <span className="source">({d.source})</span>
                              </li>
                            ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
                <h3>{t('panduan.outcomes')}</h3>
                <ul>
                  {g.outcomes.map((o) => (
                    <li key={o.id}>
                      {en ? o.labelEn : o.label} <span className="source">({o.source})</span>
                    </li>
                  ))}
                </ul>
              </section>

              <section aria-labelledby="panduan-tenggat" className="guide__section">
                <h2 id="panduan-tenggat">{t('panduan.deadlines')}</h2>
                <div className="table-wrap" tabIndex={0}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('panduan.deadline')}</th>
                        <th scope="col">{t('panduan.length')}</th>
                        <th scope="col">{t('panduan.source')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.deadlines.map((d) => (
                        <tr key={d.versionId}>
                          <th scope="row">
                            {en ? d.titleEn : d.title}
                            {(d.inForceFrom || d.inForceUntil) && (
                              <span className="hint">
                                {' '}
                                {d.inForceFrom && t('panduan.from', { date: formatDate(d.inForceFrom, language) })}
                                {d.inForceFrom && d.inForceUntil && ' '}
                                {d.inForceUntil && t('panduan.until', { date: formatDate(d.inForceUntil, language) })}
                              </span>
                            )}
                          </th>
                          <td>{pick(d.length, language)}</td>
                          <td className="source">
                            {d.source}
                            {d.unconfirmed && (
                              <span className="hint">
                                {' '}
                                {t('panduan.unconfirmed')}: {en ? (d.unconfirmedEn ?? d.unconfirmed) : d.unconfirmed}
                              </span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <h3>{t('panduan.regulations')}</h3>
                <ul>
                  {g.regulations.map((r) => (
                    <li key={r.id}>
                      {r.title}
                      {(r.inForceFrom || r.inForceUntil) && (
                        <span className="muted">
                          {' '}
                          — {r.inForceFrom && t('panduan.from', { date: formatDate(r.inForceFrom, language) })}
                          {r.inForceFrom && r.inForceUntil && ' '}
                          {r.inForceUntil && t('panduan.until', { date: formatDate(r.inForceUntil, language) })}
                        </span>
                      )}
                      <span className="source"> ({r.source})</span>
                    </li>
                  ))}
                </ul>
              </section>

              <section aria-labelledby="panduan-deklarasi" className="guide__section">
                <h2 id="panduan-deklarasi">{pick(g.pledge.title, language)}</h2>
                {g.pledge.paragraphs.map((p, i) => (
                  <Fragment key={i}>
                    <p>{pick(p, language)}</p>
                  </Fragment>
                ))}
                <p>
                  <Link to="/deklarasi">{t('panduan.pledgesLink')}</Link>
                </p>
              </section>
            </>
          );
        })()}
    </div>
  );
}
