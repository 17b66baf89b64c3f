// First-run setup: the one-time link the server printed (/staf/setup?token=…) creates the first
// admin, who then signs in on the usual page (and enrols a second factor there).
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, apiRequest } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { useT } from '../../i18n/store.ts';
import type { UserEnvelope } from '../../../contracts/accounts.ts';
import { ACCOUNT_LIMITS } from '../../../contracts/limits.ts';

export default function Setup() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const ids = { username: useId(), displayName: useId(), password: useId(), repeat: useId() };
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [alreadyDone, setAlreadyDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      const result = await apiRequest<UserEnvelope>('POST', '/auth/setup', {
        body: { token, username: username.trim(), password, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) },
      });
      setCreated(result.user.username);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'client_error', { id: String(caught), en: String(caught) });
      if (apiError.code === 'setup_done') setAlreadyDone(true);
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  const signInLink = (
    <p>
      <Link className="button button--primary" to="/staf/masuk">
        {t('setup.toSignIn')}
      </Link>
    </p>
  );
  return (
    <div className="page page--narrow">
      <PageTitle>{t('setup.title')}</PageTitle>
      {created ? (
        <>
          <Notice kind="success">{t('setup.done', { username: created })}</Notice>
          {signInLink}
        </>
      ) : alreadyDone ? (
        <>
          <Notice>{t('setup.alreadyDone')}</Notice>
          {signInLink}
        </>
      ) : !token ? (
        <Notice kind="warning">{t('setup.noToken')}</Notice>
      ) : (
        <>
          <p>{t('setup.lead')}</p>
          {error && <ErrorNotice error={error} />}
          {mismatch && <Notice kind="error">{t('setup.mismatch')}</Notice>}
          <form className="form card" onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={ids.username}>{t('setup.username')}</label>
              <input
                id={ids.username}
                name="username"
                autoComplete="username"
                required
                minLength={ACCOUNT_LIMITS.username.min}
                maxLength={ACCOUNT_LIMITS.username.max}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.displayName}>{t('setup.displayName')}</label>
              <input
                id={ids.displayName}
                name="displayName"
                autoComplete="name"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.password}>{t('setup.password')}</label>
              <input
                id={ids.password}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={ACCOUNT_LIMITS.password.min}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.repeat}>{t('setup.passwordRepeat')}</label>
              <input
                id={ids.repeat}
                name="passwordRepeat"
                type="password"
                autoComplete="new-password"
                required
                minLength={ACCOUNT_LIMITS.password.min}
                aria-invalid={mismatch || undefined}
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('setup.creating') : t('setup.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
