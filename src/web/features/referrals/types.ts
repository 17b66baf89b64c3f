// Shapes of the referral responses: the server's contracts (src/contracts/referrals.ts), not a copy.
export type { PublicReferral, ReferralDetail, ReferralLetter, ReferralStepView, ReferralSummary } from '../../../contracts/referrals.ts';
