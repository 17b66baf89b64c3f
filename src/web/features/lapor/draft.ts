// The report draft: its shape, the step order (incident first, identity last), where each API
// field lives, and persistence. The draft is kept in localStorage so a reload on a flaky phone
// connection loses nothing; the NIK is left out unless the person ticks 'simpan NIK di perangkat
// ini', and everything is removed after a successful submission.
import type { RegionSummary } from '../../api/types.ts';
import type { EvidenceItem } from '../cases/EvidenceStep.tsx';
import { emptyTerlapor, terlaporBody, type TerlaporDraft } from '../cases/TerlaporFields.tsx';

export const DRAFT_KEY = 'netra.lapor.draft';
export const SUBMIT_KEY = 'netra.lapor.idempotency';
export const FILING_DAYS = 7;

export interface Draft {
  step: number;
  /** Keep the NIK in the stored draft (the person's explicit choice). */
  keepNik: boolean;
  pelapor: {
    nama: string;
    nik: string;
    tempatLahir: string;
    tanggalLahir: string;
    jenisKelamin: string;
    pekerjaan: string;
    kewarganegaraan: string;
    alamat: string;
    telepon: string;
    email: string;
    kategori: string;
    nomorAkreditasi: string;
    timKampanye: string;
  };
  terlapor: TerlaporDraft[];
  peristiwa: {
    judul: string;
    uraian: string;
    region: RegionSummary | null;
    tempat: string;
    tanggalKejadian: string;
    tanggalDiketahui: string;
  };
  perbuatan: string[];
  saksi: { nama: string; alamat: string; telepon: string }[];
  bukti: EvidenceItem[];
  tautan: string;
}

export const emptyDraft = (): Draft => ({
  step: 0,
  keepNik: false,
  pelapor: {
    nama: '',
    nik: '',
    tempatLahir: '',
    tanggalLahir: '',
    jenisKelamin: '',
    pekerjaan: '',
    kewarganegaraan: 'Indonesia',
    alamat: '',
    telepon: '',
    email: '',
    kategori: '',
    nomorAkreditasi: '',
    timKampanye: '',
  },
  terlapor: [emptyTerlapor()],
  peristiwa: { judul: '', uraian: '', region: null, tempat: '', tanggalKejadian: '', tanggalDiketahui: '' },
  perbuatan: [],
  saksi: [],
  bukti: [],
  tautan: '',
});

/** What happened, where and when; who; acts and witnesses; evidence; then who is reporting; review. */
export const STEP_KEYS = [
  'lapor.step.peristiwa',
  'lapor.step.terlapor',
  'lapor.step.perbuatan',
  'lapor.step.bukti',
  'lapor.step.pelapor',
  'lapor.step.tinjau',
] as const;
export const STEP = { peristiwa: 0, terlapor: 1, perbuatan: 2, bukti: 3, pelapor: 4, tinjau: 5 } as const;

/** Which step holds an API field ('terlapor.0.nip' → 1). */
export function stepOfField(field: string): number | null {
  switch (field.split('.')[0]) {
    case 'peristiwa':
      return STEP.peristiwa;
    case 'terlapor':
      return STEP.terlapor;
    case 'perbuatan':
    case 'saksi':
      return STEP.perbuatan;
    case 'bukti':
    case 'buktiTautan':
      return STEP.bukti;
    case 'pelapor':
      return STEP.pelapor;
    default:
      return null;
  }
}

export function loadDraft(): Draft {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (raw) {
      const stored = JSON.parse(raw) as Partial<Draft>;
      const base = emptyDraft();
      return { ...base, ...stored, pelapor: { ...base.pelapor, ...stored.pelapor } };
    }
  } catch {
    // unreadable draft: start over
  }
  return emptyDraft();
}

export function saveDraft(draft: Draft) {
  try {
    const stored = draft.keepNik ? draft : { ...draft, pelapor: { ...draft.pelapor, nik: '' } };
    localStorage.setItem(DRAFT_KEY, JSON.stringify(stored));
  } catch {
    // storage full or disabled: the draft lasts for this page only
  }
}

export function clearDraft() {
  try {
    localStorage.removeItem(DRAFT_KEY);
    sessionStorage.removeItem(SUBMIT_KEY);
    // Drafts from before the move to localStorage.
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing stored
  }
}

export const links = (text: string) =>
  text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
export const isHttpUrl = (value: string) => {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};
const opt = (value: string) => (value.trim() ? value.trim() : undefined);

/** The incident part shared by a laporan and an identity-free informasi. */
export function incidentBody(d: Draft) {
  return {
    terlapor: terlaporBody(d.terlapor),
    peristiwa: {
      judul: opt(d.peristiwa.judul),
      uraian: d.peristiwa.uraian.trim(),
      kodeWilayah: d.peristiwa.region?.code ?? '',
      tempat: d.peristiwa.tempat.trim(),
      tanggalKejadian: d.peristiwa.tanggalKejadian,
      tanggalDiketahui: d.peristiwa.tanggalDiketahui,
    },
    perbuatan: d.perbuatan,
    bukti: d.bukti.map((b) => b.id),
    buktiTautan: links(d.tautan),
  };
}

export function buildBody(d: Draft) {
  const p = d.pelapor;
  return {
    pelapor: {
      nama: p.nama.trim(),
      nik: p.nik.replace(/[\s.]/g, ''),
      tempatLahir: p.tempatLahir.trim(),
      tanggalLahir: p.tanggalLahir,
      jenisKelamin: p.jenisKelamin,
      pekerjaan: p.pekerjaan.trim(),
      kewarganegaraan: p.kewarganegaraan.trim() || 'Indonesia',
      alamat: p.alamat.trim(),
      telepon: p.telepon.replace(/[\s-]/g, ''),
      email: opt(p.email),
      kategori: p.kategori,
      nomorAkreditasi: p.kategori === 'pemantau' ? opt(p.nomorAkreditasi) : undefined,
      timKampanye: p.kategori === 'peserta' ? opt(p.timKampanye) : undefined,
    },
    ...incidentBody(d),
    saksi: d.saksi
      .filter((s) => s.nama.trim() || s.alamat.trim() || s.telepon.trim())
      .map((s) => ({ nama: s.nama.trim(), alamat: s.alamat.trim(), ...(s.telepon.trim() ? { telepon: s.telepon.trim() } : {}) })),
  };
}
