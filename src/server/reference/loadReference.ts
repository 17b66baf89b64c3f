// Loads reference data at first start, idempotently: Kemendagri regions (idn-area-data),
// their aliases, and the election cycles in reference/elections/*.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Tx } from '../db/client.ts';
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
    await tx.query(
      `INSERT INTO regions (code, name, level, parent_code, province_code, time_zone, search_name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         search_name = EXCLUDED.search_name`,
      [
        part.map((r) => r.code),
        part.map((r) => r.name),
        part.map((r) => r.level),
        part.map((r) => r.parentCode),
        part.map((r) => r.code.slice(0, 2)),
        part.map((r) => timeZoneForRegion(r.code)),
        part.map((r) => regionSearchKey(r.name)),
      ],
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
  const existing = await db.query<{ version: string; name: string }>(
    `SELECT name, version FROM reference_loads WHERE name IN ('regions', $1)`,
    [name],
  );
  const counts = { provinsi: 0, kabupaten_kota: 0, kecamatan: 0, desa: 0 };
  if (existing.rows.some((r) => r.version === version)) return { loaded: false, counts };
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
    await tx.query(
      `INSERT INTO region_aliases (alias, search_alias, code) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
      [aliases.map((a) => a.alias), aliases.map((a) => regionSearchKey(a.alias)), aliases.map((a) => a.code)],
    );
    counts.provinsi = provinces.length;
    counts.kabupaten_kota = regencies.length;
    counts.kecamatan = districts.length;
    counts.desa = villages.length;
    const total = provinces.length + regencies.length + districts.length + villages.length;
    await tx.query(
      `INSERT INTO reference_loads (name, version, row_count) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, row_count = EXCLUDED.row_count, loaded_at = now()`,
      [name, version, total],
    );
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
    await tx.query(
      `INSERT INTO elections (id, name, year, voting_date, legal_basis, source) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, voting_date = EXCLUDED.voting_date,
         legal_basis = EXCLUDED.legal_basis, source = EXCLUDED.source`,
      [cycle.id, cycle.name, cycle.year, cycle.votingDate, cycle.legalBasis, cycle.source ?? null],
    );
    for (const [index, stage] of cycle.stages.entries()) {
      await tx.query(
        `INSERT INTO election_stages (election_id, code, name, name_en, starts_on, ends_on, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (election_id, code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
           starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, sort_order = EXCLUDED.sort_order`,
        [cycle.id, stage.code, stage.name, stage.nameEn, stage.startsOn, stage.endsOn, index],
      );
    }
    await tx.query(
      `INSERT INTO contests (election_id, region_code, kind)
       SELECT $1, * FROM unnest($2::text[], $3::text[]) ON CONFLICT (election_id, region_code) DO NOTHING`,
      [cycle.id, contests.map((c) => c.regionCode), contests.map((c) => c.kind)],
    );
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
  const calendar = await db.query("SELECT 1 FROM reference_loads WHERE name = 'calendar'");
  if (calendar.rows.length === 0) {
    // Seeded once: later edits by administrators are kept across restarts.
    await db.transaction(async (tx) => {
      const added = await seedNationalCalendar(tx);
      await tx.query(
        "INSERT INTO reference_loads (name, version, row_count) VALUES ('calendar', 'holidays-2024-2026', $1) ON CONFLICT (name) DO NOTHING",
        [added],
      );
    });
  }
  const known = new Set((await db.query<{ id: string }>('SELECT id FROM elections')).rows.map((r) => r.id));
  for (const cycle of readElectionCycles()) {
    if (!known.has(cycle.id)) await loadElectionCycle(db, cycle);
  }
  await loadPublishedFigures(db);
}
