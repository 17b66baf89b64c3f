// TOTP enrolment: start (server returns the secret and otpauth URI), show it as a QR code and as
// text, then confirm with a code from the authenticator app; the recovery codes are shown once.
// Re-enrolling or switching TOTP off needs the current code (or a recovery code): a session alone
// must not be enough. When NETRA_REQUIRE_TOTP applies, this page is the only one open until enrolled.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import QRCode from 'qrcode';
import { api, ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { useT } from '../../i18n/store.ts';
import { useSession, useStaffUser } from '../../session/session.tsx';

import type { CurrentUser, TotpConfirmed, TotpEnrolment } from '../../../contracts/accounts.ts';
import { ACCOUNT_LIMITS, TOTP_CODE_LENGTH, TOTP_CODE_PATTERN } from '../../../contracts/limits.ts';

export default function Keamanan() {
  const t = useT();
  const user = useStaffUser();
  const { refresh } = useSession();
  const ids = { code: useId(), current: useId(), recovery: useId(), hint: useId() };
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [currentCode, setCurrentCode] = useState('');
  const [currentRecovery, setCurrentRecovery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<'confirmed' | 'disabled' | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [codesLeft, setCodesLeft] = useState<number | null>(null);

  useEffect(() => {
    if (!user.totpEnabled) return;
    let live = true;
    api
      .get<CurrentUser>('/auth/me')
      .then((me) => {
        if (live) setCodesLeft(me.recoveryCodesLeft);
      })
      .catch(() => {
        /* the count is a convenience */
      });
    return () => {
      live = false;
    };
  }, [user.totpEnabled, recoveryCodes]);

  useEffect(() => {
    if (!enrolment) {
      setQr(null);
      return;
    }
    let live = true;
    QRCode.toDataURL(enrolment.uri, { errorCorrectionLevel: 'M', margin: 2, width: 224 })
      .then((url) => {
        if (live) setQr(url);
      })
      .catch(() => {
        if (live) setQr(null);
      });
    return () => {
      live = false;
    };
  }, [enrolment]);

  const asApiError = (caught: unknown) =>
    caught instanceof ApiError ? caught : new ApiError(0, 'client_error', { id: String(caught), en: String(caught) });
  const currentFactor = () =>
    currentRecovery.trim() ? { recoveryCode: currentRecovery.trim() } : currentCode ? { code: currentCode } : {};

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  const start = (event?: FormEvent) => {
    event?.preventDefault();
    return run(async () => {
      setDone(null);
      setRecoveryCodes(null);
      setEnrolment(await api.post<TotpEnrolment>('/auth/totp/setup', user.totpEnabled ? currentFactor() : {}));
      setCode('');
      setCurrentCode('');
      setCurrentRecovery('');
    });
  };

  const disable = () =>
    run(async () => {
      await api.post('/auth/totp/disable', currentFactor());
      setCurrentCode('');
      setCurrentRecovery('');
      setDone('disabled');
      await refresh();
    });

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const result = await api.post<TotpConfirmed>('/auth/totp/confirm', { code: code.trim() });
      setDone('confirmed');
      setEnrolment(null);
      setRecoveryCodes(result.recoveryCodes);
      await refresh();
    });
  };

  return (
    <div className="page page--narrow">
      <PageTitle>{t('security.title')}</PageTitle>
      {user.totpRequired && <Notice kind="warning">{t('security.required')}</Notice>}
      {done === 'confirmed' && <Notice kind="success">{t('security.confirmed')}</Notice>}
      {done === 'disabled' && <Notice kind="success">{t('security.disabled')}</Notice>}
      <p>
        <strong>{user.totpEnabled ? t('security.statusOn') : t('security.statusOff')}</strong>
      </p>
      <p>{t('security.intro')}</p>
      {error && <ErrorNotice error={error} />}
      {recoveryCodes && (
        <section className="card totp" aria-labelledby={ids.hint}>
          <h2 id={ids.hint}>{t('security.recoveryTitle')}</h2>
          <p>{t('security.recoveryLead')}</p>
          <ul className="totp__recovery" data-testid="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Link className="button button--primary" to="/staf">
            {t('security.continue')}
          </Link>
        </section>
      )}
      {user.totpEnabled && codesLeft !== null && !recoveryCodes && (
        <p>
          {t('security.recoveryLeft')}: {codesLeft}
        </p>
      )}
      {!enrolment && !user.totpEnabled && (
        <button type="button" className="button button--primary" onClick={() => start()} disabled={busy}>
          {t('security.start')}
        </button>
      )}
      {!enrolment && user.totpEnabled && !recoveryCodes && (
        <form className="form card" onSubmit={start}>
          <p>{t('security.currentHint')}</p>
          <div className="field">
            <label htmlFor={ids.current}>{t('security.currentCode')}</label>
            <input
              id={ids.current}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern={TOTP_CODE_PATTERN}
              maxLength={TOTP_CODE_LENGTH}
              value={currentCode}
              onChange={(e) => setCurrentCode(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.recovery}>{t('security.currentRecovery')}</label>
            <input
              id={ids.recovery}
              autoComplete="off"
              spellCheck={false}
              maxLength={ACCOUNT_LIMITS.recoveryCode.max}
              value={currentRecovery}
              onChange={(e) => setCurrentRecovery(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('security.restart')}
          </button>
          {!user.totpMandatory && (
            <button type="button" className="button button--secondary" onClick={disable} disabled={busy}>
              {t('security.disable')}
            </button>
          )}
        </form>
      )}
      {enrolment && (
        <div className="card totp">
          <p>{t('security.step1')}</p>
          {qr && <img className="totp__qr" src={qr} width={224} height={224} alt={t('security.qrAlt')} />}
          <p>{t('security.manual')}</p>
          <p>
            <code className="totp__secret">{enrolment.secret}</code>
          </p>
          <p className="totp__uri-label">{t('security.uri')}:</p>
          <p>
            <code className="totp__uri" data-testid="totp-uri">
              {enrolment.uri}
            </code>
          </p>
          <form className="form" onSubmit={confirm}>
            <p>{t('security.step2')}</p>
            <div className="field">
              <label htmlFor={ids.code}>{t('security.code')}</label>
              <input
                id={ids.code}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern={TOTP_CODE_PATTERN}
                maxLength={TOTP_CODE_LENGTH}
                required
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('security.confirm')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
