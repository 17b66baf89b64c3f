// Route guard for the staff console: a 401 from /api/v1/auth/me sends the visitor to the
// sign-in page, which returns them here afterwards; an account that must enrol TOTP first
// (NETRA_REQUIRE_TOTP) is sent to the security page until it has.
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../session/session.tsx';
import { Loading } from './Layout.tsx';

export function RequireStaff() {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (session.status === 'anonymous' && session.signedOut) {
    return <Navigate to="/staf/masuk" replace state={{ reason: 'signed-out' }} />;
  }
  if (session.status === 'anonymous') {
    return <Navigate to="/staf/masuk" replace state={{ from: `${location.pathname}${location.search}`, reason: 'required' }} />;
  }
  if (session.user.totpRequired && location.pathname !== '/staf/keamanan') {
    return <Navigate to="/staf/keamanan" replace />;
  }
  return <Outlet />;
}
