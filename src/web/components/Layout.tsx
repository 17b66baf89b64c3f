// The page frame: skip link, header (brand, main navigation, language switch), main, footer.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useLanguage, useT } from '../i18n/store.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Layout() {
  const t = useT();
  const language = useLanguage();
  const location = useLocation();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  // After a client-side navigation, move focus to the main region (and scroll up) so keyboard and
  // screen-reader users start at the new page's content instead of the link they used.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const links: { to: string; label: string; end?: boolean }[] = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/lapor', label: t('nav.report') },
    { to: '/lacak', label: t('nav.track') },
    { to: '/wilayah', label: t('nav.regions') },
    { to: '/peta', label: t('nav.map') },
    { to: '/dasbor', label: t('nav.dashboard') },
    { to: '/deklarasi', label: t('nav.pledges') },
    { to: '/data', label: t('nav.openData') },
    { to: '/pengumuman', label: t('nav.announcements') },
    { to: '/panduan', label: t('nav.guide') },
    { to: '/staf', label: t('nav.staff') },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="main-nav" aria-label={t('a11y.mainNav')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>{t('footer.disclaimer')}</p>
      </footer>
    </>
  );
}

export function PageTitle({ children }: { children: string }) {
  const t = useT();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return <h1>{children}</h1>;
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
