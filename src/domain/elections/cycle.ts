// An election cycle as data: a later Pilkada (e.g. 2029) is a new JSON file in
// reference/elections, not new code.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const electionCycleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(3),
  year: z.number().int().min(2000).max(2100),
  votingDate: isoDate,
  legalBasis: z.string(),
  source: z.string().optional(),
  contests: z.object({
    gubernur: z.object({ allProvincesExcept: z.array(z.string()), note: z.string().optional() }).optional(),
    bupati: z.object({ allKabupatenExcept: z.array(z.string()), note: z.string().optional() }).optional(),
    walikota: z.object({ allKotaExcept: z.array(z.string()), note: z.string().optional() }).optional(),
    /** Explicit list, for partial cycles (e.g. a re-vote or a cycle with fewer regions). */
    only: z.array(z.object({ regionCode: z.string(), kind: z.enum(['gubernur', 'bupati', 'walikota']) })).optional(),
  }),
  expectedContests: z.record(z.string(), z.number().int()).optional(),
  stages: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), startsOn: isoDate, endsOn: isoDate })).min(1),
});

export type ElectionCycle = z.infer<typeof electionCycleSchema>;
export type ContestKind = 'gubernur' | 'bupati' | 'walikota';

interface RegionLike {
  code: string;
  level: string;
}

export function expandContests(
  cycle: ElectionCycle,
  provinces: RegionLike[],
  regencies: RegionLike[],
): { regionCode: string; kind: ContestKind }[] {
  const out: { regionCode: string; kind: ContestKind }[] = [];
  const c = cycle.contests;
  if (c.gubernur)
    for (const p of provinces) if (!c.gubernur.allProvincesExcept.includes(p.code)) out.push({ regionCode: p.code, kind: 'gubernur' });
  if (c.bupati)
    for (const r of regencies)
      if (r.level === 'kabupaten' && !c.bupati.allKabupatenExcept.includes(r.code)) out.push({ regionCode: r.code, kind: 'bupati' });
  if (c.walikota)
    for (const r of regencies)
      if (r.level === 'kota' && !c.walikota.allKotaExcept.includes(r.code)) out.push({ regionCode: r.code, kind: 'walikota' });
  if (c.only) out.push(...c.only);
  return out;
}

/** Contests per kind after expansion, to check a file's `expectedContests`. */
export function countContests(cycle: ElectionCycle, provinces: RegionLike[], regencies: RegionLike[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of expandContests(cycle, provinces, regencies)) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}

/** The stage whose dates include the given local date (YYYY-MM-DD), or null. */
export function stageOn<S extends { startsOn: string; endsOn: string }>(stages: S[], date: string): S | null {
  return stages.filter((s) => s.startsOn <= date && date <= s.endsOn).at(-1) ?? null;
}
