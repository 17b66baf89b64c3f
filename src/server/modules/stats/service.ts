// Public dashboard aggregates, kept as an in-memory snapshot per database: recomputed at most
// every `ttlSeconds` (served stale while a refresh runs in the background) or at once after
// `invalidateStats`. The body is serialised once and served with an ETag, so a burst of public
// traffic never reaches the database. No personal data: only counts and catalogue labels.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Queryable } from '../../db/client.ts';
import { CASE_STATES, STATE_LABELS, TERMINAL_STATES } from '../../../domain/cases/stateMachine.ts';
import { CLASSIFICATIONS, NEUTRALITY_ACTS, SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/index.ts';
import { REFERENCE_FIGURES } from './reference.ts';

export interface CountItem {
  code: string;
  label: string;
  labelEn?: string;
  count: number;
}

export interface RegionCount {
  code: string;
  name: string;
  count: number;
}

export interface StatsData {
  generatedAt: string;
  totals: { cases: number; laporan: number; temuan: number; terlapor: number };
  byProvince: RegionCount[];
  byRegency: (RegionCount & { provinceCode: string })[];
  byStage: CountItem[];
  bySubjectType: CountItem[];
  byAct: CountItem[];
  byClassification: CountItem[];
  byState: CountItem[];
  byOutcome: CountItem[];
  weekly: { week: string; startsOn: string; count: number }[];
  reference: typeof REFERENCE_FIGURES;
  /** Past cycles from imported recap sheets beside the figures published for them, and this cycle's live counts. */
  cycles: CycleComparison[];
  notes: { id: string; en: string }[];
}

export interface CycleCounts {
  cases: number;
  laporan: number;
  temuan: number;
  byOutcome: CountItem[];
}

export interface CycleComparison {
  election: string;
  /** 'impor': counted from imported history; 'langsung': this cycle's live cases in Netra. */
  basis: 'impor' | 'langsung';
  imported: CycleCounts;
  regions: number;
  published: (typeof REFERENCE_FIGURES)[number][];
}

/** Imported history per region (province and kab/kota) and cycle. */
export type RegionHistory = Map<string, Map<string, { cases: number; laporan: number; temuan: number }>>;

export interface StatsSnapshot {
  data: StatsData;
  regionHistory: RegionHistory;
  /** Case counts by state per province and kab/kota code (for region profiles; not in the body). */
  regionStates: Map<string, Record<string, number>>;
  body: string;
  /** The body gzip-compressed once, for clients that accept it. */
  gzip: Buffer;
  etag: string;
  computedAt: number;
  /** Milliseconds the last recomputation took. */
  computeMs: number;
}

const OUTCOME_LABELS: Record<string, { id: string; en: string }> = {
  dalam_proses: { id: 'Dalam proses', en: 'In progress' },
  diteruskan: { id: 'Diteruskan ke instansi berwenang', en: 'Forwarded to the competent body' },
  bukan_pelanggaran: { id: 'Bukan pelanggaran', en: 'Not a violation' },
  dihentikan: { id: 'Dihentikan', en: 'Stopped' },
  tidak_diregistrasi: { id: 'Tidak diregistrasi', en: 'Not registered' },
};

/** ISO 8601 week label of a Monday date (date_trunc('week') gives the Monday). */
export function isoWeekLabel(monday: string): string {
  const date = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(date.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const byCountDesc = <T extends { count: number; code: string }>(a: T, b: T) => b.count - a.count || a.code.localeCompare(b.code);

interface CounterRow {
  dimension: string;
  key: string;
  n: number;
}

/** Reads the trigger-maintained counters (a few thousand rows, whatever the number of cases). */
export async function readCounters(db: Queryable): Promise<CounterRow[]> {
  return (await db.query<CounterRow>('SELECT dimension, key, n FROM stats_counts WHERE n <> 0')).rows;
}

/** The same counters computed by a full scan of cases and case_terlapor (verification, repair). */
export const STATS_SCAN = `SELECT k.dimension, k.key, count(*)::int AS n FROM cases c, LATERAL stats_case_keys(c.event_region_code, c.state, c.kind, c.stage_code, c.classification, c.received_at, c.acts, c.imported_from) k GROUP BY 1, 2
     UNION ALL SELECT 'subject', t.subject_type, count(*)::int FROM case_terlapor t JOIN cases c ON c.id = t.case_id WHERE c.imported_from IS NULL GROUP BY 2`;

export async function scanCounters(db: Queryable): Promise<CounterRow[]> {
  return (await db.query<CounterRow>(STATS_SCAN)).rows;
}

/** Compares the counters with a full scan; returns the differing keys (empty when consistent). */
export async function verifyStatsCounters(db: Queryable): Promise<{ dimension: string; key: string; counter: number; actual: number }[]> {
  const [counters, actual] = await Promise.all([readCounters(db), scanCounters(db)]);
  const map = (rows: CounterRow[]) => new Map(rows.map((r) => [`${r.dimension}\u0000${r.key}`, Number(r.n)]));
  const a = map(counters);
  const b = map(actual);
  const diffs = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? 0) !== (b.get(key) ?? 0)) {
      const [dimension, k] = key.split('\u0000');
      diffs.push({ dimension, key: k, counter: a.get(key) ?? 0, actual: b.get(key) ?? 0 });
    }
  }
  return diffs;
}

