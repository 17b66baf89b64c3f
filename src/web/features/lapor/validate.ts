// Client-side checks per step (the server checks again), and the field names the error summary
// puts in front of each message ('NIK: Wajib diisi.' rather than five bare 'Wajib diisi.').
import { validateNik } from '../../../domain/cases/nik.ts';
import type { FieldErrors } from '../../components/FormField.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { useT } from '../../i18n/store.ts';
import { validateTerlapor } from '../cases/TerlaporFields.tsx';
import { todayLocal } from '../cases/labels.ts';
import { STEP, isHttpUrl, links, type Draft } from './draft.ts';

type T = ReturnType<typeof useT>;

export function validateStep(step: number, d: Draft, t: T, language: 'id' | 'en'): FieldErrors {
  const errors: FieldErrors = {};
  const today = todayLocal();
  const min = (path: string, value: string, n: number) => { if (value.trim().length < n) errors[path] = value.trim() ? t('form.minChars', { n }) : t('form.required'); };
  if (step === STEP.peristiwa) {
    const e = d.peristiwa;
    if (e.judul.trim() && e.judul.trim().length < 5) errors['peristiwa.judul'] = t('form.minChars', { n: 5 });
    min('peristiwa.uraian', e.uraian, 30);
    if (!e.region) errors['peristiwa.kodeWilayah'] = t('lapor.regionRequired');
    min('peristiwa.tempat', e.tempat, 2);
    if (!e.tanggalKejadian) errors['peristiwa.tanggalKejadian'] = t('form.required');
    else if (e.tanggalKejadian > today) errors['peristiwa.tanggalKejadian'] = t('form.futureDate');
    if (!e.tanggalDiketahui) errors['peristiwa.tanggalDiketahui'] = t('form.required');
    else if (e.tanggalDiketahui > today) errors['peristiwa.tanggalDiketahui'] = t('form.futureDate');
    else if (e.tanggalKejadian && e.tanggalKejadian > e.tanggalDiketahui) errors['peristiwa.tanggalKejadian'] = t('form.dateOrder');
  }
  if (step === STEP.terlapor) Object.assign(errors, validateTerlapor(d.terlapor, t, language));
  if (step === STEP.perbuatan) {
    if (d.perbuatan.length === 0) errors.perbuatan = t('lapor.actRequired');
    d.saksi.forEach((s, i) => {
      if (!s.nama.trim() && !s.alamat.trim() && !s.telepon.trim()) return;
      min(`saksi.${i}.nama`, s.nama, 2);
      min(`saksi.${i}.alamat`, s.alamat, 2);
    });
  }
  if (step === STEP.bukti) {
    const bad = links(d.tautan).find((u) => !isHttpUrl(u));
    if (bad) errors.buktiTautan = t('form.url', { url: bad });
    else if (links(d.tautan).length > 10) errors.buktiTautan = t('lapor.tooManyLinks');
  }
  if (step === STEP.pelapor) {
    const p = d.pelapor;
    min('pelapor.nama', p.nama, 2);
    const nik = validateNik(p.nik, today);
    if (!nik.valid) errors['pelapor.nik'] = nik.reason[language];
    else if (p.tanggalLahir && nik.birthDate !== p.tanggalLahir) errors['pelapor.nik'] = t('lapor.nikBirthMismatch');
    else if (p.jenisKelamin && nik.sex !== p.jenisKelamin) errors['pelapor.nik'] = t('lapor.nikSexMismatch');
    min('pelapor.tempatLahir', p.tempatLahir, 2);
    if (!p.tanggalLahir) errors['pelapor.tanggalLahir'] = t('form.required');
    else if (p.tanggalLahir > today) errors['pelapor.tanggalLahir'] = t('form.futureDate');
    if (!p.jenisKelamin) errors['pelapor.jenisKelamin'] = t('form.choose');
    min('pelapor.pekerjaan', p.pekerjaan, 2);
    min('pelapor.kewarganegaraan', p.kewarganegaraan, 2);
    min('pelapor.alamat', p.alamat, 5);
    if (!/^(\+62|62|0)8\d{7,12}$/.test(p.telepon.replace(/[\s-]/g, ''))) errors['pelapor.telepon'] = t('form.phone');
    if (p.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email.trim())) errors['pelapor.email'] = t('form.email');
    if (!p.kategori) errors['pelapor.kategori'] = t('form.choose');
    if (p.kategori === 'pemantau') min('pelapor.nomorAkreditasi', p.nomorAkreditasi, 3);
    if (p.kategori === 'peserta') min('pelapor.timKampanye', p.timKampanye, 3);
  }
  return errors;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  'pelapor.nama': 'lapor.nama', 'pelapor.nik': 'lapor.nik', 'pelapor.tempatLahir': 'lapor.tempatLahir', 'pelapor.tanggalLahir': 'lapor.tanggalLahir',
  'pelapor.jenisKelamin': 'lapor.jenisKelamin', 'pelapor.pekerjaan': 'lapor.pekerjaan', 'pelapor.kewarganegaraan': 'lapor.kewarganegaraan',
  'pelapor.alamat': 'lapor.alamat', 'pelapor.telepon': 'lapor.telepon', 'pelapor.email': 'lapor.email', 'pelapor.kategori': 'lapor.kategori',
  'pelapor.nomorAkreditasi': 'lapor.nomorAkreditasi', 'pelapor.timKampanye': 'lapor.timKampanye',
  'peristiwa.judul': 'lapor.judul', 'peristiwa.uraian': 'lapor.uraian', 'peristiwa.kodeWilayah': 'lapor.wilayahKejadian', 'peristiwa.tempat': 'lapor.tempat',
  'peristiwa.tanggalKejadian': 'lapor.tanggalKejadian', 'peristiwa.tanggalDiketahui': 'lapor.tanggalDiketahui',
  perbuatan: 'lapor.perbuatan', bukti: 'bukti.choose', buktiTautan: 'bukti.links',
  'terlapor.nama': 'lapor.terlaporNama', 'terlapor.nip': 'lapor.nip', 'terlapor.jabatan': 'lapor.jabatan', 'terlapor.instansi': 'lapor.instansi',
  'terlapor.jenisSubjek': 'lapor.jenisSubjek', 'terlapor.kodeWilayah': 'lapor.terlaporWilayah',
  'saksi.nama': 'lapor.saksiNama', 'saksi.alamat': 'lapor.alamat', 'saksi.telepon': 'lapor.telepon',
};

/** 'terlapor.1.jabatan' → 'Terlapor 2 — Jabatan'; 'pelapor.nik' → 'NIK'. */
export function fieldLabels(errors: FieldErrors, t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of Object.keys(errors)) {
    const repeated = /^(terlapor|saksi)\.(\d+)\.(\w+)$/.exec(field);
    if (repeated) {
      const key = FIELD_LABELS[`${repeated[1]}.${repeated[3]}`];
      const n = Number(repeated[2]) + 1;
      const group = repeated[1] === 'terlapor' ? t('lapor.terlaporN', { n }) : t('lapor.saksiN', { n });
      if (key) out[field] = `${group} — ${t(key)}`;
      continue;
    }
    const key = FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\.\d+$/, '')];
    if (key) out[field] = t(key);
  }
  return out;
}
