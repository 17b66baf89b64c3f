// Public profile of a province or kabupaten/kota: its contests and stages, candidate pairs,
// case counts by state (from the dashboard snapshot, counts only), pledges, and the risk index
// with its components and sources.
import type { Queryable } from '../../db/client.ts';
import { STATE_LABELS, CASE_STATES } from '../../../domain/cases/stateMachine.ts';
import { listCandidatePairs, listElections } from '../elections/index.ts';
import { statsCacheFor } from '../stats/index.ts';
import { listPledges } from '../pledges/index.ts';
import { explainRegionRisk } from './service.ts';
import { contestsInRegions, findProfileRegion, findRegionName, latestElection } from './repository.ts';

export async function regionProfile(db: Queryable, code: string) {
  if (!/^\d{2}(\.\d{2})?$/.test(code)) return null;
  const region = await findProfileRegion(db, code);
  if (!region) return null;
  const province = region.level === 'provinsi' ? null : await findRegionName(db, region.province_code);
  const election = await latestElection(db);
  const elections = election ? await listElections(db, election.year) : [];
  const contestRows = election
    ? await contestsInRegions(
        db,
        elections.map((e) => e.id),
        [code, region.province_code],
      )
    : [];
  const contests = await Promise.all(
    contestRows.map(async (c) => ({
      electionId: c.election_id,
      regionCode: c.region_code,
      regionName: c.name,
      kind: c.kind,
      candidatePairs: await listCandidatePairs(db, c.election_id, c.region_code),
    })),
  );
  const snapshot = await statsCacheFor(db).get();
  const counts = (region.level === 'provinsi' ? snapshot.data.byProvince : snapshot.data.byRegency).find((r) => r.code === code);
  const states = snapshot.regionStates.get(code) ?? {};
  const history = [...(snapshot.regionHistory.get(code) ?? new Map()).entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([election, c]) => ({ election, ...c, source: 'Netra: perkara riwayat yang diimpor dari rekap kantor' }));
  const [pledges, risk] = await Promise.all([listPledges(db, { region: code, limit: 20, offset: 0 }), explainRegionRisk(db, code)]);
  return {
    region: {
      code: region.code,
      name: region.name,
      level: region.level,
      timeZone: region.time_zone,
      province: province ? { code: province.code, name: province.name } : null,
    },
    elections: elections.map((e) => ({ id: e.id, name: e.name, votingDate: e.votingDate, stages: e.stages })),
    contests,
    cases: {
      total: counts?.count ?? 0,
      byState: CASE_STATES.map((state) => ({
        state,
        label: STATE_LABELS[state].id,
        labelEn: STATE_LABELS[state].en,
        count: states[state] ?? 0,
      })),
      asOf: snapshot.data.generatedAt,
    },
    /** Past cycles from imported recap sheets (empty: none imported for this region). */
    history,
    /** Published figures with source and date; empty means 'belum ada data'. */
    published: risk?.published ?? [],
    pledges: { total: pledges.total, recent: pledges.items },
    risk,
  };
}
