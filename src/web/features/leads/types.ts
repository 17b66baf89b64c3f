// Shapes of the /api/v1/leads responses: the server's contracts (src/contracts/leads.ts), not a copy.
export type {
  HighlightKind,
  LeadDetail,
  LeadJob,
  LeadJobRef,
  LeadRegion,
  LeadSource,
  LeadSourceList,
  LeadSummary,
  LeadList,
  ManualLeadResult,
  PromotedLead,
} from '../../../contracts/leads.ts';
// Limits and vocabularies: the zod-free module, so the bundle does not carry the validator.
export { HIGHLIGHT_KINDS, LEAD_LIMITS } from '../../../contracts/limits.ts';