/** Builds the dashboard from the counters plus region and stage names. */
export async function computeStats(
  db: Queryable,
  now: Date,
): Promise<StatsData & { regionStates: Map<string, Record<string, number>>; regionHistory: RegionHistory }> {
  const [counters, regions, stages] = await Promise.all([
    readCounters(db),
    db.query<{ code: string; name: string }>(`SELECT code, name FROM regions WHERE level IN ('provinsi', 'kabupaten', 'kota')`),
    db.query<{ code: string; name: string; name_en: string }>(
      `SELECT DISTINCT ON (code) code, name, name_en FROM election_stages ORDER BY code, election_id DESC`,
    ),
  ]);
  const grouped = {
    rows: [] as {
      r: string | null;
      state: string | null;
      kind: string | null;
      stage: string | null;
      cls: string | null;
      wk: string | null;
      n: number;
    }[],
  };
  const acts = { rows: [] as { act: string; n: number }[] };
  const subjects = { rows: [] as { subject_type: string; n: number }[] };
  const none = { r: null, state: null, kind: null, stage: null, cls: null, wk: null };
  const history: { cycle: string; r: string; kind: string; state: string; n: number }[] = [];
  for (const c of counters) {
    const n = Number(c.n);
    switch (c.dimension) {
      case 'imported': {
        const [cycle, r, kind, state] = c.key.split('|');
        history.push({ cycle, r, kind, state, n });
        break;
      }
      case 'region_state_kind': {
        const [r, state, kind] = c.key.split('|');
        grouped.rows.push({ ...none, r, state, kind, n });
        break;
      }
      case 'stage':
        grouped.rows.push({ ...none, stage: c.key, n });
        break;
      case 'classification':
        grouped.rows.push({ ...none, cls: c.key, n });
        break;
      case 'week':
        grouped.rows.push({ ...none, wk: c.key, n });
        break;
      case 'act':
        acts.rows.push({ act: c.key, n });
        break;
      case 'subject':
        subjects.rows.push({ subject_type: c.key, n });
        break;
    }
  }
  const regionName = new Map(regions.rows.map((r) => [r.code, r.name]));
  const provinces = new Map<string, RegionCount>();
  const regencies = new Map<string, RegionCount & { provinceCode: string }>();
  const regionStates = new Map<string, Record<string, number>>();
  const addState = (code: string, state: string, n: number) => {
    const states = regionStates.get(code) ?? {};
    states[state] = (states[state] ?? 0) + n;
    regionStates.set(code, states);
  };
  const stateCounts = new Map<string, number>();
  const kindCounts = { laporan: 0, temuan: 0 };
  const stageCounts: CountItem[] = [];
  const classCounts: CountItem[] = [];
  const weekly: StatsData['weekly'] = [];
  const stageLabel = new Map(stages.rows.map((s) => [s.code, s]));
  for (const row of grouped.rows) {
    if (row.r !== null && row.state !== null) {
      const provinceCode = row.r.slice(0, 2);
      const province = provinces.get(provinceCode) ?? { code: provinceCode, name: regionName.get(provinceCode) ?? provinceCode, count: 0 };
      province.count += row.n;
      provinces.set(provinceCode, province);
      addState(provinceCode, row.state, row.n);
      if (row.r.length === 5) {
        const regency = regencies.get(row.r) ?? { code: row.r, name: regionName.get(row.r) ?? row.r, provinceCode, count: 0 };
        regency.count += row.n;
        regencies.set(row.r, regency);
        addState(row.r, row.state, row.n);
      }
      stateCounts.set(row.state, (stateCounts.get(row.state) ?? 0) + row.n);
      if (row.kind === 'laporan' || row.kind === 'temuan') kindCounts[row.kind] += row.n;
    } else if (row.stage !== null) {
      const stage = stageLabel.get(row.stage);
      stageCounts.push({
        code: row.stage || 'tanpa_tahapan',
        label: stage?.name ?? 'Di luar tahapan',
        labelEn: stage?.name_en ?? 'Outside any stage',
        count: row.n,
      });
    } else if (row.cls !== null) {
      const entry = CLASSIFICATIONS.find((c) => c.id === row.cls);
      classCounts.push({
        code: row.cls || 'belum_diklasifikasi',
        label: entry?.label ?? 'Belum diklasifikasi',
        labelEn: entry?.labelEn ?? 'Not yet classified',
        count: row.n,
      });
    } else if (row.wk !== null) {
      weekly.push({ week: isoWeekLabel(row.wk), startsOn: row.wk, count: row.n });
    }
  }
  const total = kindCounts.laporan + kindCounts.temuan;
  const byState: CountItem[] = CASE_STATES.map((state) => ({
    code: state,
    label: STATE_LABELS[state].id,
    labelEn: STATE_LABELS[state].en,
    count: stateCounts.get(state) ?? 0,
  }));
  const outcome = new Map<string, number>();
  for (const [state, n] of stateCounts) {
    const key = (TERMINAL_STATES as readonly string[]).includes(state) ? state : 'dalam_proses';
    outcome.set(key, (outcome.get(key) ?? 0) + n);
  }
  const byOutcome: CountItem[] = Object.entries(OUTCOME_LABELS).map(([code, label]) => ({
    code,
    label: label.id,
    labelEn: label.en,
    count: outcome.get(code) ?? 0,
  }));
  const { cycles, regionHistory } = compareCycles(history, { cases: total, ...kindCounts, byOutcome }, provinces.size);
  return {
    regionStates,
    regionHistory,
    cycles,
    generatedAt: now.toISOString(),
    totals: { cases: total, ...kindCounts, terlapor: subjects.rows.reduce((sum, r) => sum + r.n, 0) },
    byProvince: [...provinces.values()].sort(byCountDesc),
    byRegency: [...regencies.values()].sort(byCountDesc),
    byStage: stageCounts.sort(byCountDesc),
    bySubjectType: subjects.rows
      .map((r) => {
        const entry = SUBJECT_TYPE_CATALOGUE.find((s) => s.id === r.subject_type);
        return { code: r.subject_type, label: entry?.label ?? r.subject_type, labelEn: entry?.labelEn, count: r.n };
      })
      .sort(byCountDesc),
    byAct: acts.rows
      .map((r) => {
        const entry = NEUTRALITY_ACTS.find((a) => a.id === r.act);
        return { code: r.act, label: entry?.label ?? r.act, labelEn: entry?.labelEn, count: r.n };
      })
      .sort(byCountDesc),
    byClassification: classCounts.sort(byCountDesc),
    byState,
    byOutcome,
    weekly: weekly.sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
    reference: REFERENCE_FIGURES,
    notes: [
      {
        id: 'Subjek dihitung per terlapor (satu perkara dapat memiliki beberapa terlapor); perbuatan dihitung per perbuatan yang disebut.',
        en: 'Subject types count reported persons (a case may name several); acts count each act named.',
      },
      {
        id: 'Perkara riwayat yang diimpor dari rekap kantor tidak dihitung sebagai perkara berjalan; jumlahnya ada di perbandingan siklus.',
        en: 'Past cases imported from office recaps are not counted as live cases; they appear in the cycle comparison.',
      },
      { id: 'Minggu menurut ISO 8601 dari waktu diterima (WIB).', en: 'ISO 8601 weeks of the received time (WIB).' },
      {
        id: 'Hasil akhir sanksi (putusan PPK) belum termasuk; "diteruskan" berarti diteruskan ke instansi berwenang.',
        en: 'Final sanctions (PPK decisions) are not included yet; "forwarded" means sent to the competent body.',
      },
    ],
  };
}

