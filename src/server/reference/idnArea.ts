// Reads the Kemendagri region codes shipped by the npm package `idn-area-data`
// (Kepmendagri 300.2.2-2138/2025; data ODbL-1.0). Synchronous and cached: the files are
// local and read once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCsvRows } from '../../domain/io/csv.ts';

export type RegionLevel = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');

function readCsv(file: string): string[][] {
  const text = readFileSync(join(dataDir, file), 'utf8');
  return parseCsvRows(text, ',')
    .slice(1)
    .map((row) => row.fields);
}

const cache = new Map<string, RegionRow[]>();
function cached(key: string, load: () => RegionRow[]): RegionRow[] {
  let rows = cache.get(key);
  if (!rows) {
    rows = load();
    cache.set(key, rows);
  }
  return rows;
}

export const readProvinces = () =>
  cached('provinsi', () => readCsv('provinces.csv').map(([code, name]) => ({ code, name, level: 'provinsi' as const, parentCode: null })));

/** Kabupaten and kota: the level comes from the official name's prefix. */
export const readRegencies = () =>
  cached('regency', () =>
    readCsv('regencies.csv').map(([code, provinceCode, name]) => ({
      code,
      name,
      level: name.startsWith('Kota ') ? ('kota' as const) : ('kabupaten' as const),
      parentCode: provinceCode,
    })),
  );

export const readDistricts = () =>
  cached('kecamatan', () =>
    readCsv('districts.csv').map(([code, regencyCode, name]) => ({ code, name, level: 'kecamatan' as const, parentCode: regencyCode })),
  );

export const readVillages = () =>
  cached('desa', () =>
    readCsv('villages.csv').map(([code, districtCode, name]) => ({ code, name, level: 'desa' as const, parentCode: districtCode })),
  );

export const IDN_AREA_DATA_VERSION: string = require('idn-area-data/package.json').version;
