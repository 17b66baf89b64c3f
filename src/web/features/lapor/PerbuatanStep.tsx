// Step 3: which acts (SKB 2022 catalogue) and, optionally, witnesses.
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { CheckboxGroup, TextField, type FieldErrors } from '../../components/FormField.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { OTHER_ACT, actLabel } from '../cases/labels.ts';
import type { Draft } from './draft.ts';

export function PerbuatanStep({
  draft,
  errors,
  onChange,
}: {
  draft: Draft;
  errors: FieldErrors;
  onChange(patch: Partial<Pick<Draft, 'perbuatan' | 'saksi'>>): void;
}) {
  const t = useT();
  const language = useLanguage();
  const setSaksi = (i: number, patch: Partial<Draft['saksi'][number]>) =>
    onChange({ saksi: draft.saksi.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <>
      <CheckboxGroup
        name="perbuatan"
        label={t('lapor.perbuatan')}
        hint={t('lapor.perbuatanHint')}
        value={draft.perbuatan}
        error={errors.perbuatan}
        onChange={(perbuatan) => onChange({ perbuatan })}
        options={[
          ...NEUTRALITY_ACTS.map((a) => ({ value: a.id, label: language === 'en' ? a.labelEn : a.label })),
          { value: OTHER_ACT.id, label: actLabel(OTHER_ACT.id, language) },
        ]}
      />
      <h3>{t('lapor.saksi')}</h3>
      <p className="hint">{t('lapor.saksiHint')}</p>
      {draft.saksi.map((s, i) => (
        <fieldset key={i} className="repeat__item card">
          <legend>{t('lapor.saksiN', { n: i + 1 })}</legend>
          <div className="form form--grid">
            <TextField
              name={`saksi.${i}.nama`}
              label={t('lapor.saksiNama')}
              required
              value={s.nama}
              error={errors[`saksi.${i}.nama`]}
              onChange={(v) => setSaksi(i, { nama: v })}
            />
            <TextField
              name={`saksi.${i}.telepon`}
              type="tel"
              inputMode="tel"
              label={t('lapor.telepon')}
              optionalLabel={t('form.optional')}
              value={s.telepon}
              error={errors[`saksi.${i}.telepon`]}
              onChange={(v) => setSaksi(i, { telepon: v })}
            />
          </div>
          <TextField
            name={`saksi.${i}.alamat`}
            label={t('lapor.alamat')}
            required
            value={s.alamat}
            error={errors[`saksi.${i}.alamat`]}
            onChange={(v) => setSaksi(i, { alamat: v })}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange({ saksi: draft.saksi.filter((_, j) => j !== i) })}
          >
            {t('lapor.removeSaksi', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {draft.saksi.length < 20 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ saksi: [...draft.saksi, { nama: '', alamat: '', telepon: '' }] })}
        >
          {t('lapor.addSaksi')}
        </button>
      )}
    </>
  );
}
