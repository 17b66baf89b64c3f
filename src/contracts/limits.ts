// Form limits and small vocabularies shared by the server's request schemas and the web app's
// forms. Plain constants (no zod) so the web bundle imports them without the validator.

/** Media monitoring: lead sources, pasted articles, dismissals. */
export const LEAD_LIMITS = {
  sourceName: { min: 2, max: 200 },
  pollMinutes: { min: 5, max: 1440, default: 30 },
  manualTitle: { min: 3, max: 1000 },
  manualText: { min: 20, max: 2 * 1024 * 1024 },
  dismissReason: { min: 3, max: 2000 },
  url: { max: 2000 },
} as const;

export const HIGHLIGHT_KINDS = ['region', 'actor', 'act', 'number', 'date', 'person'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** Referral steps (staff and agency API). */
export const REFERRAL_LIMITS = {
  note: { min: 1, max: 2000 },
  sanction: { min: 1, max: 120 },
  decreeNumber: { min: 1, max: 200 },
  siasnBlockReason: { min: 5, max: 2000 },
  effectiveAtReason: { min: 5, max: 1000 },
} as const;
