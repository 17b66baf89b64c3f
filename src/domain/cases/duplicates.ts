// When two cases are probably about the same person and event: the same NIP, or a similar
// name at a similar agency, with events close in time. Staff confirm or reject suggestions.

export interface PersonMatchInput {
  sameNip: boolean;
  nameSimilarity: number;
  agencySimilarity: number;
  daysApart: number | null;
}

export const NEAR_EVENT_DAYS = 14;

/** Score 0..1, or null when the pair is not worth suggesting. */
export function scoreDuplicate(m: PersonMatchInput): { score: number; reason: string } | null {
  const nearEvent = m.daysApart !== null && m.daysApart <= NEAR_EVENT_DAYS;
  const timeFactor = m.daysApart === null ? 0.5 : Math.max(0, 1 - m.daysApart / (NEAR_EVENT_DAYS * 2));
  if (m.sameNip) {
    return { score: Math.min(1, 0.7 + 0.3 * timeFactor), reason: nearEvent ? 'NIP sama, peristiwa berdekatan' : 'NIP sama' };
  }
  if (m.nameSimilarity >= 0.6 && m.agencySimilarity >= 0.45 && nearEvent) {
    const score = 0.45 * m.nameSimilarity + 0.25 * m.agencySimilarity + 0.3 * timeFactor;
    return { score: Math.round(score * 100) / 100, reason: 'nama dan instansi mirip, peristiwa berdekatan' };
  }
  return null;
}
