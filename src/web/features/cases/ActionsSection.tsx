// The handling actions the server offers for a case (availableActions), each behind a verb label
// that says its consequence, with the inputs it needs. 'Teruskan' proposes the classification
// from the terlapor's subject type and the acts and states, before confirming, which authority
// receives which letter; 'kaji' captures the assessment text that the kajian PDF prints.
import { useRef, useState, type FormEvent } from 'react';
import { isAddressedSubject, suggestAddressForSubject } from '../../../domain/catalogues/instansi.ts';
import { suggestClassification } from '../../../domain/catalogues/suggestClassification.ts';
import { api, type ApiError } from '../../api/client.ts';
import type { RegionSummary } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextArea, TextField, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { BlockedActions } from './BlockedActions.tsx';
import { ForwardFields, type AddressChoice } from './ForwardFields.tsx';
import { fieldErrorsOf, toApiError } from './http.ts';
import type { CaseDetail } from './types.ts';
import { CASE_ACTION_LIMITS, REASON_REQUIRED_ACTIONS } from '../../../contracts/limits.ts';

// Which actions need a reason and how long texts must be: the server's rules (src/contracts/limits.ts).
const REASON_REQUIRED: readonly string[] = REASON_REQUIRED_ACTIONS;
/** Actions where a reason is offered as an optional field (the server accepts one on any action). */
const REASON_OPTIONAL = ['minta_kelengkapan', 'minta_keterangan_tambahan', 'limpahkan'];
/** The actions that close a case without a finding are drawn as dangerous: exactly those needing a reason. */
const DANGER = REASON_REQUIRED;
const L = CASE_ACTION_LIMITS;

/** The button label of an action: a verb with its consequence (not the timeline's event name). */
export const buttonKey = (action: string) => `button.${action}` as MessageKey;

