// TOTP enrolment: start (server returns the secret and otpauth URI), show it as a QR code and as
// text, then confirm with a code from the authenticator app.
import { useEffect, useId, useState, type FormEvent } from 'react';
import QRCode from 'qrcode';
import { api, ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { useT } from '../../i18n/store.ts';
import { useSession, useStaffUser } from '../../session/session.tsx';

interface Enrolment {
  secret: string;
  uri: string;
}

export default function Keamanan() {
  const t = useT();
  const user = useStaffUser();
  const { refresh } = useSession();
  const codeId = useId();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    if (!enrolment) {
      setQr(null);
      return;
    }
    let live = true;
    QRCode.toDataURL(enrolment.uri, { errorCorrectionLevel: 'M', margin: 2, width: 224 })
      .then((url) => { if (live) setQr(url); })
      .catch(() => { if (live) setQr(null); });
    return () => { live = false; };
  }, [enrolment]);

  const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, 'client_error', { id: String(caught), en: String(caught) }));

  async function start() {
    setBusy(true);
    setError(null);
    setConfirmed(false);
    try {
      setEnrolment(await api.post<Enrolment>('/auth/totp/setup'));
      setCode('');
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/totp/confirm', { code: code.trim() });
      setConfirmed(true);
      setEnrolment(null);
      await refresh();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page--narrow">
      <PageTitle>{t('security.title')}</PageTitle>
      {confirmed && <Notice kind="success">{t('security.confirmed')}</Notice>}
      <p><strong>{user.totpEnabled ? t('security.statusOn') : t('security.statusOff')}</strong></p>
      <p>{t('security.intro')}</p>
      {error && <ErrorNotice error={error} />}
      {!enrolment && (
        <button type="button" className="button button--primary" onClick={start} disabled={busy}>
          {user.totpEnabled ? t('security.restart') : t('security.start')}
        </button>
      )}
      {enrolment && (
        <div className="card totp">
          <p>{t('security.step1')}</p>
          {qr && <img className="totp__qr" src={qr} width={224} height={224} alt={t('security.qrAlt')} />}
          <p>{t('security.manual')}</p>
          <p><code className="totp__secret">{enrolment.secret}</code></p>
          <p className="totp__uri-label">{t('security.uri')}:</p>
          <p><code className="totp__uri" data-testid="totp-uri">{enrolment.uri}</code></p>
          <form className="form" onSubmit={confirm}>
            <p>{t('security.step2')}</p>
            <div className="field">
              <label htmlFor={codeId}>{t('security.code')}</label>
              <input id={codeId} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required
                value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>{t('security.confirm')}</button>
          </form>
        </div>
      )}
    </div>
  );
}
