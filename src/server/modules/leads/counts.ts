// Per-region lead counts for the public map's leads layer ("Petunjuk media"). Counts only: no
// article, no person, no lead id. A lead counts once per region at the chosen level even when it
// names several places inside it; leads marked not relevant or dismissed by a supervisor do not count.
import type { Queryable } from '../../db/client.ts';
import { countLeadsByRegion } from './repository/articles.ts';

export type LeadCountLevel = 'provinsi' | 'kabupaten_kota';

export async function leadCountsByRegion(db: Queryable, level: LeadCountLevel, now: Date) {
  const length = level === 'provinsi' ? 2 : 5;
  const rows = await countLeadsByRegion(db, length);
  return {
    level,
    asOf: now.toISOString(),
    definition: {
      id: 'Jumlah petunjuk pemantauan media yang relevan per wilayah (tidak termasuk yang diabaikan pengawas); satu petunjuk dihitung sekali per wilayah.',
      en: 'Relevant media-monitoring leads per region (excluding those dismissed by supervisors); one lead counts once per region.',
    },
    items: rows.map((r) => ({ regionCode: r.code, name: r.name ?? r.code, count: r.n })),
    total: rows.length,
  };
}
