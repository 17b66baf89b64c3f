// Gazetteer of the 38 provinces and 514 kabupaten/kota, keyed by compact name (see
// src/domain/regions/names.ts). Built once from region rows passed in by the caller (the CLI
// reads them with src/server/reference/idnArea.ts), so this module stays pure.

import { REGION_ALIASES, type RegionAlias } from '../regions/aliases.ts';
import { baseRegionName, compactRegionKey, normalizeRegionName } from '../regions/names.ts';
import { KABUPATEN_CAPITALS, type KabupatenCapital } from './capitals.ts';

export type GazetteerLevel = 'provinsi' | 'kabupaten' | 'kota';

export interface GazetteerRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface GazetteerRegion {
  code: string;
  /** Official Kemendagri name ("Kabupaten Ogan Komering Ilir", "Kota Bengkulu", "Sumatera Selatan"). */
  name: string;
  level: GazetteerLevel;
  /** Province code (the region's own code for provinces). */
  provinceCode: string;
  /** Name without the level word ("Ogan Komering Ilir"). */
  base: string;
}

export interface GazetteerCandidate {
  region: GazetteerRegion;
  viaAlias: boolean;
  /** An alias written in capitals ("OKI"): only matches capitals in the text. */
  acronym: boolean;
}

export interface Gazetteer {
  regions: ReadonlyMap<string, GazetteerRegion>;
  byKey: ReadonlyMap<string, readonly GazetteerCandidate[]>;
  /** Longest key in tokens, plus slack for hyphenated spellings ("Tojo Una-Una"). */
  maxTokens: number;
  /** Every prefix of every key, so a lookup can stop as soon as no key can match. */
  prefixes: ReadonlySet<string>;
  /** Kabupaten seats whose name differs from the kabupaten (capitals.ts), by compact key. */
  capitals: ReadonlyMap<string, GazetteerRegion>;
  capitalPrefixes: ReadonlySet<string>;
  /** Capital rows that matched no kabupaten (should be empty; checked by a unit test). */
  unresolvedCapitals: readonly string[];
}

export function buildGazetteer(
  rows: readonly GazetteerRow[],
  aliases: readonly RegionAlias[] = REGION_ALIASES,
  seats: readonly KabupatenCapital[] = KABUPATEN_CAPITALS,
): Gazetteer {
  const regions = new Map<string, GazetteerRegion>();
  const byKey = new Map<string, GazetteerCandidate[]>();
  let maxTokens = 1;
  const add = (key: string, candidate: GazetteerCandidate, tokenCount: number) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.some((existing) => existing.region.code === candidate.region.code)) list.push(candidate);
    byKey.set(key, list);
    maxTokens = Math.max(maxTokens, tokenCount);
  };
  for (const row of rows) {
    if (row.level !== 'provinsi' && row.level !== 'kabupaten' && row.level !== 'kota') continue;
    const level = row.level as GazetteerLevel;
    const base = level === 'provinsi' ? row.name : baseRegionName(row.name);
    const region: GazetteerRegion = {
      code: row.code,
      name: row.name,
      level,
      provinceCode: level === 'provinsi' ? row.code : (row.parentCode ?? row.code.slice(0, 2)),
      base,
    };
    regions.set(row.code, region);
    add(compactRegionKey(base), { region, viaAlias: false, acronym: false }, normalizeRegionName(base).split(' ').length);
  }
  for (const { alias, code } of aliases) {
    const region = regions.get(code);
    if (!region) continue;
    const firstWord = alias.split(/\s+/)[0];
    const acronym = firstWord.length >= 2 && firstWord === firstWord.toUpperCase() && /[A-Z]/.test(firstWord);
    add(compactRegionKey(alias), { region, viaAlias: true, acronym }, normalizeRegionName(alias).split(' ').length);
  }
  const prefixes = new Set<string>();
  for (const key of byKey.keys()) for (let length = 1; length <= key.length; length++) prefixes.add(key.slice(0, length));
  // Seats: only when the seat is not itself a region name (the gazetteer wins) and the
  // kabupaten resolves in the given province.
  const kabupatenByKey = new Map<string, GazetteerRegion>();
  for (const region of regions.values())
    if (region.level === 'kabupaten') kabupatenByKey.set(`${region.provinceCode}|${compactRegionKey(region.base)}`, region);
  const capitals = new Map<string, GazetteerRegion>();
  const capitalPrefixes = new Set<string>();
  const unresolvedCapitals: string[] = [];
  for (const seat of seats) {
    const region =
      kabupatenByKey.get(`${seat.provinceCode}|${compactRegionKey(seat.kabupaten)}`) ??
      kabupatenByKey.get(`${seat.provinceCode}|${compactRegionKey(`Kepulauan ${seat.kabupaten}`)}`);
    if (!region) {
      unresolvedCapitals.push(seat.capital);
      continue;
    }
    const key = compactRegionKey(seat.capital);
    if (byKey.has(key)) continue;
    capitals.set(key, region);
    maxTokens = Math.max(maxTokens, normalizeRegionName(seat.capital).split(' ').length);
    for (let length = 1; length <= key.length; length++) capitalPrefixes.add(key.slice(0, length));
  }
  return { regions, byKey, maxTokens: maxTokens + 1, prefixes, capitals, capitalPrefixes, unresolvedCapitals };
}

// A cheap first test before the prefix set: the first three characters (a-z, 0-9) of every key,
// built once per gazetteer. A lookup whose first three characters no key starts with is not a
// prefix; anything else (shorter, other characters) asks the set.
const trigramTables = new WeakMap<ReadonlySet<string>, Uint8Array>();
function trigramSlot(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}
function trigramIndex(key: string): number {
  const a = trigramSlot(key.charCodeAt(0));
  const b = trigramSlot(key.charCodeAt(1));
  const c = trigramSlot(key.charCodeAt(2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a * 36 + b) * 36 + c;
}
export function trigramTable(prefixes: ReadonlySet<string>): Uint8Array {
  let table = trigramTables.get(prefixes);
  if (!table) {
    table = new Uint8Array(36 * 36 * 36);
    for (const prefix of prefixes) {
      const index = prefix.length >= 3 ? trigramIndex(prefix) : -1;
      if (index >= 0) table[index] = 1;
      // A prefix with other characters in its first three: the table cannot rule anything out.
      else if (prefix.length >= 3) table.fill(1);
    }
    trigramTables.set(prefixes, table);
  }
  return table;
}

/** `prefixes.has(key)`, answered from the trigram table when it can say no. */
export function isKeyPrefix(prefixes: ReadonlySet<string>, table: Uint8Array, key: string): boolean {
  if (key.length >= 3) {
    const index = trigramIndex(key);
    if (index >= 0 && table[index] === 0) return false;
  }
  return prefixes.has(key);
}
