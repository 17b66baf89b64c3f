// Shapes of the referral responses: the server's contracts (src/contracts/referrals.ts), not a copy.
export type {
  Authority,
  PublicReferral,
  ReferralDetail,
  ReferralLetter,
  ReferralList,
  ReferralStepView,
  ReferralSummary,
} from '../../../contracts/referrals.ts';
