// Region aliases used in Indonesian news and speech, mapped to Kemendagri codes
// (idn-area-data, Kepmendagri 300.2.2-2138/2025). Pure data: the triage gazetteer and the
// region search API both read it.
//
// Conventions:
// - Spelling variants that differ only by spaces, hyphens or dots ("Pangkalpinang",
//   "Toli-Toli", "Palangka Raya", "Bau-Bau") need no alias: lookups compare
//   `compactRegionKey` forms (see names.ts).
// - An alias written in capitals ("OKI", "NTB", "PALI", "OKU Timur") only matches text written
//   in capitals, so "Oki" (a name) does not match.
// - The same alias may map to several codes ("Jogja" → DIY and Kota Yogyakarta): the
//   resolver picks one by context (a "Kota"/"Wali Kota" cue → kota; otherwise the province).
// - Names that are both a kabupaten and a kota ("Malang", "Bekasi") need no alias; the
//   resolver treats the bare name as ambiguous (see src/domain/triage/regions.ts).

export interface RegionAlias {
  alias: string;
  code: string;
}

export const REGION_ALIASES: ReadonlyArray<RegionAlias> = [
  // ── Provinces ──────────────────────────────────────────────────────────────
  { alias: 'NAD', code: '11' },
  { alias: 'Nanggroe Aceh Darussalam', code: '11' },
  { alias: 'Sumut', code: '12' },
  { alias: 'Sumatra Utara', code: '12' },
  { alias: 'Sumbar', code: '13' },
  { alias: 'Sumatra Barat', code: '13' },
  { alias: 'Sumsel', code: '16' },
  { alias: 'Sumatra Selatan', code: '16' },
  { alias: 'Babel', code: '19' },
  { alias: 'Bangka Belitung', code: '19' },
  { alias: 'Kep. Bangka Belitung', code: '19' },
  { alias: 'Kepulauan Babel', code: '19' },
  { alias: 'Kepri', code: '21' },
  { alias: 'Kep. Riau', code: '21' },
  { alias: 'DKI', code: '31' },
  { alias: 'DKI Jakarta', code: '31' },
  { alias: 'Jakarta', code: '31' },
  { alias: 'Daerah Khusus Jakarta', code: '31' },
  { alias: 'Jabar', code: '32' },
  { alias: 'Jateng', code: '33' },
  { alias: 'DIY', code: '34' },
  { alias: 'DI Yogyakarta', code: '34' },
  { alias: 'Yogyakarta', code: '34' },
  { alias: 'Jogja', code: '34' },
  { alias: 'Yogya', code: '34' },
  { alias: 'Jogjakarta', code: '34' },
  { alias: 'Jatim', code: '35' },
  { alias: 'NTB', code: '52' },
  { alias: 'NTT', code: '53' },
  { alias: 'Kalbar', code: '61' },
  { alias: 'Kalteng', code: '62' },
  { alias: 'Kalsel', code: '63' },
  { alias: 'Kaltim', code: '64' },
  { alias: 'Kaltara', code: '65' },
  { alias: 'Sulut', code: '71' },
  { alias: 'Sulteng', code: '72' },
  { alias: 'Sulsel', code: '73' },
  { alias: 'Sultra', code: '74' },
  { alias: 'Sulbar', code: '76' },
  { alias: 'Malut', code: '82' },
  { alias: 'PBD', code: '96' },

  // ── Kota ───────────────────────────────────────────────────────────────────
  { alias: 'Siantar', code: '12.72' },
  { alias: 'Padangsidempuan', code: '12.77' },
  { alias: 'Padang Sidempuan', code: '12.77' },
  { alias: 'Linggau', code: '16.73' },
  { alias: 'Jakpus', code: '31.71' },
  { alias: 'Jakut', code: '31.72' },
  { alias: 'Jakbar', code: '31.73' },
  { alias: 'Jaksel', code: '31.74' },
  { alias: 'Jaktim', code: '31.75' },
  { alias: 'Solo', code: '33.72' },
  { alias: 'Jogja', code: '34.71' },
  { alias: 'Yogya', code: '34.71' },
  { alias: 'Jogjakarta', code: '34.71' },
  { alias: 'Tangsel', code: '36.74' },
  { alias: 'Tidore', code: '82.72' },

  // ── Kabupaten ──────────────────────────────────────────────────────────────
  // Aceh
  { alias: 'Abdya', code: '11.12' },
  { alias: 'Agara', code: '11.02' },
  // Sumatera Utara
  { alias: 'Tapteng', code: '12.01' },
  { alias: 'Taput', code: '12.02' },
  { alias: 'Tapsel', code: '12.03' },
  { alias: 'Labuhan Batu', code: '12.10' },
  { alias: 'Toba Samosir', code: '12.12' },
  { alias: 'Tobasa', code: '12.12' },
  { alias: 'Madina', code: '12.13' },
  { alias: 'Nisel', code: '12.14' },
  { alias: 'Pakpak Barat', code: '12.15' },
  { alias: 'Humbahas', code: '12.16' },
  { alias: 'Sergai', code: '12.18' },
  { alias: 'Paluta', code: '12.20' },
  { alias: 'Palas', code: '12.21' },
  { alias: 'Labusel', code: '12.22' },
  { alias: 'Labura', code: '12.23' },
  // Sumatera Barat
  { alias: 'Pessel', code: '13.01' },
  { alias: 'Limapuluh Kota', code: '13.07' },
  { alias: '50 Kota', code: '13.07' },
  { alias: 'Lima Puluh Koto', code: '13.07' },
  { alias: 'Mentawai', code: '13.09' },
  { alias: 'Solsel', code: '13.11' },
  { alias: 'Pasbar', code: '13.12' },
  // Riau
  { alias: 'Inhu', code: '14.02' },
  { alias: 'Inhil', code: '14.04' },
  { alias: 'Rohul', code: '14.06' },
  { alias: 'Rohil', code: '14.07' },
  { alias: 'Kuansing', code: '14.09' },
  { alias: 'Meranti', code: '14.10' },
  // Jambi
  { alias: 'Tanjab Barat', code: '15.06' },
  { alias: 'Tanjabbar', code: '15.06' },
  { alias: 'Tanjab Timur', code: '15.07' },
  { alias: 'Tanjabtim', code: '15.07' },
  // Sumatera Selatan
  { alias: 'OKU', code: '16.01' },
  { alias: 'OKI', code: '16.02' },
  { alias: 'Muba', code: '16.06' },
  { alias: 'OKU Timur', code: '16.08' },
  { alias: 'OKUT', code: '16.08' },
  { alias: 'OKU Selatan', code: '16.09' },
  { alias: 'OKUS', code: '16.09' },
  { alias: 'PALI', code: '16.12' },
  { alias: 'Muratara', code: '16.13' },
  // Lampung
  { alias: 'Lamsel', code: '18.01' },
  { alias: 'Lamteng', code: '18.02' },
  { alias: 'Lampura', code: '18.03' },
  { alias: 'Lambar', code: '18.04' },
  { alias: 'Lamtim', code: '18.07' },
  { alias: 'Tubaba', code: '18.12' },
  { alias: 'Pesibar', code: '18.13' },
  // Kepulauan Bangka Belitung
  { alias: 'Basel', code: '19.03' },
  { alias: 'Bateng', code: '19.04' },
  { alias: 'Babar', code: '19.05' },
  { alias: 'Beltim', code: '19.06' },
  // Jawa Barat
  { alias: 'KBB', code: '32.17' },
  // Nusa Tenggara Barat
  { alias: 'Lobar', code: '52.01' },
  { alias: 'Loteng', code: '52.02' },
  { alias: 'Lotim', code: '52.03' },
  { alias: 'KSB', code: '52.07' },
  { alias: 'KLU', code: '52.08' },
  // Nusa Tenggara Timur
  { alias: 'TTS', code: '53.02' },
  { alias: 'TTU', code: '53.03' },
  { alias: 'Flotim', code: '53.06' },
  { alias: 'Mabar', code: '53.15' },
  { alias: 'SBD', code: '53.18' },
  { alias: 'Matim', code: '53.19' },
  // Kalimantan Barat
  { alias: 'KKU', code: '61.11' },
  // Kalimantan Tengah
  { alias: 'Kobar', code: '62.01' },
  { alias: 'Kotim', code: '62.02' },
  { alias: 'Barsel', code: '62.04' },
  { alias: 'Barut', code: '62.05' },
  { alias: 'Gumas', code: '62.10' },
  { alias: 'Pulpis', code: '62.11' },
  { alias: 'Bartim', code: '62.13' },
  // Kalimantan Selatan
  { alias: 'Batola', code: '63.04' },
  { alias: 'HSS', code: '63.06' },
  { alias: 'HST', code: '63.07' },
  { alias: 'HSU', code: '63.08' },
  { alias: 'Tanbu', code: '63.10' },
  // Kalimantan Timur
  { alias: 'Kukar', code: '64.02' },
  { alias: 'Kubar', code: '64.07' },
  { alias: 'Kutim', code: '64.08' },
  { alias: 'PPU', code: '64.09' },
  { alias: 'Mahulu', code: '64.11' },
  // Sulawesi Utara
  { alias: 'Bolmong', code: '71.01' },
  { alias: 'Sangihe', code: '71.03' },
  { alias: 'Talaud', code: '71.04' },
  { alias: 'Minsel', code: '71.05' },
  { alias: 'Minut', code: '71.06' },
  { alias: 'Bolmut', code: '71.08' },
  { alias: 'Sitaro', code: '71.09' },
  { alias: 'Boltim', code: '71.10' },
  { alias: 'Bolsel', code: '71.11' },
  // Sulawesi Tengah
  { alias: 'Bangkep', code: '72.07' },
  { alias: 'Parimo', code: '72.08' },
  { alias: 'Touna', code: '72.09' },
  { alias: 'Morut', code: '72.12' },
  // Sulawesi Selatan
  { alias: 'Selayar', code: '73.01' },
  { alias: 'Pangkep', code: '73.10' },
  { alias: 'Sidrap', code: '73.14' },
  { alias: 'Tator', code: '73.18' },
  { alias: 'Lutra', code: '73.22' },
  { alias: 'Lutim', code: '73.24' },
  { alias: 'Torut', code: '73.26' },
  // Sulawesi Tenggara
  { alias: 'Konsel', code: '74.05' },
  { alias: 'Kolut', code: '74.08' },
  { alias: 'Konut', code: '74.09' },
  { alias: 'Butur', code: '74.10' },
  { alias: 'Koltim', code: '74.11' },
  { alias: 'Konkep', code: '74.12' },
  { alias: 'Mubar', code: '74.13' },
  { alias: 'Buteng', code: '74.14' },
  { alias: 'Busel', code: '74.15' },
  // Gorontalo
  { alias: 'Bonebol', code: '75.03' },
  { alias: 'Gorut', code: '75.05' },
  // Sulawesi Barat
  { alias: 'Mamuju Utara', code: '76.01' },
  { alias: 'Matra', code: '76.01' },
  { alias: 'Polman', code: '76.04' },
  { alias: 'Mateng', code: '76.06' },
  // Maluku
  { alias: 'Malteng', code: '81.01' },
  { alias: 'Malra', code: '81.02' },
  { alias: 'Maluku Tenggara Barat', code: '81.03' },
  { alias: 'KKT', code: '81.03' },
  { alias: 'SBT', code: '81.05' },
  { alias: 'SBB', code: '81.06' },
  { alias: 'Aru', code: '81.07' },
  { alias: 'MBD', code: '81.08' },
  { alias: 'Bursel', code: '81.09' },
  // Maluku Utara
  { alias: 'Halbar', code: '82.01' },
  { alias: 'Halteng', code: '82.02' },
  { alias: 'Halut', code: '82.03' },
  { alias: 'Halsel', code: '82.04' },
  { alias: 'Kepsul', code: '82.05' },
  { alias: 'Haltim', code: '82.06' },
  { alias: 'Morotai', code: '82.07' },
  { alias: 'Taliabu', code: '82.08' },
  // Papua, Papua Barat, Papua Pegunungan, Papua Barat Daya
  { alias: 'Yapen', code: '91.05' },
  { alias: 'Biak', code: '91.06' },
  { alias: 'Mansel', code: '92.11' },
  { alias: 'Pegaf', code: '92.12' },
  { alias: 'Pegubin', code: '95.02' },
  { alias: 'Sorsel', code: '96.02' },
];
