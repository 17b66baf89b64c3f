// Search keys for region names: lower case, ASCII, single spaces. Used for pg_trgm matching.
export function regionSearchKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Kemendagri code shape per level: 11 / 11.01 / 11.01.01 / 11.01.01.2001. */
export function levelOfCode(code: string): 'provinsi' | 'kabupaten_kota' | 'kecamatan' | 'desa' | null {
  if (/^\d{2}$/.test(code)) return 'provinsi';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'kabupaten_kota';
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 'kecamatan';
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 'desa';
  return null;
}

/** True when `code` is `ancestor` or lies beneath it in the Kemendagri hierarchy. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(ancestor + '.');
}
