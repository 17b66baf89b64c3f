// The caller's role's actions on a referral (BKN: verify, forward to the PPK, SIASN block; PPK:
// sanction, decree, applied; both: not proven). The server decides what is allowed; this offers what applies.
import { useRef, useState, type FormEvent } from 'react';
import { canBlockSiasn, isAsnAuthority } from '../../../domain/referrals/states.ts';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField, TextArea, TextField, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { fieldErrorsOf, toApiError } from '../cases/http.ts';
import { todayLocal } from '../cases/labels.ts';
import type { ReferralDetail } from './types.ts';
import { REFERRAL_LIMITS } from '../../../contracts/limits.ts';

type Step = 'verify' | 'forward-to-ppk' | 'siasn-block' | 'sanction' | 'sanction-applied' | 'not-proven';

export function ReferralActions({ r, onDone }: { r: ReferralDetail; onDone(message: string): void }) {
  const t = useT();
  const user = useStaffUser();
  const [step, setStep] = useState<Step | null>(null);
  const [note, setNote] = useState('');
  const [sanction, setSanction] = useState('');
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const asn = isAsnAuthority(r.authority);
  const decidable = asn ? r.state === 'diteruskan_ppk' : r.state === 'direkomendasikan';
  const available: Step[] = [];
  if (user.role === 'bkn') {
    if (r.state === 'direkomendasikan' && asn) available.push('verify');
    if (r.state === 'diverifikasi') available.push('forward-to-ppk');
    if (canBlockSiasn(r)) available.push('siasn-block');
    if (asn && ['direkomendasikan', 'diverifikasi', 'diteruskan_ppk'].includes(r.state)) available.push('not-proven');
  }
  if (user.role === 'ppk') {
    if (decidable) available.push('sanction', 'not-proven');
    if (r.state === 'diputus') available.push('sanction-applied');
  }
  if (available.length === 0) {
    return (
      <section className="card">
        <h2>{t('case.actions')}</h2>
        <p className="muted">{t('ref.noActions')}</p>
      </section>
    );
  }
  const sanctions = r.validSanctions.filter((s) => s.key !== 'none.tidak_terbukti');

  function choose(next: Step) {
    setStep(next);
    setNote('');
    setSanction('');
    setDecreeNumber('');
    setDecreeDate('');
    setErrors({});
    setError(null);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('h3')?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!step) return;
    const found: FieldErrors = {};
    if (step === 'siasn-block' && note.trim().length < REFERRAL_LIMITS.siasnBlockReason.min)
      found.note = t('form.minChars', { n: REFERRAL_LIMITS.siasnBlockReason.min });
    if (step === 'sanction') {
      if (!sanction) found.sanction = t('form.choose');
      if (!decreeNumber.trim()) found.decreeNumber = t('form.required');
      if (!decreeDate) found.decreeDate = t('form.required');
    }
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const body: Record<string, unknown> =
      step === 'siasn-block'
        ? { reason: note.trim() }
        : step === 'sanction'
          ? { sanction, decreeNumber: decreeNumber.trim(), decreeDate, ...(note.trim() ? { note: note.trim() } : {}) }
          : step === 'not-proven'
            ? {
                ...(decreeNumber.trim() ? { decreeNumber: decreeNumber.trim() } : {}),
                ...(decreeDate ? { decreeDate } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              }
            : note.trim()
              ? { note: note.trim() }
              : {};
    setBusy(true);
    setError(null);
    try {
      await api.post(`/referrals/${r.id}/${step}`, body);
      const label = t(`refStep.${step}` as MessageKey);
      setStep(null);
      onDone(t('case.actionDone', { action: label }));
    } catch (caught) {
      const apiError = toApiError(caught);
      const fields = fieldErrorsOf(apiError);
      const known = Object.keys(fields).filter((f) => ['sanction', 'decreeNumber', 'decreeDate', 'note'].includes(f));
      if (known.length) {
        setErrors(fields);
        focusFirstInvalid(formRef.current, known[0]);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="ref-actions">
      <h2 id="ref-actions">{t('case.actions')}</h2>
      <div className="action-buttons">
        {available.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={step === s}
            className={`button ${s === 'not-proven' || s === 'siasn-block' ? 'button--danger-outline' : 'button--secondary'} ${step === s ? 'button--pressed' : ''}`}
            onClick={() => choose(s)}
          >
            {t(`refStep.${s}` as MessageKey)}
          </button>
        ))}
      </div>
      {step && (
        <form ref={formRef} className="form action-form" onSubmit={submit} noValidate>
          <h3 tabIndex={-1}>{t('case.confirmTitle', { action: t(`refStep.${step}` as MessageKey) })}</h3>
          <p className="hint">{t(`refHint.${step}` as MessageKey)}</p>
          {error && <ErrorNotice error={error} />}
          {step === 'sanction' && (
            <SelectField
              name="sanction"
              label={t('ref.sanction')}
              hint={t('ref.sanctionHint')}
              required
              value={sanction}
              onChange={setSanction}
              placeholder={t('form.choosePlaceholder')}
              error={errors.sanction}
              options={sanctions.map((s) => ({ value: s.key, label: s.label }))}
            />
          )}
          {(step === 'sanction' || step === 'not-proven') && (
            <div className="form form--grid">
              <TextField
                name="decreeNumber"
                label={t('ref.decreeNumber')}
                required={step === 'sanction'}
                optionalLabel={t('form.optional')}
                value={decreeNumber}
                onChange={setDecreeNumber}
                error={errors.decreeNumber}
              />
              <TextField
                name="decreeDate"
                type="date"
                label={t('ref.decreeDate')}
                required={step === 'sanction'}
                optionalLabel={t('form.optional')}
                max={todayLocal()}
                value={decreeDate}
                onChange={setDecreeDate}
                error={errors.decreeDate}
              />
            </div>
          )}
          <TextArea
            name="note"
            label={step === 'siasn-block' ? t('case.reason') : t('case.note')}
            required={step === 'siasn-block'}
            optionalLabel={t('form.optional')}
            rows={2}
            value={note}
            onChange={setNote}
            error={errors.note}
          />
          <div className="form__actions">
            <button
              type="submit"
              className={`button ${step === 'not-proven' || step === 'siasn-block' ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
            >
              {t('case.confirm', { action: t(`refStep.${step}` as MessageKey) })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
