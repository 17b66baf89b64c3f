// The public report form (formulir laporan, Perbawaslu 8/2020 jo. 9/2024), incident first:
// peristiwa, terlapor, perbuatan + saksi, bukti, then pelapor, then review. At the identity step
// the person may instead send the incident as informasi awal without identity. A retried
// submission (double click, flaky network) reuses the Idempotency-Key, so the server answers with
// the same receipt instead of filing twice.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ErrorSummary, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import { PageTitle } from '../../components/Layout.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { EvidenceStep } from '../cases/EvidenceStep.tsx';
import { TerlaporFields } from '../cases/TerlaporFields.tsx';
import { contentHash, fieldErrorsOf, newIdempotencyKey, postJson, toApiError } from '../cases/http.ts';
import type { Receipt } from '../cases/types.ts';
import { PeristiwaStep } from './PeristiwaStep.tsx';
import { PerbuatanStep } from './PerbuatanStep.tsx';
import { InformasiOffer, PelaporStep } from './PelaporStep.tsx';
import { Review } from './Review.tsx';
import {
  STEP,
  STEP_KEYS,
  SUBMIT_KEY,
  buildBody,
  clearDraft,
  emptyDraft,
  incidentBody,
  loadDraft,
  saveDraft,
  stepOfField,
  type Draft,
} from './draft.ts';
import { fieldLabels, validateStep } from './validate.ts';
import type { InformasiReceipt } from './InformasiSelesai.tsx';
import { Stepper } from './Stepper.tsx';
import { useErrorsFollowDraft } from './useErrorsFollowDraft.ts';

