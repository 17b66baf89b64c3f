// Step 5: who is reporting — asked only after the incident. Explains why the law needs identity
// and how Netra protects it, and offers the identity-free alternative (informasi awal) plainly,
// with what the person gives up.
import { validateNik } from '../../../domain/cases/nik.ts';
import { PELAPOR_CATALOGUE } from '../../../domain/catalogues/pelapor.ts';
import { RadioGroup, TextArea, TextField, type FieldErrors } from '../../components/FormField.tsx';
import { Notice } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { todayLocal } from '../cases/labels.ts';
import type { Draft } from './draft.ts';

type Pelapor = Draft['pelapor'];

export function PelaporStep({
  value,
  keepNik,
  errors,
  onChange,
  onKeepNik,
}: {
  value: Pelapor;
  keepNik: boolean;
  errors: FieldErrors;
  onChange(patch: Partial<Pelapor>): void;
  onKeepNik(keep: boolean): void;
}) {
  const t = useT();
  const language = useLanguage();
  const today = todayLocal();
  const nikDigits = value.nik.replace(/[\s.]/g, '');
  const nik = nikDigits.length === 16 ? validateNik(nikDigits, today) : null;
  const nikStatus =
    nikDigits.length === 0
      ? undefined
      : nikDigits.length !== 16 || /\D/.test(nikDigits)
        ? t('lapor.nikCount', { n: nikDigits.replace(/\D/g, '').length })
        : nik && nik.valid
          ? t('lapor.nikOk', { date: formatDate(nik.birthDate, language), sex: t(nik.sex === 'P' ? 'lapor.sexP' : 'lapor.sexL') })
          : nik && !nik.valid
            ? nik.reason[language]
            : undefined;
  return (
    <>
      <Notice>
        <p>{t('lapor.identityWhy')}</p>
      </Notice>
      <div className="form form--grid">
        <TextField
          name="pelapor.nama"
          label={t('lapor.nama')}
          required
          autoComplete="name"
          value={value.nama}
          error={errors['pelapor.nama']}
          onChange={(v) => onChange({ nama: v })}
        />
        <TextField
          name="pelapor.nik"
          label={t('lapor.nik')}
          hint={t('lapor.nikHint')}
          required
          inputMode="numeric"
          maxLength={20}
          value={value.nik}
          error={errors['pelapor.nik']}
          status={nikStatus}
          onChange={(v) => onChange({ nik: v.replace(/[^\d\s.]/g, '') })}
          onBlur={() => {
            // Fill the birth date and sex from a valid NIK when they are still empty.
            if (nik?.valid) onChange({ tanggalLahir: value.tanggalLahir || nik.birthDate, jenisKelamin: value.jenisKelamin || nik.sex });
          }}
        />
        <TextField
          name="pelapor.tempatLahir"
          label={t('lapor.tempatLahir')}
          required
          value={value.tempatLahir}
          error={errors['pelapor.tempatLahir']}
          onChange={(v) => onChange({ tempatLahir: v })}
        />
        <TextField
          name="pelapor.tanggalLahir"
          type="date"
          label={t('lapor.tanggalLahir')}
          required
          max={today}
          autoComplete="bday"
          value={value.tanggalLahir}
          error={errors['pelapor.tanggalLahir']}
          onChange={(v) => onChange({ tanggalLahir: v })}
        />
        <RadioGroup
          name="pelapor.jenisKelamin"
          label={t('lapor.jenisKelamin')}
          value={value.jenisKelamin}
          error={errors['pelapor.jenisKelamin']}
          onChange={(v) => onChange({ jenisKelamin: v })}
          className="choice-group--inline"
          options={[
            { value: 'L', label: t('lapor.sexL') },
            { value: 'P', label: t('lapor.sexP') },
          ]}
        />
        <TextField
          name="pelapor.pekerjaan"
          label={t('lapor.pekerjaan')}
          required
          value={value.pekerjaan}
          error={errors['pelapor.pekerjaan']}
          onChange={(v) => onChange({ pekerjaan: v })}
        />
        <TextField
          name="pelapor.kewarganegaraan"
          label={t('lapor.kewarganegaraan')}
          required
          value={value.kewarganegaraan}
          error={errors['pelapor.kewarganegaraan']}
          onChange={(v) => onChange({ kewarganegaraan: v })}
        />
        <TextField
          name="pelapor.telepon"
          type="tel"
          inputMode="tel"
          label={t('lapor.telepon')}
          hint={t('lapor.teleponHint')}
          required
          autoComplete="tel"
          value={value.telepon}
          error={errors['pelapor.telepon']}
          onChange={(v) => onChange({ telepon: v })}
        />
        <TextField
          name="pelapor.email"
          type="email"
          inputMode="email"
          label={t('lapor.email')}
          optionalLabel={t('form.optional')}
          hint={t('lapor.emailHint')}
          autoComplete="email"
          value={value.email}
          error={errors['pelapor.email']}
          onChange={(v) => onChange({ email: v })}
        />
      </div>
      <TextArea
        name="pelapor.alamat"
        label={t('lapor.alamat')}
        required
        rows={2}
        value={value.alamat}
        error={errors['pelapor.alamat']}
        onChange={(v) => onChange({ alamat: v })}
      />
      <RadioGroup
        name="pelapor.kategori"
        label={t('lapor.kategori')}
        hint={t('lapor.kategoriHint')}
        value={value.kategori}
        error={errors['pelapor.kategori']}
        onChange={(v) => onChange({ kategori: v })}
        options={PELAPOR_CATALOGUE.map((c) => ({
          value: c.id,
          label: language === 'en' ? c.labelEn : c.label,
          description: language === 'en' ? c.requirementEn : c.requirement,
        }))}
      />
      {value.kategori === 'pemantau' && (
        <TextField
          name="pelapor.nomorAkreditasi"
          label={t('lapor.nomorAkreditasi')}
          required
          value={value.nomorAkreditasi}
          error={errors['pelapor.nomorAkreditasi']}
          onChange={(v) => onChange({ nomorAkreditasi: v })}
        />
      )}
      {value.kategori === 'peserta' && (
        <TextField
          name="pelapor.timKampanye"
          label={t('lapor.timKampanye')}
          required
          value={value.timKampanye}
          error={errors['pelapor.timKampanye']}
          onChange={(v) => onChange({ timKampanye: v })}
        />
      )}
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name="keepNik"
            checked={keepNik}
            aria-describedby="keep-nik-hint"
            onChange={(e) => onKeepNik(e.target.checked)}
          />
          <span className="choice__label">{t('lapor.keepNik')}</span>
        </label>
        <p className="hint" id="keep-nik-hint">
          {t('lapor.keepNikHint')}
        </p>
      </div>
    </>
  );
}

/** The identity-free alternative, shown beside the identity step. */
export function InformasiOffer({ busy, onSend }: { busy: boolean; onSend(): void }) {
  const t = useT();
  return (
    <section className="card informasi-offer" aria-labelledby="informasi-offer-title">
      <h3 id="informasi-offer-title">{t('informasi.title')}</h3>
      <p>{t('informasi.lead')}</p>
      <p>
        <strong>{t('informasi.giveUp')}</strong>
      </p>
      <button type="button" className="button button--secondary" disabled={busy} aria-busy={busy || undefined} onClick={onSend}>
        {busy ? t('informasi.submitting') : t('informasi.submit')}
      </button>
    </section>
  );
}
