// Conflict of interest: for regional agencies the PPK is the kepala daerah (bupati/wali kota,
// or gubernur for provincial agencies; UU 20/2023 and PP 11/2017 on PPK). When that head runs
// again in the same Pilkada, the person deciding the sanction is an interested party
// (disway.id 2024: "PPK yang menang pilkada melindungi pelanggar"). We flag it from the
// candidate list (is_incumbent) of the contest the PPK's head belongs to.
import { levelOfCode } from '../regions/search.ts';

/** The contest (region) whose head is the PPK, or null for national agencies. */
export function ppkContestRegion(input: { authority: string; agency: string; regionCode: string | null }): string | null {
  const region = input.regionCode;
  if (!region) return null;
  const province = region.slice(0, 2);
  const regency = levelOfCode(region) === 'provinsi' ? null : region.split('.').slice(0, 2).join('.');
  if (input.authority === 'BUPATI_WALIKOTA' || input.authority === 'PPK_DAERAH') return regency ?? province;
  if (input.authority !== 'BKN' && input.authority !== 'KASN') return null;
  const agency = input.agency.toLocaleLowerCase('id');
  // Central ministries and agencies: the PPK is a minister or agency head, not a Pilkada contestant.
  if (/\b(kementerian|kemen[a-z]+|badan .*nasional|lembaga|mahkamah|kejaksaan|kepolisian)\b/.test(agency) && !/daerah/.test(agency))
    return null;
  if (/\bprovinsi\b/.test(agency)) return province;
  return regency ?? province;
}

export interface CandidatePairLike {
  regionCode: string;
  isIncumbent: boolean;
}

export function hasConflictOfInterest(contestRegion: string | null, pairs: readonly CandidatePairLike[]): boolean {
  if (!contestRegion) return false;
  return pairs.some((p) => p.regionCode === contestRegion && p.isIncumbent);
}