export function LaporForm() {
  const t = useT();
  const language = useLanguage();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<false | 'laporan' | 'informasi'>(false);
  const [uploading, setUploading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterStep = useRef<string | null>(null);
  const firstRender = useRef(true);
  const submitted = useRef(false);
  const step = Math.min(Math.max(draft.step, 0), STEP_KEYS.length - 1);

  useEffect(() => {
    if (!submitted.current) saveDraft(draft);
  }, [draft]);

  // On a step change, focus the field a server error named, or else the step's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (focusAfterStep.current) {
      focusFirstInvalid(formRef.current, focusAfterStep.current);
      focusAfterStep.current = null;
    } else {
      headingRef.current?.focus();
      headingRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [step]);

  useErrorsFollowDraft(draft, step, setErrors);

  const patch =
    <K extends keyof Draft>(key: K) =>
    (value: Partial<Draft[K]>) =>
      setDraft((d) => ({ ...d, [key]: { ...(d[key] as object), ...(value as object) } }));
  const goTo = (next: number) => {
    setErrors({});
    setSubmitError(null);
    setDraft((d) => ({ ...d, step: next }));
  };
  const onUploading = useCallback((value: boolean) => setUploading(value), []);

  function next(event: FormEvent) {
    event.preventDefault();
    if (step === STEP.tinjau) {
      void submit();
      return;
    }
    const found = validateStep(step, draft, t, language);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (step === STEP.bukti && uploading) return;
    goTo(step + 1);
  }

  /** Re-checks steps before `upTo` (a stored draft may predate a rule); moves to the first failing one. */
  function recheck(upTo: number): boolean {
    for (let s = 0; s < upTo; s++) {
      const found = validateStep(s, draft, t, language);
      if (Object.keys(found).length > 0) {
        focusAfterStep.current = Object.keys(found)[0];
        setDraft((d) => ({ ...d, step: s }));
        setErrors(found);
        if (s === step) focusFirstInvalid(formRef.current, focusAfterStep.current);
        return false;
      }
    }
    return true;
  }

  function showServerError(caught: unknown) {
    const error = toApiError(caught);
    const fields = fieldErrorsOf(error);
    const placed = Object.keys(fields).filter((f) => stepOfField(f) !== null);
    if (placed.length === 0) {
      setSubmitError(error);
      return;
    }
    const target = stepOfField(placed[0])!;
    setErrors(Object.fromEntries(placed.map((f) => [f, fields[f]])));
    if (target !== step) {
      focusAfterStep.current = placed[0];
      setDraft((d) => ({ ...d, step: target }));
    } else {
      focusFirstInvalid(formRef.current, placed[0]);
    }
  }

  async function submit() {
    if (!recheck(STEP.tinjau)) return;
    const body = buildBody(draft);
    const hash = contentHash(JSON.stringify(body));
    let key = newIdempotencyKey();
    try {
      const stored = JSON.parse(sessionStorage.getItem(SUBMIT_KEY) ?? 'null') as { key: string; hash: string } | null;
      if (stored && stored.hash === hash) key = stored.key;
      sessionStorage.setItem(SUBMIT_KEY, JSON.stringify({ key, hash }));
    } catch {
      // without storage the key still protects this page's retries
    }
    setBusy('laporan');
    setSubmitError(null);
    try {
      const receipt = await postJson<Receipt>('/api/v1/laporan', body, { 'Idempotency-Key': key });
      submitted.current = true;
      clearDraft();
      navigate('/lapor/selesai', { state: { receipt } });
    } catch (caught) {
      showServerError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function sendInformasi() {
    if (!recheck(STEP.pelapor)) return;
    if (uploading) return;
    setBusy('informasi');
    setSubmitError(null);
    setErrors({});
    try {
      // A retry of the same text folds onto the first on the server and returns the same code.
      const receipt = await postJson<InformasiReceipt>('/api/v1/informasi', incidentBody(draft));
      submitted.current = true;
      clearDraft();
      navigate('/lapor/informasi', { state: { receipt } });
    } catch (caught) {
      showServerError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page lapor">
      <PageTitle>{t('report.title')}</PageTitle>
      {step === 0 && <p className="lead">{t('lapor.lead')}</p>}
      <Stepper step={step} />
      <form ref={formRef} className="form card lapor__form" onSubmit={next} noValidate>
        <h2 ref={headingRef} tabIndex={-1} className="lapor__step-title">
          {t('lapor.stepOf', { n: step + 1, total: STEP_KEYS.length })}: {t(STEP_KEYS[step])}
        </h2>
        <ErrorSummary title={t('form.errorSummary')} errors={errors} labels={fieldLabels(errors, t)} />
        {submitError && <ErrorNotice error={submitError} />}

        {step === STEP.peristiwa && <PeristiwaStep value={draft.peristiwa} errors={errors} onChange={patch('peristiwa')} />}
        {step === STEP.terlapor && (
          <>
            <p>{t('lapor.terlaporLead')}</p>
            <TerlaporFields list={draft.terlapor} errors={errors} onChange={(terlapor) => setDraft((d) => ({ ...d, terlapor }))} />
          </>
        )}
        {step === STEP.perbuatan && (
          <PerbuatanStep draft={draft} errors={errors} onChange={(value) => setDraft((d) => ({ ...d, ...value }))} />
        )}
        {step === STEP.bukti && (
          <EvidenceStep
            items={draft.bukti}
            error={errors.bukti}
            onChange={(bukti) => setDraft((d) => ({ ...d, bukti }))}
            onBusy={onUploading}
            links={draft.tautan}
            linksError={errors.buktiTautan}
            onLinksChange={(tautan) => setDraft((d) => ({ ...d, tautan }))}
          />
        )}
        {step === STEP.pelapor && (
          <PelaporStep
            value={draft.pelapor}
            keepNik={draft.keepNik}
            errors={errors}
            onChange={patch('pelapor')}
            onKeepNik={(keepNik) => setDraft((d) => ({ ...d, keepNik }))}
          />
        )}
        {step === STEP.tinjau && <Review draft={draft} onEdit={goTo} />}

        <div className="form__actions lapor__actions">
          {step > 0 && (
            <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)} disabled={Boolean(busy)}>
              {t('lapor.back')}
            </button>
          )}
          {step < STEP.tinjau ? (
            <button type="submit" className="button button--primary" disabled={step === STEP.bukti && uploading}>
              {t('lapor.next')}
            </button>
          ) : (
            <button
              type="submit"
              className="button button--primary button--large"
              disabled={Boolean(busy)}
              aria-busy={busy === 'laporan' || undefined}
            >
              {busy === 'laporan' ? t('lapor.submitting') : t('lapor.submit')}
            </button>
          )}
        </div>
      </form>
      {step === STEP.pelapor && <InformasiOffer busy={busy === 'informasi'} onSend={() => void sendInformasi()} />}
      <p className="hint">
        {t('lapor.draftNote')}{' '}
        <button
          type="button"
          className="button button--inline"
          onClick={() => {
            if (!window.confirm(t('lapor.clearConfirm'))) return;
            clearDraft();
            setErrors({});
            setDraft(emptyDraft());
          }}
        >
          {t('lapor.clearDraft')}
        </button>
      </p>
    </div>
  );
}
