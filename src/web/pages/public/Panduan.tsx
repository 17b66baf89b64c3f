// /panduan: the public guide, rendered from GET /api/v1/public/guide (generated from the same
// catalogues case handling uses), arranged by audience: ASN, village heads and officials, and
// citizens who want to report; then the legal deadlines and what a neutrality pledge means.
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from '../../api/publicTypes.ts';
import { AsnSection } from '../../features/guide/AsnSection.tsx';
import { VillageSection } from '../../features/guide/VillageSection.tsx';
import { CitizensSection } from '../../features/guide/CitizensSection.tsx';
import { DeadlinesSection } from '../../features/guide/DeadlinesSection.tsx';
import { PledgeSection } from '../../features/guide/PledgeSection.tsx';

export default function Panduan() {
  const t = useT();
  const language = useLanguage();
  const guide = useApi((signal) => api.get<Guide>('/public/guide', undefined, signal), []);
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

              <AsnSection g={g} />

              <VillageSection g={g} />

              <CitizensSection g={g} />

              <DeadlinesSection g={g} />

              <PledgeSection g={g} />
            </>
          );
        })()}
    </div>
  );
}
