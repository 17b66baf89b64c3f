// Staff sign-in: username and password, then a TOTP step when the server answers totp_required
// (or a single-use recovery code when the authenticator is lost).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { useT } from '../../i18n/store.ts';
import { useSession } from '../../session/session.tsx';
import { ACCOUNT_LIMITS, TOTP_CODE_LENGTH, TOTP_CODE_PATTERN } from '../../../contracts/limits.ts';

interface LocationState {
  from?: string;
  reason?: 'required' | 'signed-out';
}

export default function Masuk() {
  const t = useT();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LocationState;
  const ids = { username: useId(), password: useId(), totp: useId(), totpHint: useId(), recovery: useId() };
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const totpInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const recoveryInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needsTotp && !useRecovery) totpInput.current?.focus();
    if (needsTotp && useRecovery) recoveryInput.current?.focus();
  }, [needsTotp, useRecovery]);

  if (session.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (session.status === 'signed-in' && !busy) return <Navigate to={state.from ?? '/staf'} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Empty fields are said here, in the page's language, before asking the server.
    const empty = !username.trim() ? ids.username : !password ? ids.password : null;
    if (empty && !needsTotp) {
      setError(new ApiError(0, 'client_error', { id: 'Isi nama pengguna dan kata sandi.', en: 'Enter your username and password.' }));
      document.getElementById(empty)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const second = !needsTotp ? {} : useRecovery ? { recoveryCode: recoveryCode.trim() } : { totp: totp.trim() };
      await signIn({ username: username.trim(), password, ...second });
      navigate(state.from && state.from !== '/staf/masuk' ? state.from : '/staf', { replace: true });
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'client_error', { id: String(caught), en: String(caught) });
      if (apiError.code === 'totp_required') {
        // Not a failure: the password was right and the account has a second factor.
        setNeedsTotp(true);
        setTotp('');
      } else {
        setError(apiError);
        if (apiError.field === 'totp') {
          setTotp('');
          totpInput.current?.focus();
        } else if (apiError.field === 'recoveryCode') {
          setRecoveryCode('');
          recoveryInput.current?.focus();
        } else if (apiError.code === 'invalid_credentials') {
          setPassword('');
          setNeedsTotp(false);
          passwordInput.current?.focus();
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page--narrow">
      <PageTitle>{t('staff.loginTitle')}</PageTitle>
      <p>{t('staff.loginLead')}</p>
      {state.reason === 'signed-out' && <Notice kind="success">{t('staff.signedOut')}</Notice>}
      {state.reason === 'required' && <Notice>{t('staff.sessionExpired')}</Notice>}
      {error && <ErrorNotice error={error} />}
      <form className="form card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.username}>{t('staff.username')}</label>
          <input
            id={ids.username}
            name="username"
            autoComplete="username"
            required
            value={username}
            readOnly={needsTotp}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('staff.password')}</label>
          <input
            id={ids.password}
            ref={passwordInput}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            readOnly={needsTotp}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {needsTotp && !useRecovery && (
          <div className="field">
            <label htmlFor={ids.totp}>{t('staff.totp')}</label>
            <input
              id={ids.totp}
              ref={totpInput}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern={TOTP_CODE_PATTERN}
              maxLength={TOTP_CODE_LENGTH}
              required
              aria-describedby={ids.totpHint}
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
            />
            <p id={ids.totpHint} className="hint">
              {t('staff.totpHint')}
            </p>
          </div>
        )}
        {needsTotp && useRecovery && (
          <div className="field">
            <label htmlFor={ids.recovery}>{t('staff.recoveryCode')}</label>
            <input
              id={ids.recovery}
              ref={recoveryInput}
              name="recoveryCode"
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={ACCOUNT_LIMITS.recoveryCode.max}
              value={recoveryCode}
              onChange={(e) => setRecoveryCode(e.target.value)}
            />
          </div>
        )}
        {needsTotp && (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setError(null);
            }}
          >
            {useRecovery ? t('staff.useTotp') : t('staff.useRecovery')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('staff.signingIn') : t('staff.signIn')}
        </button>
      </form>
    </div>
  );
}
