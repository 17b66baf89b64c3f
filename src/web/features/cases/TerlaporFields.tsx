// One or more terlapor (the persons reported): name, optional NIP with a live check, position,
// agency, subject type and region. Shared by the public report form and the staff temuan form.
import { validateNip } from '../../../domain/cases/nip.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import type { RegionSummary } from '../../api/types.ts';
import { SelectField, TextField, type FieldErrors } from '../../components/FormField.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { todayLocal } from './labels.ts';
import { REPORT_COUNT_LIMITS, TERLAPOR_LIMITS } from '../../../contracts/limits.ts';

export interface TerlaporDraft {
  nama: string;
  nip: string;
  jabatan: string;
  instansi: string;
  jenisSubjek: string;
  region: RegionSummary | null;
}

export const emptyTerlapor = (): TerlaporDraft => ({ nama: '', nip: '', jabatan: '', instansi: '', jenisSubjek: '', region: null });

export function terlaporBody(list: TerlaporDraft[]) {
  return list.map((t) => ({
    nama: t.nama.trim(),
    ...(t.nip.trim() ? { nip: t.nip.replace(/\s/g, '') } : {}),
    jabatan: t.jabatan.trim(),
    instansi: t.instansi.trim(),
    jenisSubjek: t.jenisSubjek,
    ...(t.region ? { kodeWilayah: t.region.code } : {}),
  }));
}

type T = ReturnType<typeof useT>;

export function validateTerlapor(list: TerlaporDraft[], t: T, language: 'id' | 'en'): FieldErrors {
  const errors: FieldErrors = {};
  list.forEach((item, i) => {
    const p = `terlapor.${i}`;
    if (item.nama.trim().length < TERLAPOR_LIMITS.nama.min) errors[`${p}.nama`] = t('form.minChars', { n: TERLAPOR_LIMITS.nama.min });
    if (item.nip.trim()) {
      const nip = validateNip(item.nip, todayLocal());
      if (!nip.valid) errors[`${p}.nip`] = nip.reason[language];
    }
    if (item.jabatan.trim().length < TERLAPOR_LIMITS.jabatan.min)
      errors[`${p}.jabatan`] = t('form.minChars', { n: TERLAPOR_LIMITS.jabatan.min });
    if (item.instansi.trim().length < TERLAPOR_LIMITS.instansi.min)
      errors[`${p}.instansi`] = t('form.minChars', { n: TERLAPOR_LIMITS.instansi.min });
    if (!item.jenisSubjek) errors[`${p}.jenisSubjek`] = t('form.choose');
  });
  return errors;
}

export function TerlaporFields({
  list,
  onChange,
  errors,
}: {
  list: TerlaporDraft[];
  onChange(list: TerlaporDraft[]): void;
  errors: FieldErrors;
}) {
  const t = useT();
  const language = useLanguage();
  const update = (index: number, patch: Partial<TerlaporDraft>) =>
    onChange(list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <div className="repeat">
      {list.map((item, i) => {
        const p = `terlapor.${i}`;
        const nipCheck = item.nip.replace(/\s/g, '').length === 18 ? validateNip(item.nip, todayLocal()) : null;
        return (
          <fieldset key={i} className="repeat__item card">
            <legend>{t('lapor.terlaporN', { n: i + 1 })}</legend>
            <div className="form form--grid">
              <TextField
                name={`${p}.nama`}
                label={t('lapor.terlaporNama')}
                required
                maxLength={TERLAPOR_LIMITS.nama.max}
                value={item.nama}
                error={errors[`${p}.nama`]}
                onChange={(v) => update(i, { nama: v })}
              />
              <TextField
                name={`${p}.nip`}
                label={t('lapor.nip')}
                optionalLabel={t('form.optional')}
                hint={t('lapor.nipHint')}
                inputMode="numeric"
                maxLength={21}
                value={item.nip}
                error={errors[`${p}.nip`]}
                onChange={(v) => update(i, { nip: v })}
                status={nipCheck ? (nipCheck.valid ? t('lapor.nipOk') : nipCheck.reason[language]) : undefined}
              />
              <TextField
                name={`${p}.jabatan`}
                label={t('lapor.jabatan')}
                hint={t('lapor.jabatanHint')}
                required
                maxLength={TERLAPOR_LIMITS.jabatan.max}
                value={item.jabatan}
                error={errors[`${p}.jabatan`]}
                onChange={(v) => update(i, { jabatan: v })}
              />
              <TextField
                name={`${p}.instansi`}
                label={t('lapor.instansi')}
                hint={t('lapor.instansiHint')}
                required
                maxLength={TERLAPOR_LIMITS.instansi.max}
                value={item.instansi}
                error={errors[`${p}.instansi`]}
                onChange={(v) => update(i, { instansi: v })}
              />
              <SelectField
                name={`${p}.jenisSubjek`}
                label={t('lapor.jenisSubjek')}
                required
                value={item.jenisSubjek}
                placeholder={t('form.choosePlaceholder')}
                error={errors[`${p}.jenisSubjek`]}
                onChange={(v) => update(i, { jenisSubjek: v })}
                options={SUBJECT_TYPE_CATALOGUE.map((s) => ({ value: s.id, label: language === 'en' ? s.labelEn : s.label }))}
              />
              <RegionPicker
                name={`${p}.kodeWilayah`}
                label={`${t('lapor.terlaporWilayah')} (${t('form.optional')})`}
                hint={t('lapor.regionHint')}
                value={item.region}
                error={errors[`${p}.kodeWilayah`]}
                onChange={(region) => update(i, { region })}
              />
            </div>
            {list.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(list.filter((_, j) => j !== i))}
              >
                {t('lapor.removeTerlapor', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {list.length < REPORT_COUNT_LIMITS.terlapor.max && (
        <button type="button" className="button button--secondary" onClick={() => onChange([...list, emptyTerlapor()])}>
          {t('lapor.addTerlapor')}
        </button>
      )}
    </div>
  );
}