export function ActionsSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const language = useLanguage();
  const [action, setAction] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [kajian, setKajian] = useState('');
  const [classification, setClassification] = useState('');
  const [summary, setSummary] = useState('');
  const [target, setTarget] = useState<RegionSummary | null>(null);
  // 'teruskan': the instansi catalogue entry per terlapor, proposed from the free text, confirmed here.
  const [addresses, setAddresses] = useState<Record<number, AddressChoice>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Time as it happened (effectiveAt) and a deadline override: see BlockedActions.
  const [effectiveAt, setEffectiveAt] = useState('');
  const [effectiveAtReason, setEffectiveAtReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  if (c.availableActions.length === 0) {
    return (
      <section className="card" aria-labelledby="case-actions">
        <h2 id="case-actions">{t('case.actions')}</h2>
        <p className="muted">{t('case.noActions')}</p>
      </section>
    );
  }

  function choose(next: string) {
    setAction(next);
    setReason('');
    setKajian('');
    setSummary('');
    setTarget(null);
    setErrors({});
    setError(null);
    setEffectiveAt('');
    setEffectiveAtReason('');
    setOverrideReason('');
    setClassification(
      next === 'teruskan'
        ? (suggestClassification(
            c.terlapor.map((x) => x.subjectType),
            c.acts,
          )?.classification ?? '')
        : '',
    );
    const proposed: Record<number, AddressChoice> = {};
    for (const tl of c.terlapor) {
      if (!isAddressedSubject(tl.subjectType)) continue;
      const region = tl.regionCode ?? c.eventRegionCode;
      const s = suggestAddressForSubject(tl.subjectType, tl.agency, region);
      proposed[tl.id] = s ? { key: s.key, regionCode: s.regionCode } : { key: '', regionCode: region.split('.').slice(0, 2).join('.') };
    }
    setAddresses(proposed);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('h3')?.focus());
  }

  const blocked = c.blockedActions?.find((b) => b.action === action);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found: FieldErrors = {};
    if (REASON_REQUIRED.includes(action) && reason.trim().length < L.reason.min) found.reason = t('form.minChars', { n: L.reason.min });
    if (REASON_OPTIONAL.includes(action) && reason.trim() && reason.trim().length < L.reason.min)
      found.reason = t('form.minChars', { n: L.reason.min });
    if (action === 'kaji' && kajian.trim().length < L.kajian.min) found.kajian = t('form.minChars', { n: L.kajian.min });
    if (blocked?.overridable && overrideReason.trim() && overrideReason.trim().length < L.overrideReason.min)
      found['override.reason'] = t('form.minChars', { n: L.overrideReason.min });
    if (effectiveAtReason.trim() && effectiveAtReason.trim().length < L.effectiveAtReason.min)
      found.effectiveAtReason = t('form.minChars', { n: L.effectiveAtReason.min });
    if (action === 'teruskan') {
      if (!classification) found.classification = t('form.choose');
      if (summary.trim().length < L.summary.min) found.summary = t('form.minChars', { n: L.summary.min });
    }
    if (action === 'limpahkan' && !target) found.targetOfficeCode = t('case.targetRequired');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${c.id}/actions`, {
        action,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'kaji' ? { kajian: kajian.trim() } : {}),
        ...(action === 'teruskan'
          ? {
              classification,
              summary: summary.trim(),
              alamatInstansi: Object.entries(addresses)
                .filter(([, a]) => a.key && a.regionCode)
                .map(([id, a]) => ({ terlaporId: Number(id), kodeWilayah: a.regionCode.trim(), instansi: a.key })),
            }
          : {}),
        ...(action === 'limpahkan' && target ? { targetOfficeCode: target.code } : {}),
        ...(effectiveAt ? { effectiveAt: new Date(effectiveAt).toISOString() } : {}),
        ...(effectiveAt && effectiveAtReason.trim() ? { effectiveAtReason: effectiveAtReason.trim() } : {}),
        ...(blocked?.overridable && overrideReason.trim() ? { override: { reason: overrideReason.trim() } } : {}),
      });
      const label = t(buttonKey(action));
      setAction(null);
      onDone(t('case.actionDone', { action: label }));
    } catch (caught) {
      const apiError = toApiError(caught);
      const fields = fieldErrorsOf(apiError);
      const known = Object.keys(fields).filter(
        (f) =>
          [
            'reason',
            'kajian',
            'classification',
            'summary',
            'targetOfficeCode',
            'effectiveAt',
            'effectiveAtReason',
            'override.reason',
          ].includes(f) || f.startsWith('alamatInstansi'),
      );
      if (known.length) {
        setErrors(fields);
        focusFirstInvalid(formRef.current, known[0]);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('case.actions')}</h2>
      <div className="action-buttons">
        {c.availableActions.map((a) => (
          <button
            key={a}
            type="button"
            className={`button ${DANGER.includes(a) ? 'button--danger-outline' : 'button--secondary'} ${action === a ? 'button--pressed' : ''}`}
            aria-pressed={action === a}
            onClick={() => choose(a)}
          >
            {t(buttonKey(a))}
          </button>
        ))}
      </div>
      <BlockedActions c={c} />
      {action && (
        <form ref={formRef} className="form action-form" onSubmit={submit} noValidate aria-labelledby="action-form-title">
          <h3 id="action-form-title" tabIndex={-1}>
            {t(buttonKey(action))}
          </h3>
          <p className="hint">{t(`actionHint.${action}` as MessageKey)}</p>
          {error && <ErrorNotice error={error} />}
          {blocked && (
            <p className="notice notice--warning" role="status">
              {language === 'en' ? blocked.reason.en : blocked.reason.id}
            </p>
          )}
          {blocked?.overridable && (
            <TextArea
              name="override.reason"
              label={t('legal.overrideReason')}
              hint={t('legal.overrideHint')}
              required
              rows={2}
              maxLength={L.overrideReason.max}
              value={overrideReason}
              onChange={setOverrideReason}
              error={errors['override.reason']}
            />
          )}
          <TextField
            name="effectiveAt"
            type="datetime-local"
            label={t('legal.effectiveAt')}
            hint={t('legal.effectiveAtHint')}
            optionalLabel={t('form.optional')}
            value={effectiveAt}
            onChange={setEffectiveAt}
            error={errors.effectiveAt}
          />
          {effectiveAt && (
            <TextArea
              name="effectiveAtReason"
              label={t('legal.effectiveAtReason')}
              hint={t('legal.effectiveAtReasonHint')}
              optionalLabel={t('form.optional')}
              rows={2}
              maxLength={L.effectiveAtReason.max}
              value={effectiveAtReason}
              onChange={setEffectiveAtReason}
              error={errors.effectiveAtReason}
            />
          )}
          {action === 'kaji' && (
            <TextArea
              name="kajian"
              label={t('handling.kajian')}
              hint={t('handling.kajianHint')}
              required
              rows={8}
              maxLength={L.kajian.max}
              value={kajian}
              onChange={setKajian}
              error={errors.kajian}
            />
          )}
          {action === 'teruskan' && (
            <ForwardFields
              c={c}
              classification={classification}
              setClassification={setClassification}
              summary={summary}
              setSummary={setSummary}
              addresses={addresses}
              setAddresses={setAddresses}
              errors={errors}
            />
          )}
          {action === 'limpahkan' && (
            <RegionPicker
              name="targetOfficeCode"
              label={t('case.targetOffice')}
              hint={t('case.targetOfficeHint')}
              levels={['provinsi', 'kabupaten', 'kota']}
              value={target}
              onChange={setTarget}
              error={errors.targetOfficeCode}
            />
          )}
          {(REASON_REQUIRED.includes(action) || REASON_OPTIONAL.includes(action)) && (
            <TextArea
              name="reason"
              label={t('case.reason')}
              required={REASON_REQUIRED.includes(action)}
              optionalLabel={t('form.optional')}
              rows={3}
              maxLength={L.reason.max}
              value={reason}
              onChange={setReason}
              error={errors.reason}
            />
          )}
          <div className="form__actions">
            <button type="submit" className={`button ${DANGER.includes(action) ? 'button--danger' : 'button--primary'}`} disabled={busy}>
              {t('handling.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
