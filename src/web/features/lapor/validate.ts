// Client-side checks per step (the server checks again), and the field names the error summary
// puts in front of each message ('NIK: Wajib diisi.' rather than five bare 'Wajib diisi.').
import { validateNik } from '../../../domain/cases/nik.ts';
import type { FieldErrors } from '../../components/FormField.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { useT } from '../../i18n/store.ts';
import { validateTerlapor } from '../cases/TerlaporFields.tsx';
import { todayLocal } from '../cases/labels.ts';
import { STEP, isHttpUrl, links, type Draft } from './draft.ts';
import {
  PELAPOR_LIMITS as P,
  PERISTIWA_LIMITS as E,
  PHONE_PATTERN,
  REPORT_COUNT_LIMITS as N,
  SAKSI_LIMITS as S,
} from '../../../contracts/limits.ts';

const PHONE = new RegExp(PHONE_PATTERN);

type T = ReturnType<typeof useT>;

export function validateStep(step: number, d: Draft, t: T, language: 'id' | 'en'): FieldErrors {
  const errors: FieldErrors = {};
  const today = todayLocal();
  const min = (path: string, value: string, n: number) => {
    if (value.trim().length < n) errors[path] = value.trim() ? t('form.minChars', { n }) : t('form.required');
  };
  if (step === STEP.peristiwa) {
    const e = d.peristiwa;
    if (e.judul.trim() && e.judul.trim().length < E.judul.min) errors['peristiwa.judul'] = t('form.minChars', { n: E.judul.min });
    min('peristiwa.uraian', e.uraian, E.uraian.min);
    if (!e.region) errors['peristiwa.kodeWilayah'] = t('lapor.regionRequired');
    min('peristiwa.tempat', e.tempat, E.tempat.min);
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
      min(`saksi.${i}.nama`, s.nama, S.nama.min);
      min(`saksi.${i}.alamat`, s.alamat, S.alamat.min);
    });
  }
  if (step === STEP.bukti) {
    const bad = links(d.tautan).find((u) => !isHttpUrl(u));
    if (bad) errors.buktiTautan = t('form.url', { url: bad });
    else if (links(d.tautan).length > N.buktiTautan.max) errors.buktiTautan = t('lapor.tooManyLinks');
  }
  if (step === STEP.pelapor) {
    const p = d.pelapor;
    min('pelapor.nama', p.nama, P.nama.min);
    const nik = validateNik(p.nik, today);
    if (!nik.valid) errors['pelapor.nik'] = nik.reason[language];
    else if (p.tanggalLahir && nik.birthDate !== p.tanggalLahir) errors['pelapor.nik'] = t('lapor.nikBirthMismatch');
    else if (p.jenisKelamin && nik.sex !== p.jenisKelamin) errors['pelapor.nik'] = t('lapor.nikSexMismatch');
    min('pelapor.tempatLahir', p.tempatLahir, P.tempatLahir.min);
    if (!p.tanggalLahir) errors['pelapor.tanggalLahir'] = t('form.required');
    else if (p.tanggalLahir > today) errors['pelapor.tanggalLahir'] = t('form.futureDate');
    if (!p.jenisKelamin) errors['pelapor.jenisKelamin'] = t('form.choose');
    min('pelapor.pekerjaan', p.pekerjaan, P.pekerjaan.min);
    min('pelapor.kewarganegaraan', p.kewarganegaraan, P.kewarganegaraan.min);
    min('pelapor.alamat', p.alamat, P.alamat.min);
    if (!PHONE.test(p.telepon.replace(/[\s-]/g, ''))) errors['pelapor.telepon'] = t('form.phone');
    if (p.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email.trim())) errors['pelapor.email'] = t('form.email');
    if (!p.kategori) errors['pelapor.kategori'] = t('form.choose');
    if (p.kategori === 'pemantau') min('pelapor.nomorAkreditasi', p.nomorAkreditasi, P.nomorAkreditasi.min);
    if (p.kategori === 'peserta') min('pelapor.timKampanye', p.timKampanye, P.timKampanye.min);
  }
  return errors;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  'pelapor.nama': 'lapor.nama',
  'pelapor.nik': 'lapor.nik',
  'pelapor.tempatLahir': 'lapor.tempatLahir',
  'pelapor.tanggalLahir': 'lapor.tanggalLahir',
  'pelapor.jenisKelamin': 'lapor.jenisKelamin',
  'pelapor.pekerjaan': 'lapor.pekerjaan',
  'pelapor.kewarganegaraan': 'lapor.kewarganegaraan',
  'pelapor.alamat': 'lapor.alamat',
  'pelapor.telepon': 'lapor.telepon',
  'pelapor.email': 'lapor.email',
  'pelapor.kategori': 'lapor.kategori',
  'pelapor.nomorAkreditasi': 'lapor.nomorAkreditasi',
  'pelapor.timKampanye': 'lapor.timKampanye',
  'peristiwa.judul': 'lapor.judul',
  'peristiwa.uraian': 'lapor.uraian',
  'peristiwa.kodeWilayah': 'lapor.wilayahKejadian',
  'peristiwa.tempat': 'lapor.tempat',
  'peristiwa.tanggalKejadian': 'lapor.tanggalKejadian',
  'peristiwa.tanggalDiketahui': 'lapor.tanggalDiketahui',
  perbuatan: 'lapor.perbuatan',
  bukti: 'bukti.choose',
  buktiTautan: 'bukti.links',
  'terlapor.nama': 'lapor.terlaporNama',
  'terlapor.nip': 'lapor.nip',
  'terlapor.jabatan': 'lapor.jabatan',
  'terlapor.instansi': 'lapor.instansi',
  'terlapor.jenisSubjek': 'lapor.jenisSubjek',
  'terlapor.kodeWilayah': 'lapor.terlaporWilayah',
  'saksi.nama': 'lapor.saksiNama',
  'saksi.alamat': 'lapor.alamat',
  'saksi.telepon': 'lapor.telepon',
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