const outcomeOf = (state: string) => ((TERMINAL_STATES as readonly string[]).includes(state) ? state : 'dalam_proses');

/** Cycle comparison rows and per-region history from the 'imported' counters. */
function compareCycles(
  history: { cycle: string; r: string; kind: string; state: string; n: number }[],
  live: CycleCounts,
  liveProvinces: number,
) {
  const perCycle = new Map<string, { counts: CycleCounts; outcome: Map<string, number>; regions: Set<string> }>();
  const regionHistory: RegionHistory = new Map();
  const addRegion = (code: string, cycle: string, kind: string, n: number) => {
    const cycles = regionHistory.get(code) ?? new Map();
    const entry = cycles.get(cycle) ?? { cases: 0, laporan: 0, temuan: 0 };
    entry.cases += n;
    if (kind === 'laporan' || kind === 'temuan') entry[kind] += n;
    cycles.set(cycle, entry);
    regionHistory.set(code, cycles);
  };
  for (const h of history) {
    const c = perCycle.get(h.cycle) ?? {
      counts: { cases: 0, laporan: 0, temuan: 0, byOutcome: [] },
      outcome: new Map(),
      regions: new Set(),
    };
    c.counts.cases += h.n;
    if (h.kind === 'laporan' || h.kind === 'temuan') c.counts[h.kind] += h.n;
    c.outcome.set(outcomeOf(h.state), (c.outcome.get(outcomeOf(h.state)) ?? 0) + h.n);
    c.regions.add(h.r.slice(0, 2));
    perCycle.set(h.cycle, c);
    addRegion(h.r.slice(0, 2), h.cycle, h.kind, h.n);
    if (h.r.length === 5) addRegion(h.r, h.cycle, h.kind, h.n);
  }
  const labels = new Set([...perCycle.keys(), ...REFERENCE_FIGURES.map((f) => f.election).filter((e) => e.startsWith('Pilkada'))]);
  const cycles: CycleComparison[] = [...labels].sort().map((election) => {
    const c = perCycle.get(election);
    const counts = c?.counts ?? { cases: 0, laporan: 0, temuan: 0, byOutcome: [] };
    counts.byOutcome = Object.entries(OUTCOME_LABELS).map(([code, label]) => ({
      code,
      label: label.id,
      labelEn: label.en,
      count: c?.outcome.get(code) ?? 0,
    }));
    return {
      election,
      basis: 'impor' as const,
      imported: counts,
      regions: c?.regions.size ?? 0,
      published: REFERENCE_FIGURES.filter((f) => f.election === election),
    };
  });
  cycles.push({ election: 'Netra (siklus berjalan)', basis: 'langsung', imported: live, regions: liveProvinces, published: [] });
  return { cycles, regionHistory };
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

export interface StatsCacheOptions {
  ttlSeconds?: number;
  now?: () => Date;
}

export class StatsCache {
  private snapshot: StatsSnapshot | null = null;
  private inflight: Promise<StatsSnapshot> | null = null;
  private invalidated = false;
  ttlMs: number;
  now: () => Date;

  constructor(
    private readonly db: Queryable,
    options: StatsCacheOptions = {},
  ) {
    this.ttlMs = (options.ttlSeconds ?? 30) * 1000;
    this.now = options.now ?? (() => new Date());
  }

  /** Recomputes now (single-flight: concurrent callers share one computation). */
  refresh(): Promise<StatsSnapshot> {
    if (this.inflight) return this.inflight;
    const started = performance.now();
    this.invalidated = false;
    this.inflight = computeStats(this.db, this.now())
      .then(({ regionStates, regionHistory, ...data }) => {
        const body = JSON.stringify(data);
        this.snapshot = {
          data,
          regionStates,
          regionHistory,
          body,
          gzip: gzipSync(body),
          etag: etagOf(body),
          computedAt: Date.now(),
          computeMs: Math.round(performance.now() - started),
        };
        return this.snapshot;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** The current snapshot: fresh after invalidation or at first use; stale-while-revalidate after the TTL. */
  async get(): Promise<StatsSnapshot> {
    if (!this.snapshot || this.invalidated) return this.refresh();
    if (Date.now() - this.snapshot.computedAt >= this.ttlMs) this.refresh().catch(() => {});
    return this.snapshot;
  }

  invalidate(): void {
    this.invalidated = true;
  }

  /** The snapshot while it may be served as is (not invalidated, within its TTL); no refresh. */
  current(): StatsSnapshot | null {
    if (!this.snapshot || this.invalidated || Date.now() - this.snapshot.computedAt >= this.ttlMs) return null;
    return this.snapshot;
  }
}

const caches = new WeakMap<object, StatsCache>();

/** The snapshot cache of a database (one per Db object). */
export function statsCacheFor(db: Queryable, options: StatsCacheOptions = {}): StatsCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new StatsCache(db, options);
    caches.set(db, cache);
  } else {
    if (options.ttlSeconds !== undefined) cache.ttlMs = options.ttlSeconds * 1000;
    if (options.now) cache.now = options.now;
  }
  return cache;
}

/** For a periodic job: recompute the dashboard snapshot of this database now. */
export async function refreshStats(db: Queryable): Promise<{ computeMs: number; cases: number }> {
  const snapshot = await statsCacheFor(db).refresh();
  return { computeMs: snapshot.computeMs, cases: snapshot.data.totals.cases };
}

const readers = new WeakMap<object, Queryable>();

/**
 * The dashboard of `primary` is computed on `reader` (a replica, or the primary itself), so
 * writers that call invalidateStats(primary) also mark the reader's snapshot stale.
 */
export function readStatsFrom(primary: Queryable, reader: Queryable): void {
  if (primary !== reader) readers.set(primary, reader);
}

/** Marks the snapshot stale so the next read recomputes it (after imports, bulk changes). */
export function invalidateStats(db: Queryable): void {
  caches.get(db)?.invalidate();
  const reader = readers.get(db);
  if (reader) caches.get(reader)?.invalidate();
}
