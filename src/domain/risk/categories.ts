// Region levels and the IKP 2024 categories the index reuses (sources in index.ts's header).

export type RiskLevel = 'provinsi' | 'kabupaten_kota';
export type RiskCategory = 'tinggi' | 'sedang' | 'rendah';

export interface RiskThresholds {
  tinggi: number;
  sedang: number;
  source: string;
}

export const IKP_THRESHOLDS: Readonly<Record<RiskLevel, RiskThresholds>> = {
  provinsi: {
    tinggi: 68.5,
    sedang: 21.7,
    source: 'Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024 (16 Des 2022): provinsi tinggi 68,5–100, sedang 21,7–68,5, rendah < 21,7',
  },
  kabupaten_kota: {
    tinggi: 49.33,
    sedang: 13.47,
    source: 'Bawaslu, IKP Pemilu dan Pemilihan Serentak 2024 (16 Des 2022): kab/kota tinggi 49,33–100, sedang 13,47–49,32, rendah < 13,46',
  },
};

export function riskCategory(level: RiskLevel, score: number): RiskCategory {
  const t = IKP_THRESHOLDS[level];
  if (score >= t.tinggi) return 'tinggi';
  if (score >= t.sedang) return 'sedang';
  return 'rendah';
}

export const CATEGORY_LABELS: Readonly<Record<RiskCategory, { id: string; en: string }>> = {
  tinggi: { id: 'Rawan tinggi', en: 'High' },
  sedang: { id: 'Rawan sedang', en: 'Medium' },
  rendah: { id: 'Rawan rendah', en: 'Low' },
};

export function levelOfRegionCode(code: string): RiskLevel | null {
  if (/^\d{2}$/.test(code)) return 'provinsi';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'kabupaten_kota';
  return null;
}
