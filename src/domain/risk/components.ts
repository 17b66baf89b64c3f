// The index's components: keys, labels, default weights with their rationale, and the weight check.

export const RISK_COMPONENT_KEYS = [
  'ikp',
  'past_cases',
  'live_cases',
  'media_leads',
  'pledge_gap',
  'incumbent',
  'voters_without_ektp',
  'candidate_pairs',
] as const;
export type RiskComponentKey = (typeof RISK_COMPONENT_KEYS)[number];

export interface RiskComponentDefinition {
  key: RiskComponentKey;
  label: string;
  labelEn: string;
  /** Default weight; the published weights sum to 1. */
  weight: number;
  /** Why it is in the index and why it weighs what it does. */
  rationale: string;
  /** How the raw value becomes 0–1. */
  normalization: string;
}

/**
 * Default weights. Official and observed signals (IKP, case history, live cases) carry most of
 * the weight; structural factors (incumbent, contest shape, e-KTP gaps) and prevention (pledges)
 * adjust it. Operators may change them (PUT /api/v1/risk/weights, audited); every response says
 * which weights it used.
 */
export const RISK_COMPONENTS: readonly RiskComponentDefinition[] = [
  {
    key: 'ikp',
    label: 'Skor IKP Bawaslu',
    labelEn: 'Bawaslu IKP score',
    weight: 0.3,
    rationale: 'Indeks resmi Bawaslu (61 indikator, 4 dimensi); sumber paling lengkap, tetapi tidak khusus netralitas ASN.',
    normalization: 'skor 0–100 dibagi 100',
  },
  {
    key: 'past_cases',
    label: 'Riwayat kasus netralitas (Pilkada sebelumnya)',
    labelEn: 'Past neutrality cases (earlier Pilkada)',
    weight: 0.15,
    rationale: 'Pelanggaran berulang di daerah yang sama (mis. 1.536 dugaan pada Pilkada 2020, Bawaslu Sep 2022).',
    normalization:
      'kasus per 1.000 ASN dibagi 2 (jenuh di 2 per 1.000); tanpa jumlah ASN: jumlah kasus dibagi 20 (kab/kota) atau 150 (provinsi)',
  },
  {
    key: 'live_cases',
    label: 'Kasus berjalan di Netra',
    labelEn: 'Live cases in Netra',
    weight: 0.2,
    rationale: 'Sinyal terkini: laporan dan temuan netralitas pada siklus ini.',
    normalization: 'sama seperti riwayat kasus',
  },
  {
    key: 'media_leads',
    label: 'Petunjuk dari pemantauan media',
    labelEn: 'Media-monitoring leads',
    weight: 0.1,
    rationale: 'Informasi awal dari media/media sosial; belum terverifikasi sehingga bobotnya lebih kecil daripada kasus.',
    normalization: 'jumlah petunjuk dibagi 20 (kab/kota) atau 150 (provinsi)',
  },
  {
    key: 'pledge_gap',
    label: 'Kekurangan cakupan deklarasi netralitas',
    labelEn: 'Neutrality-pledge coverage gap',
    weight: 0.05,
    rationale:
      'Deklarasi netralitas adalah langkah pencegahan; cakupan rendah menambah kerawanan. Bobot kecil karena efeknya belum terukur.',
    normalization: '1 − (penanda tangan ÷ jumlah ASN), dibatasi 0–1; perlu jumlah ASN',
  },
  {
    key: 'incumbent',
    label: 'Petahana mencalonkan diri',
    labelEn: 'Incumbent running',
    weight: 0.1,
    rationale:
      'UU 1/2015 jo. UU 10/2016 Pasal 71 ayat (2)-(3); pemetaan kerawanan Pilkada 2024 (26 Agu 2024): risiko tertinggi tahap pencalonan adalah penyalahgunaan wewenang petahana dan ASN.',
    normalization: '1 bila ada pasangan calon petahana, 0 bila tidak',
  },
  {
    key: 'voters_without_ektp',
    label: 'Pemilih belum ber-KTP-el (%)',
    labelEn: 'Voters without e-KTP (%)',
    weight: 0.05,
    rationale: 'Proksi lemahnya administrasi kependudukan yang membuka ruang mobilisasi oleh aparatur.',
    normalization: 'persentase dibagi 10 (jenuh di 10%)',
  },
  {
    key: 'candidate_pairs',
    label: 'Bentuk kontestasi (jumlah pasangan calon)',
    labelEn: 'Contest shape (number of candidate pairs)',
    weight: 0.05,
    rationale:
      '[asumsi, perlu kalibrasi] Dua pasangan (head-to-head) paling terpolarisasi; calon tunggal (kotak kosong) rawan mobilisasi aparatur.',
    normalization: '2 pasangan → 1; 1 pasangan → 0,75; 3 atau lebih → 0,5',
  },
];

export type RiskWeights = Record<RiskComponentKey, number>;

export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = Object.fromEntries(RISK_COMPONENTS.map((c) => [c.key, c.weight])) as RiskWeights;

/** Validates weights: finite, non-negative, at least one positive. Returns the problem or null. */
export function checkRiskWeights(weights: Partial<Record<string, number>>): string | null {
  for (const [key, value] of Object.entries(weights)) {
    if (!(RISK_COMPONENT_KEYS as readonly string[]).includes(key)) return `unknown component ${key}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) return `${key}: weight must be between 0 and 1`;
  }
  return null;
}
