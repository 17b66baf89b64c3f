// Following a report with tracking code + PIN: state, registration number, timeline, notices and
// open deadlines; withdrawal (only before registration) and the PDF receipt.
import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ErrorSummary, TextField, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { toApiError } from '../../features/cases/http.ts';
import type { TrackingResult } from '../../features/cases/types.ts';
import { TrackingView } from '../../features/tracking/TrackingView.tsx';
import { TRACKING_CODE_PATTERN, normalizeTrackingCode } from '../../../domain/cases/trackingCode.ts';

export default function Lacak() {
  const t = useT();
  const language = useLanguage();
  const location = useLocation();
  const initialCode = (location.state as { kode?: string } | null)?.kode ?? '';
  const [kode, setKode] = useState(initialCode);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kode: string; pin: string; data: TrackingResult } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function load(code: string, secret: string) {
    const data = await api.post<TrackingResult>('/lacak', { kode: code, pin: secret });
    setResult({ kode: code, pin: secret, data });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // 'ntr 45by 84mv' is the same code; the server normalises the same way.
    const code = normalizeTrackingCode(kode);
    if (code !== kode) setKode(code);
    const found: FieldErrors = {};
    if (!TRACKING_CODE_PATTERN.test(code)) found.kode = t('lacak.codeFormat');
    if (!/^\d{6}$/.test(pin.trim())) found.pin = t('lacak.pinFormat');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await load(code, pin.trim());
    } catch (caught) {
      const apiError = toApiError(caught);
      setResult(null);
      if (apiError.code === 'invalid_credentials') {
        setErrors({ pin: t('lacak.wrong') });
        focusFirstInvalid(formRef.current, 'pin');
      } else if (apiError.code === 'rate_limited') {
        setError(apiError);
      } else if (apiError.field === 'kode' || apiError.field === 'pin') {
        setErrors({ [apiError.field]: apiError.localized() });
        focusFirstInvalid(formRef.current, apiError.field);
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page--narrow lacak">
      <PageTitle>{t('track.title')}</PageTitle>
      {!result && (
        <>
          <p>{t('lacak.lead')}</p>
          {error && <ErrorNotice error={error} />}
          <form ref={formRef} className="form card" onSubmit={submit} noValidate>
            <ErrorSummary title={t('form.errorSummary')} errors={errors} />
            <TextField
              name="kode"
              label={t('lacak.code')}
              hint={t('lacak.codeHint')}
              required
              autoComplete="off"
              maxLength={24}
              value={kode}
              error={errors.kode}
              onChange={(v) => setKode(v.toUpperCase())}
              onBlur={() => setKode((current) => normalizeTrackingCode(current))}
            />
            <TextField
              name="pin"
              type="password"
              inputMode="numeric"
              label={t('lacak.pin')}
              required
              autoComplete="off"
              maxLength={6}
              value={pin}
              error={errors.pin}
              onChange={(v) => setPin(v.replace(/\D/g, ''))}
            />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('common.loading') : t('lacak.submit')}
            </button>
          </form>
          <p>
            <Link to="/pengumuman">{t('ann.title')}</Link>
          </p>
        </>
      )}
      {result && (
        <TrackingView
          result={result.data}
          kode={result.kode}
          pin={result.pin}
          onReload={() => load(result.kode, result.pin)}
          onClose={() => {
            setResult(null);
            setPin('');
          }}
          language={language}
        />
      )}
    </div>
  );
}
