// Who may file a laporan: UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (2): a. pemilih, b. pemantau
// pemilihan, c. peserta pemilihan; Perbawaslu 14/2017 Pasal 6 (kept in 8/2020): the pemilih must
// have the right to vote in that election, the pemantau must be accredited at the KPU Prov/Kab/Kota
// for its coverage area, and the peserta may act through its tim kampanye.

export const PELAPOR_CATEGORIES = ['pemilih', 'pemantau', 'peserta'] as const;
export type PelaporCategory = (typeof PELAPOR_CATEGORIES)[number];

export interface PelaporCategoryEntry {
  id: PelaporCategory;
  label: string;
  labelEn: string;
  /** Requirement text shown on the intake form. */
  requirement: string;
  requirementEn: string;
  requiresAccreditationNumber: boolean;
  /** A peserta files through its campaign team (tim kampanye) or an appointee. */
  actsThroughCampaignTeam: boolean;
  source: string;
}

export const PELAPOR_CATALOGUE: readonly PelaporCategoryEntry[] = [
  {
    id: 'pemilih',
    label: 'Pemilih',
    labelEn: 'Voter',
    requirement: 'WNI yang mempunyai hak pilih pada pemilihan setempat',
    requirementEn: 'Indonesian citizen entitled to vote in this election',
    requiresAccreditationNumber: false,
    actsThroughCampaignTeam: false,
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (2) huruf a',
  },
  {
    id: 'pemantau',
    label: 'Pemantau pemilihan',
    labelEn: 'Election monitor',
    requirement: 'Pemantau terakreditasi di KPU Provinsi/Kabupaten/Kota sesuai wilayah kerjanya (nomor akreditasi wajib)',
    requirementEn: 'Monitor accredited by the provincial/regency KPU for its coverage area (accreditation number required)',
    requiresAccreditationNumber: true,
    actsThroughCampaignTeam: false,
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (2) huruf b',
  },
  {
    id: 'peserta',
    label: 'Peserta pemilihan (pasangan calon)',
    labelEn: 'Candidate pair',
    requirement: 'Pasangan calon, dapat diwakili tim kampanye atau orang yang ditunjuk',
    requirementEn: 'Candidate pair, possibly represented by its campaign team or an appointee',
    requiresAccreditationNumber: false,
    actsThroughCampaignTeam: true,
    source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (2) huruf c',
  },
];

export interface PelaporCheckInput {
  category: PelaporCategory;
  accreditationNumber?: string;
  /** For peserta: the pair's campaign team or appointee filing on its behalf (Pasal 134(2)(c)). */
  campaignTeamName?: string;
}

/** Structural check of the pelapor category fields; returns error codes (empty = fine). */
export function checkPelaporCategory(input: PelaporCheckInput): ('ACCREDITATION_NUMBER_REQUIRED' | 'PESERTA_REPRESENTATIVE_REQUIRED')[] {
  const errors: ('ACCREDITATION_NUMBER_REQUIRED' | 'PESERTA_REPRESENTATIVE_REQUIRED')[] = [];
  if (input.category === 'pemantau' && !input.accreditationNumber?.trim()) errors.push('ACCREDITATION_NUMBER_REQUIRED');
  if (input.category === 'peserta' && !input.campaignTeamName?.trim()) errors.push('PESERTA_REPRESENTATIVE_REQUIRED');
  return errors;
}
