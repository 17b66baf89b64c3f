// The 'Teruskan' inputs: classification (neutrality first, the suggestion pre-selected and marked),
// the kajian summary, the agency address per terlapor, and a preview of each referral — the
// authority and the recommendation letter the server will produce — shown before confirming.
import { CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { INSTANSI } from '../../../domain/catalogues/instansi.ts';
import { FORWARDING_ORDER, previewForwarding, suggestClassification } from '../../../domain/catalogues/suggestClassification.ts';
import { localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { SelectField, TextArea, TextField, type FieldErrors } from '../../components/FormField.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { classificationLabel, subjectLabel } from './labels.ts';
import type { CaseDetail } from './types.ts';
import { CASE_ACTION_LIMITS } from '../../../contracts/limits.ts';

export interface AddressChoice {
  key: string;
  regionCode: string;
}

export function ForwardFields({
  c,
  classification,
  setClassification,
  summary,
  setSummary,
  addresses,
  setAddresses,
  errors,
}: {
  c: CaseDetail;
  classification: string;
  setClassification(value: string): void;
  summary: string;
  setSummary(value: string): void;
  addresses: Record<number, AddressChoice>;
  setAddresses(value: Record<number, AddressChoice>): void;
  errors: FieldErrors;
}) {
  const t = useT();
  const language = useLanguage();
  const suggestion = suggestClassification(
    c.terlapor.map((x) => x.subjectType),
    c.acts,
  );
  const options = FORWARDING_ORDER.map((id) => CLASSIFICATIONS.find((x) => x.id === id)!).map((x) => ({
    value: x.id,
    label: `${language === 'en' ? x.labelEn : x.label}${suggestion?.classification === x.id ? ` ${t('handling.suggestedTag')}` : ''}`,
  }));
  // The server routes on its own clock and the case office; the preview uses today in the office's zone.
  const today = localDateOf(new Date(), zoneForRegion(c.officeCode));
  const routes = previewForwarding(
    classification,
    c.terlapor.map((x) => x.subjectType),
    today,
    c.officeCode,
  );
  return (
    <>
      <SelectField
        name="classification"
        label={t('case.classification')}
        required
        value={classification}
        onChange={setClassification}
        hint={suggestion ? t('handling.suggested', { label: classificationLabel(suggestion.classification, language) }) : undefined}
        placeholder={t('form.choosePlaceholder')}
        error={errors.classification}
        options={options}
      />
      <TextArea
        name="summary"
        label={t('case.summary')}
        hint={t('case.summaryHint')}
        required
        rows={4}
        maxLength={CASE_ACTION_LIMITS.summary.max}
        value={summary}
        onChange={setSummary}
        error={errors.summary}
      />
      {c.terlapor
        .filter((tl) => addresses[tl.id])
        .map((tl) => {
          const a = addresses[tl.id];
          const set = (next: Partial<AddressChoice>) => setAddresses({ ...addresses, [tl.id]: { ...a, ...next } });
          // Field names follow the server's (alamatInstansi.<i>.…) so a 400 lands on the right input.
          const i = Object.entries(addresses)
            .filter(([, x]) => x.key && x.regionCode)
            .findIndex(([id]) => Number(id) === tl.id);
          return (
            <fieldset key={tl.id} className="fieldset">
              <legend>{t('case.addressFor', { name: tl.name, agency: tl.agency })}</legend>
              <SelectField
                name={`alamatInstansi.${i}.instansi`}
                label={t('case.addressAgency')}
                hint={t('case.addressHint')}
                value={a.key}
                onChange={(key) => set({ key })}
                placeholder={t('case.addressNone')}
                error={errors[`alamatInstansi.${i}.instansi`]}
                options={INSTANSI.map((x) => ({ value: x.key, label: language === 'en' ? x.labelEn : x.label }))}
              />
              <TextField
                name={`alamatInstansi.${i}.kodeWilayah`}
                label={t('case.addressRegion')}
                value={a.regionCode}
                onChange={(regionCode) => set({ regionCode })}
                error={errors[`alamatInstansi.${i}.kodeWilayah`]}
              />
            </fieldset>
          );
        })}
      <div className="forward-preview" aria-live="polite" data-testid="forward-preview">
        <h4>{t('handling.previewTitle')}</h4>
        {!classification ? (
          <p className="hint">{t('handling.previewChoose')}</p>
        ) : (
          <ul className="plain-list">
            {c.terlapor.map((tl) => {
              const route = routes.find((r) => r.subjectType === tl.subjectType);
              const subject = `${tl.name} (${subjectLabel(tl.subjectType, language)})`;
              return (
                <li key={tl.id}>
                  {route ? (
                    <>
                      {t('handling.previewLetter', { office: c.officeCode, authority: route.authorityName, subject })}
                      {route.deadlineRuleId ? ` ${t('handling.previewDeadline')}` : ''}
                    </>
                  ) : (
                    t('handling.previewNone', { subject })
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}
