// /wilayah/:code/profil: the public profile of a province or kabupaten/kota, from
// GET /api/v1/public/regions/{code}/profile: its contests and stages, candidate pairs, cases by
// state (counts only), pledges, and the vulnerability index with every component and its source.
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { formatDate, formatInstant, formatNumber } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { StageTable } from '../../components/StageTable.tsx';
import type { RegionProfile } from '../../api/publicTypes.ts';
import { RiskSection } from '../../features/regions/RiskSection.tsx';

export default function Profil() {
  const { code = '' } = useParams();
  const t = useT();
  const profile = useApi(
    (signal) => api.get<RegionProfile>(`/public/regions/${encodeURIComponent(code)}/profile`, undefined, signal),
    [code],
  );
  const mapCrumb = { to: '/peta', label: t('map.title') };
  if (profile.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (profile.status === 'error') {
    return (
      <div className="page">
        <Breadcrumbs items={[mapCrumb, { label: code }]} />
        <PageTitle>{t('profil.notFound')}</PageTitle>
        <ErrorNotice error={profile.error} onRetry={profile.error.status === 404 ? undefined : profile.reload} />
      </div>
    );
  }
  const data = profile.data;
  const { region } = data;
  return (
    <div className="page profile">
      <Breadcrumbs
        items={[
          mapCrumb,
          ...(region.province ? [{ to: `/peta?provinsi=${region.province.code}`, label: region.province.name }] : []),
          { label: region.name },
        ]}
      />
      <PageTitle>{region.name}</PageTitle>
      <p className="muted">
        {t('profil.subtitle', { code: region.code, zone: region.timeZone })}
        {' · '}
        <Link to={`/wilayah/${region.code}`}>{t('profil.browse')}</Link>
        {region.level === 'provinsi' && (
          <>
            {' · '}
            <Link to={`/peta?provinsi=${region.code}`}>{t('profil.mapOf', { name: region.name })}</Link>
          </>
        )}
      </p>
      <nav className="profile__toc" aria-label={t('profil.toc')}>
        <ul>
          <li>
            <a href="#profil-risiko">{t('profil.risk')}</a>
          </li>
          <li>
            <a href="#profil-pemilihan">{t('profil.elections')}</a>
          </li>
          <li>
            <a href="#profil-perkara">{t('profil.cases')}</a>
          </li>
          <li>
            <a href="#profil-deklarasi">{t('profil.pledges')}</a>
          </li>
        </ul>
      </nav>
      <RiskSection risk={data.risk} />
      <ElectionSection profile={data} />
      <CasesSection profile={data} />
      <PledgesSection profile={data} />
    </div>
  );
}

function ElectionSection({ profile }: { profile: RegionProfile }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="profil-pemilihan">
      <h2 id="profil-pemilihan">{t('profil.elections')}</h2>
      {profile.contests.length === 0 && <p>{t('elections.none')}</p>}
      <ul className="contest-list">
        {profile.contests.map((contest) => {
          const election = profile.elections.find((e) => e.id === contest.electionId);
          const own = contest.regionCode === profile.region.code;
          return (
            <li key={`${contest.electionId}/${contest.regionCode}`}>
              <article className={`contest${own ? ' contest--own' : ''}`}>
                <h3>{t(`elections.kind.${contest.kind}`)}</h3>
                <p className="contest__region">{own ? contest.regionName : t('elections.inherited', { name: contest.regionName })}</p>
                {election && (
                  <p className="contest__date">
                    <span>{t('elections.votingDay')}: </span>
                    <strong>
                      <time dateTime={election.votingDate}>{formatDate(election.votingDate, language)}</time>
                    </strong>
                  </p>
                )}
                {contest.candidatePairs.length === 0 ? (
                  <p className="muted">
                    {t('elections.pairs')}: {t('elections.pairsUnknown')}
                  </p>
                ) : (
                  <ol className="pairs" aria-label={t('elections.pairs')}>
                    {contest.candidatePairs.map((pair) => (
                      <li key={`${pair.ballotNumber}-${pair.headName}`}>
                        {pair.ballotNumber !== null && (
                          <span className="pairs__number">{t('elections.pairNumber', { n: pair.ballotNumber })}</span>
                        )}
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
            </li>
          );
        })}
      </ul>
      {profile.elections.map((election) => (
        <StageTable
          key={election.id}
          title={`${t('elections.stages')}: ${election.name}`}
          stages={election.stages}
          votingDate={election.votingDate}
          language={language}
        />
      ))}
    </section>
  );
}

function CasesSection({ profile }: { profile: RegionProfile }) {
  const t = useT();
  const language = useLanguage();
  const { cases } = profile;
  return (
    <section aria-labelledby="profil-perkara">
      <h2 id="profil-perkara">{t('profil.cases')}</h2>
      <p>
        <strong className="big-number">{formatNumber(cases.total, language)}</strong> {t('profil.casesTotal')}{' '}
        <span className="muted">({t('profil.asOf', { at: formatInstant(cases.asOf, language, profile.region.timeZone) })})</span>
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table className="counts">
          <caption>{t('profil.casesByState')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dasbor.state')}</th>
              <th scope="col" className="num">
                {t('dasbor.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.byState.map((s) => (
              <tr key={s.state} className={s.count === 0 ? 'counts__zero' : undefined}>
                <th scope="row">{language === 'en' ? s.labelEn : s.label}</th>
                <td className="num">{formatNumber(s.count, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {t('profil.casesNote')} <Link to="/dasbor">{t('profil.toDashboard')}</Link>
      </p>
    </section>
  );
}

function PledgesSection({ profile }: { profile: RegionProfile }) {
  const t = useT();
  const language = useLanguage();
  const { pledges } = profile;
  return (
    <section aria-labelledby="profil-deklarasi">
      <h2 id="profil-deklarasi">{t('profil.pledges')}</h2>
      <p>{t('profil.pledgesTotal', { count: formatNumber(pledges.total, language) })}</p>
      {pledges.recent.length > 0 && (
        <ul className="pledge-list">
          {pledges.recent.map((p) => (
            <li key={p.id}>
              <strong>{p.agency}</strong>
              <span className="muted">
                {' '}
                · {formatDate(p.date, language)} · {p.venue} ·{' '}
                {t('deklarasi.signatories', { count: formatNumber(p.signatoryCount, language) })}
              </span>{' '}
              <a href={`/api/v1/public/pledges/${p.id}/certificate.pdf`}>{t('deklarasi.certificate')}</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/deklarasi?wilayah=${profile.region.code}`}>{t('profil.allPledges')}</Link>
      </p>
    </section>
  );
}
