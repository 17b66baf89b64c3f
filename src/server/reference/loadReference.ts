// Loads reference data at first start, idempotently: Kemendagri regions (idn-area-data),
// their aliases, and the election cycles in reference/elections/*.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Tx } from '../db/client.ts';
import {
  electionIds,
  insertContests,
  insertRegionAliases,
  recordReferenceLoad,
  recordReferenceLoadOnce,
  referenceLoads,
  upsertElection,
  upsertElectionStage,
  upsertRegions,
} from './repository.ts';
import { IDN_AREA_DATA_VERSION, readDistricts, readProvinces, readRegencies, readVillages, type RegionRow } from './idnArea.ts';
import { REGION_ALIASES } from '../../domain/regions/aliases.ts';
import { regionSearchKey } from '../../domain/regions/search.ts';
import { timeZoneForRegion } from '../../domain/regions/timeZone.ts';
import { electionCycleSchema, expandContests, type ElectionCycle } from '../../domain/elections/cycle.ts';
import { appendAudit, SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { seedNationalCalendar } from '../modules/calendar/service.ts';
import { loadPublishedFigures } from './figures.ts';

const electionsDir = fileURLToPath(new URL('../../../reference/elections', import.meta.url));

async function insertRegions(tx: Tx, rows: RegionRow[]): Promise<void> {
  const chunk = 20_000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await upsertRegions(
      tx,
      part.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        provinceCode: r.code.slice(0, 2),
        timeZone: timeZoneForRegion(r.code),
        searchName: regionSearchKey(r.name),
      })),
    );
  }
}

export interface ReferenceOptions {
  /** Tests may skip the 83k villages to keep throwaway databases quick. */
  loadVillages?: boolean;
}

export async function loadRegions(db: Db, options: ReferenceOptions = {}): Promise<{ loaded: boolean; counts: Record<string, number> }> {
  const loadVillages = options.loadVillages ?? true;
  const name = loadVillages ? 'regions' : 'regions-without-desa';
  const version = `idn-area-data@${IDN_AREA_DATA_VERSION}`;
  const existing = await referenceLoads(db, ['regions', name]);
  const counts = { provinsi: 0, kabupaten_kota: 0, kecamatan: 0, desa: 0 };
  if (existing.some((r) => r.version === version)) return { loaded: false, counts };
  await db.transaction(async (tx) => {
    const provinces = readProvinces();
    const regencies = readRegencies();
    const districts = readDistricts();
    const villages = loadVillages ? readVillages() : [];
    await insertRegions(tx, provinces);
    await insertRegions(tx, regencies);
    await insertRegions(tx, districts);
    await insertRegions(tx, villages);
    const aliases = REGION_ALIASES.filter((a) => regencies.some((r) => r.code === a.code) || provinces.some((p) => p.code === a.code));
    await insertRegionAliases(
      tx,
      aliases.map((a) => ({ alias: a.alias, searchAlias: regionSearchKey(a.alias), code: a.code })),
    );
    counts.provinsi = provinces.length;
    counts.kabupaten_kota = regencies.length;
    counts.kecamatan = districts.length;
    counts.desa = villages.length;
    const total = provinces.length + regencies.length + districts.length + villages.length;
    await recordReferenceLoad(tx, name, version, total);
    await appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'reference.regions_loaded',
      entityType: 'reference',
      entityId: name,
      data: { version, counts },
    });
  });
  return { loaded: true, counts };
}

export function readElectionCycles(dir = electionsDir): ElectionCycle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => electionCycleSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

/** Upserts an election cycle (stages and contests) from its data file. */
export async function loadElectionCycle(db: Db, cycle: ElectionCycle): Promise<{ contests: number }> {
  const regencies = readRegencies();
  const provinces = readProvinces();
  const contests = expandContests(cycle, provinces, regencies);
  await db.transaction(async (tx) => {
    await upsertElection(tx, {
      id: cycle.id,
      name: cycle.name,
      year: cycle.year,
      votingDate: cycle.votingDate,
      legalBasis: cycle.legalBasis,
      source: cycle.source ?? null,
    });
    for (const [index, stage] of cycle.stages.entries()) {
      await upsertElectionStage(tx, {
        electionId: cycle.id,
        code: stage.code,
        name: stage.name,
        nameEn: stage.nameEn,
        startsOn: stage.startsOn,
        endsOn: stage.endsOn,
        sortOrder: index,
      });
    }
    await insertContests(tx, cycle.id, contests);
    await appendAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: 'reference.election_loaded',
      entityType: 'election',
      entityId: cycle.id,
      data: { contests: contests.length, stages: cycle.stages.length },
    });
  });
  return { contests: contests.length };
}

export async function loadReferenceData(db: Db, options: ReferenceOptions = {}): Promise<void> {
  await loadRegions(db, options);
  if ((await referenceLoads(db, ['calendar'])).length === 0) {
    // Seeded once: later edits by administrators are kept across restarts.
    await db.transaction(async (tx) => {
      const added = await seedNationalCalendar(tx);
      await recordReferenceLoadOnce(tx, 'calendar', 'holidays-2024-2026', added);
    });
  }
  const known = new Set(await electionIds(db));
  for (const cycle of readElectionCycles()) {
    if (!known.has(cycle.id)) await loadElectionCycle(db, cycle);
  }
  await loadPublishedFigures(db);
}
