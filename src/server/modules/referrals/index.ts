// Public surface of the referrals module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { assertAgencyAddress } from './address.ts';
export { createReferralsForDecision } from './create.ts';
export type { AgencyAddress } from './create.ts';
export { runEscalations } from './escalations.ts';
export { KASN_HANDOVER_AT, handOverKasnReferrals } from './handover.ts';
export { publicReferral } from './publicView.ts';
export { readSetting } from './repository/settings.ts';
export { EFFECTIVE_AT_MAX_DAYS_KEY, UNCLAIMED_UPLOAD_HOURS_KEY } from './settings.ts';
