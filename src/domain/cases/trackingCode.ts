// Tracking codes as people type them: 'ntr 45by 84mv', 'NTR45BY84MV', 'ntr–45by–84mv'. Shared by
// the server (schemas) and the web (the /lacak input), so both accept the same sloppy forms.

/** 'ntr 45by 84mv' → 'NTR-45BY-84MV'; anything that is not 11 code characters is returned trimmed and upper-cased. */
export function normalizeTrackingCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s\-‐-―_.]/g, '');
  if (/^NTR[0-9A-Z]{8}$/.test(compact)) return `NTR-${compact.slice(3, 7)}-${compact.slice(7)}`;
  if (/^[0-9A-Z]{8}$/.test(compact)) return `NTR-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return raw.trim().toUpperCase();
}

export const TRACKING_CODE_PATTERN = /^NTR-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
