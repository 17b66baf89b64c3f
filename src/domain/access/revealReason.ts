// Whether a stated reason for reading protected data (reporter identity) has real content: the
// reason is written to the audit trail, so "aaaaaaaaaa" or "........." must not pass as one.
export const REVEAL_REASON_MIN = 10;
export const REVEAL_REASON_MAX = 1000;

export type RevealReasonCheck = { ok: true; reason: string } | { ok: false; problem: 'too_short' | 'too_long' | 'no_content' };

export function checkRevealReason(input: string): RevealReasonCheck {
  const reason = input.trim().replace(/\s+/g, ' ');
  if (reason.length < REVEAL_REASON_MIN) return { ok: false, problem: 'too_short' };
  if (reason.length > REVEAL_REASON_MAX) return { ok: false, problem: 'too_long' };
  const letters = [...reason.toLowerCase()].filter((ch) => /\p{L}/u.test(ch));
  const distinct = new Set(letters);
  // Words need letters; repeated characters, punctuation or digits alone say nothing.
  const mostCommon = Math.max(0, ...[...distinct].map((ch) => letters.filter((l) => l === ch).length));
  if (letters.length < 6 || distinct.size < 4 || mostCommon > letters.length / 2) return { ok: false, problem: 'no_content' };
  return { ok: true, reason };
}
