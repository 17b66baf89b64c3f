// Checks on a laporan beyond field shapes: the NIK matches the stated birth date and sex, dates
// are in order and not in the future, a pemantau gives the accreditation, a peserta its team.
// Pure: `today` is the local date in the region's zone.
import { validateNik } from './nik.ts';
import { validateNip } from './nip.ts';
import type { LocalDate } from '../time/localDate.ts';

export interface FieldIssue {
  field: string;
  id: string;
  en: string;
}

export interface LaporanFacts {
  pelapor: { nik: string; tanggalLahir: string; jenisKelamin: 'L' | 'P'; kategori: string; nomorAkreditasi?: string; timKampanye?: string };
  terlapor: { nip?: string }[];
  peristiwa: { tanggalKejadian: string; tanggalDiketahui: string };
}

/** Age at which a citizen may vote (UU 1/2015 Pasal 1 angka 6: 17 years or married); we check 17. */
const MIN_REPORTER_AGE = 17;

function yearsBetween(from: LocalDate, to: LocalDate): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export function checkLaporanFacts(input: LaporanFacts, today: LocalDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const nik = validateNik(input.pelapor.nik, today);
  if (!nik.valid) {
    issues.push({ field: 'pelapor.nik', ...nik.reason });
  } else {
    if (nik.birthDate !== input.pelapor.tanggalLahir) {
      issues.push({
        field: 'pelapor.nik',
        id: 'Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang diisi.',
        en: 'The birth date in the NIK does not match the stated birth date.',
      });
    } else if (nik.sex !== input.pelapor.jenisKelamin) {
      issues.push({
        field: 'pelapor.nik',
        id: 'Jenis kelamin pada NIK tidak sesuai dengan yang diisi.',
        en: 'The sex encoded in the NIK does not match the stated sex.',
      });
    }
  }
  if (input.pelapor.tanggalLahir > today) {
    issues.push({
      field: 'pelapor.tanggalLahir',
      id: 'Tanggal lahir tidak boleh di masa depan.',
      en: 'Birth date cannot be in the future.',
    });
  } else if (yearsBetween(input.pelapor.tanggalLahir, today) < MIN_REPORTER_AGE) {
    issues.push({
      field: 'pelapor.tanggalLahir',
      id: 'Pelapor pemilih harus berusia minimal 17 tahun.',
      en: 'A reporting voter must be at least 17 years old.',
    });
  }
  if (input.pelapor.kategori === 'pemantau' && !input.pelapor.nomorAkreditasi) {
    issues.push({
      field: 'pelapor.nomorAkreditasi',
      id: 'Pemantau wajib mencantumkan nomor akreditasi dari KPU.',
      en: 'An election monitor must give its KPU accreditation number.',
    });
  }
  if (input.pelapor.kategori === 'peserta' && !input.pelapor.timKampanye) {
    issues.push({
      field: 'pelapor.timKampanye',
      id: 'Peserta pemilihan melapor melalui tim kampanye; isi nama tim kampanye.',
      en: 'A candidate pair reports through its campaign team; give the team.',
    });
  }
  issues.push(...checkIncidentFacts(input, today));
  return issues;
}

/** The checks that do not involve the reporter: terlapor NIPs and the event dates (laporan and informasi). */
export function checkIncidentFacts(input: Omit<LaporanFacts, 'pelapor'>, today: LocalDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.terlapor.forEach((t, i) => {
    if (!t.nip) return;
    const nip = validateNip(t.nip, today);
    if (!nip.valid) issues.push({ field: `terlapor.${i}.nip`, ...nip.reason });
  });
  const { tanggalKejadian, tanggalDiketahui } = input.peristiwa;
  if (tanggalKejadian > today) {
    issues.push({
      field: 'peristiwa.tanggalKejadian',
      id: 'Tanggal kejadian tidak boleh di masa depan.',
      en: 'The event date cannot be in the future.',
    });
  }
  if (tanggalDiketahui > today) {
    issues.push({
      field: 'peristiwa.tanggalDiketahui',
      id: 'Tanggal diketahui tidak boleh di masa depan.',
      en: 'The date known cannot be in the future.',
    });
  }
  if (tanggalKejadian > tanggalDiketahui) {
    issues.push({
      field: 'peristiwa.tanggalKejadian',
      id: 'Tanggal kejadian tidak boleh sesudah tanggal diketahui.',
      en: 'The event cannot be after the date it became known.',
    });
  }
  if (tanggalKejadian < '2000-01-01') {
    issues.push({
      field: 'peristiwa.tanggalKejadian',
      id: 'Tanggal kejadian terlalu lampau.',
      en: 'The event date is too far in the past.',
    });
  }
  return issues;
}
