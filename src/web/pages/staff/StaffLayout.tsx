// The staff console frame: session provider for every /staf route, and (once signed in) the
// console navigation with the user's name and the sign-out button.
import { NavLink, Outlet } from 'react-router-dom';
import { ROLE_LABELS } from '../../../domain/access/policy.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { SessionProvider, useSession, useStaffUser } from '../../session/session.tsx';

export default function StaffLayout() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

export function StaffShell() {
  const t = useT();
  const language = useLanguage();
  const user = useStaffUser();
  const { signOut } = useSession();
  const links = [
    { to: '/staf', label: t('staff.dashboard'), end: true },
    { to: '/staf/antrian', label: t('staff.queue') },
    { to: '/staf/temuan', label: t('staff.findings') },
    { to: '/staf/rekomendasi', label: t('staff.recommendations') },
    { to: '/staf/leads', label: t('staff.leads') },
    { to: '/staf/deklarasi', label: t('stafDeklarasi.nav') },
    ...(user.role === 'admin' ? [{ to: '/staf/pengguna', label: t('staff.users') }] : []),
    ...(['admin', 'pengawas_ri', 'pengawas_provinsi', 'pengawas_kabkota'].includes(user.role)
      ? [{ to: '/staf/impor', label: t('staff.import') }]
      : []),
    { to: '/staf/keamanan', label: t('staff.security') },
  ];
  return (
    <div className="staff">
      <div className="staff-bar">
        <p className="staff-bar__who">
          <span className="muted">{t('staff.signedInAs')}</span> <strong>{user.displayName}</strong>{' '}
          <span className="badge">{pick(ROLE_LABELS[user.role], language)}</span>
        </p>
        <button
          type="button"
          className="button button--secondary"
          // The route guard sees the signed-out session and moves to the sign-in page.
          onClick={() => void signOut()}
        >
          {t('staff.signOut')}
        </button>
      </div>
      <nav className="staff-nav" aria-label={t('a11y.staffNav')}>
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
      <Outlet />
    </div>
  );
}
