import { Link } from 'react-router-dom';
import { useT } from '../../i18n/store.ts';
import { PageTitle } from '../../components/Layout.tsx';

export default function Beranda() {
  const t = useT();
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero__inner">
          <div id="hero-title">
            <PageTitle>{t('home.title')}</PageTitle>
          </div>
          <p className="lead">{t('home.lead')}</p>
          <div className="hero__actions">
            <Link to="/lapor" className="button button--primary button--large">
              {t('home.cta')}
            </Link>
            <Link to="/lacak" className="button button--secondary">
              {t('home.trackCta')}
            </Link>
          </div>
          <p className="hint">{t('home.ctaHint')}</p>
        </div>
      </section>

      <div className="page">
        <div className="columns">
          <section aria-labelledby="what-title" className="card">
            <h2 id="what-title">{t('home.whatTitle')}</h2>
            <ul className="checklist">
              <li>{t('home.what1')}</li>
              <li>{t('home.what2')}</li>
              <li>{t('home.what3')}</li>
              <li>{t('home.what4')}</li>
            </ul>
          </section>
          <section aria-labelledby="how-title" className="card">
            <h2 id="how-title">{t('home.howTitle')}</h2>
            <ol className="steps">
              <li>{t('home.how1')}</li>
              <li>{t('home.how2')}</li>
              <li>{t('home.how3')}</li>
              <li>{t('home.how4')}</li>
            </ol>
          </section>
        </div>

        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('home.linksTitle')}</h2>
          <ul className="link-cards">
            <li>
              <Link to="/wilayah" className="link-card">
                <span className="link-card__title">{t('home.linkRegions')}</span>
                <span className="link-card__hint">{t('home.linkRegionsHint')}</span>
              </Link>
            </li>
            <li>
              <Link to="/panduan" className="link-card">
                <span className="link-card__title">{t('home.linkGuide')}</span>
                <span className="link-card__hint">{t('home.linkGuideHint')}</span>
              </Link>
            </li>
            {(
              [
                ['/peta', 'home.linkMap', 'home.linkMapHint'],
                ['/dasbor', 'home.linkDashboard', 'home.linkDashboardHint'],
                ['/deklarasi', 'home.linkPledges', 'home.linkPledgesHint'],
                ['/data', 'home.linkData', 'home.linkDataHint'],
              ] as const
            ).map(([to, title, hint]) => (
              <li key={to}>
                <Link to={to} className="link-card">
                  <span className="link-card__title">{t(title)}</span>
                  <span className="link-card__hint">{t(hint)}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link to="/staf" className="link-card">
                <span className="link-card__title">{t('home.linkStaff')}</span>
                <span className="link-card__hint">{t('home.linkStaffHint')}</span>
              </Link>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
