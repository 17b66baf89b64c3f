// Region-name normalisation shared by the triage gazetteer and the region search API.
// Pure functions, no I/O. Official names follow Kepmendagri (as shipped by idn-area-data):
// "Kabupaten Ogan Komering Ilir", "Kota Bengkulu", "Kota Administrasi Jakarta Selatan",
// "Kepulauan Bangka Belitung". News writes the same places with other spacing and hyphens
// ("Pangkalpinang" / "Pangkal Pinang", "Toli-Toli" / "Tolitoli", "Palangka Raya" /
// "Palangkaraya", "Bau-Bau" / "Baubau"), so every comparison goes through `compactRegionKey`,
// which drops case, diacritics, spaces, hyphens, dots and apostrophes.

export type RegionNameLevel = 'provinsi' | 'kabupaten' | 'kota';

/**
 * Lower-cases, strips diacritics, turns hyphens/dots/apostrophes/slashes into spaces and
 * collapses whitespace: "Kab. Toli-Toli" → "kab toli toli".
 */
export function normalizeRegionName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‐-―\-'’`.,/()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key used by every lookup: the normalised name without spaces ("pangkalpinang"). */
export function compactRegionKey(name: string): string {
  return normalizeRegionName(name).replace(/ /g, '');
}

/** Level words that may precede a name, in normalised form, longest first. */
const LEVEL_PREFIXES: ReadonlyArray<{ words: string; level: RegionNameLevel }> = [
  { words: 'kabupaten administrasi', level: 'kabupaten' },
  { words: 'kota administrasi', level: 'kota' },
  { words: 'daerah istimewa', level: 'provinsi' },
  { words: 'kabupaten', level: 'kabupaten' },
  { words: 'kotamadya', level: 'kota' },
  { words: 'kodya', level: 'kota' },
  { words: 'propinsi', level: 'provinsi' },
  { words: 'provinsi', level: 'provinsi' },
  { words: 'prov', level: 'provinsi' },
  { words: 'kab', level: 'kabupaten' },
  { words: 'kota', level: 'kota' },
];

/**
 * Removes a leading level word and reports it: "Kabupaten Malang" → { base: "malang",
 * level: "kabupaten" }, "Kab. OKI" → { base: "oki", level: "kabupaten" }, "Malang" →
 * { base: "malang", level: null }. The base is normalised (see normalizeRegionName).
 * "Daerah Istimewa Yogyakarta" keeps its full name (the prefix is part of the province
 * name) but reports level provinsi. A name that is only a level word ("Kota") is kept.
 */
export function stripLevelPrefix(name: string): { base: string; level: RegionNameLevel | null } {
  const normalized = normalizeRegionName(name);
  for (const { words, level } of LEVEL_PREFIXES) {
    if (normalized.startsWith(words + ' ') && normalized.length > words.length + 1) {
      if (words === 'daerah istimewa') return { base: normalized, level };
      return { base: normalized.slice(words.length + 1), level };
    }
  }
  return { base: normalized, level: null };
}

/**
 * The name of an official region without its level word, as news writes it:
 * "Kabupaten Ogan Komering Ilir" → "Ogan Komering Ilir", "Kota Administrasi Jakarta Selatan"
 * → "Jakarta Selatan". Case is kept. Province names are returned unchanged.
 */
export function baseRegionName(officialName: string): string {
  return officialName.replace(/^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+/, '');
}

/** Level of an official Kemendagri kabupaten/kota name, from its prefix. */
export function levelOfOfficialName(officialName: string): RegionNameLevel {
  if (/^Kota\s/.test(officialName)) return 'kota';
  if (/^Kabupaten\s/.test(officialName)) return 'kabupaten';
  return 'provinsi';
}
