// Builds the dashboard body from the trigger-maintained counters plus region and stage names,
// in named steps: sort the counters by dimension, count by region and state, label the rest.
import { CASE_STATES, STATE_LABELS, TERMINAL_STATES } from '../../../domain/cases/stateMachine.ts';
import { CLASSIFICATIONS, NEUTRALITY_ACTS, SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/index.ts';
import type { Queryable } from '../../db/client.ts';
import { REFERENCE_FIGURES } from './reference.ts';
import { readCounters, selectDashboardRegions, selectStageNames, type CounterRow } from './repository.ts';
import type { CountItem, CycleComparison, CycleCounts, RegionCount, RegionHistory, StatsData } from './types.ts';

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

type HistoryRow = { cycle: string; r: string; kind: string; state: string; n: number };
type RegionStateRow = { r: string; state: string; kind: string; n: number };

/** The counters split by dimension, in their read order. */
interface SortedCounters {
  history: HistoryRow[];
  regional: RegionStateRow[];
  stages: { code: string; n: number }[];
  classes: { code: string; n: number }[];
  weeks: { startsOn: string; n: number }[];
  acts: { act: string; n: number }[];
  subjects: { subject_type: string; n: number }[];
}

function sortCounters(counters: CounterRow[]): SortedCounters {
  const sorted: SortedCounters = { history: [], regional: [], stages: [], classes: [], weeks: [], acts: [], subjects: [] };
  for (const c of counters) {
    const n = Number(c.n);
    switch (c.dimension) {
      case 'imported': {
        const [cycle, r, kind, state] = c.key.split('|');
        sorted.history.push({ cycle, r, kind, state, n });
        break;
      }
      case 'region_state_kind': {
        const [r, state, kind] = c.key.split('|');
        sorted.regional.push({ r, state, kind, n });
        break;
      }
      case 'stage':
        sorted.stages.push({ code: c.key, n });
        break;
      case 'classification':
        sorted.classes.push({ code: c.key, n });
        break;
      case 'week':
        sorted.weeks.push({ startsOn: c.key, n });
        break;
      case 'act':
        sorted.acts.push({ act: c.key, n });
        break;
      case 'subject':
        sorted.subjects.push({ subject_type: c.key, n });
        break;
    }
  }
  return sorted;
}

/** Cases per province and kab/kota, per state and per kind. */
function countByRegion(rows: RegionStateRow[], regionName: Map<string, string>) {
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
  for (const row of rows) {
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
  }
  return { provinces, regencies, regionStates, stateCounts, kindCounts };
}

function labelStages(stages: SortedCounters['stages'], names: { code: string; name: string; name_en: string }[]): CountItem[] {
  const stageLabel = new Map(names.map((s) => [s.code, s]));
  return stages.map((row) => {
    const stage = stageLabel.get(row.code);
    return {
      code: row.code || 'tanpa_tahapan',
      label: stage?.name ?? 'Di luar tahapan',
      labelEn: stage?.name_en ?? 'Outside any stage',
      count: row.n,
    };
  });
}

function labelClasses(classes: SortedCounters['classes']): CountItem[] {
  return classes.map((row) => {
    const entry = CLASSIFICATIONS.find((c) => c.id === row.code);
    return {
      code: row.code || 'belum_diklasifikasi',
      label: entry?.label ?? 'Belum diklasifikasi',
      labelEn: entry?.labelEn ?? 'Not yet classified',
      count: row.n,
    };
  });
}

function labelSubjects(subjects: SortedCounters['subjects']): CountItem[] {
  return subjects.map((r) => {
    const entry = SUBJECT_TYPE_CATALOGUE.find((s) => s.id === r.subject_type);
    return { code: r.subject_type, label: entry?.label ?? r.subject_type, labelEn: entry?.labelEn, count: r.n };
  });
}

function labelActs(acts: SortedCounters['acts']): CountItem[] {
  return acts.map((r) => {
    const entry = NEUTRALITY_ACTS.find((a) => a.id === r.act);
    return { code: r.act, label: entry?.label ?? r.act, labelEn: entry?.labelEn, count: r.n };
  });
}

function byStateOf(stateCounts: Map<string, number>): CountItem[] {
  return CASE_STATES.map((state) => ({
    code: state,
    label: STATE_LABELS[state].id,
    labelEn: STATE_LABELS[state].en,
    count: stateCounts.get(state) ?? 0,
  }));
}

function byOutcomeOf(stateCounts: Map<string, number>): CountItem[] {
  const outcome = new Map<string, number>();
  for (const [state, n] of stateCounts) {
    const key = (TERMINAL_STATES as readonly string[]).includes(state) ? state : 'dalam_proses';
    outcome.set(key, (outcome.get(key) ?? 0) + n);
  }
  return Object.entries(OUTCOME_LABELS).map(([code, label]) => ({
    code,
    label: label.id,
    labelEn: label.en,
    count: outcome.get(code) ?? 0,
  }));
}

const NOTES: StatsData['notes'] = [
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
];

/** Builds the dashboard from the counters plus region and stage names. */
export async function computeStats(
  db: Queryable,
  now: Date,
): Promise<StatsData & { regionStates: Map<string, Record<string, number>>; regionHistory: RegionHistory }> {
  const [counters, regions, stages] = await Promise.all([readCounters(db), selectDashboardRegions(db), selectStageNames(db)]);
  const sorted = sortCounters(counters);
  const { provinces, regencies, regionStates, stateCounts, kindCounts } = countByRegion(
    sorted.regional,
    new Map(regions.map((r) => [r.code, r.name])),
  );
  const total = kindCounts.laporan + kindCounts.temuan;
  const byOutcome = byOutcomeOf(stateCounts);
  const { cycles, regionHistory } = compareCycles(sorted.history, { cases: total, ...kindCounts, byOutcome }, provinces.size);
  return {
    regionStates,
    regionHistory,
    cycles,
    generatedAt: now.toISOString(),
    totals: { cases: total, ...kindCounts, terlapor: sorted.subjects.reduce((sum, r) => sum + r.n, 0) },
    byProvince: [...provinces.values()].sort(byCountDesc),
    byRegency: [...regencies.values()].sort(byCountDesc),
    byStage: labelStages(sorted.stages, stages).sort(byCountDesc),
    bySubjectType: labelSubjects(sorted.subjects).sort(byCountDesc),
    byAct: labelActs(sorted.acts).sort(byCountDesc),
    byClassification: labelClasses(sorted.classes).sort(byCountDesc),
    byState: byStateOf(stateCounts),
    byOutcome,
    weekly: sorted.weeks
      .map((w) => ({ week: isoWeekLabel(w.startsOn), startsOn: w.startsOn, count: w.n }))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
    reference: REFERENCE_FIGURES,
    notes: NOTES,
  };
}

const outcomeOf = (state: string) => ((TERMINAL_STATES as readonly string[]).includes(state) ? state : 'dalam_proses');

/** Cycle comparison rows and per-region history from the 'imported' counters. */
function compareCycles(history: HistoryRow[], live: CycleCounts, liveProvinces: number) {
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
