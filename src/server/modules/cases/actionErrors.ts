// The problem+json bodies of a refused case action: an invalid transition, a badly dated action,
// a legal-deadline guard.
import { AppError } from '../../platform/errors.ts';
import type { GuardBlock } from '../../../domain/legal-clock/guards.ts';
import type { EffectiveTimeProblem } from '../../../domain/cases/effectiveTime.ts';

export const EFFECTIVE_AT_MESSAGES: Record<EffectiveTimeProblem, (limit: string) => { id: string; en: string }> = {
  in_future: () => ({ id: 'Waktu kejadian tidak boleh di masa depan.', en: 'The time the action took effect cannot be in the future.' }),
  before_previous_step: (l) => ({
    id: `Waktu kejadian tidak boleh sebelum langkah sebelumnya (${l}).`,
    en: `The time cannot be before the previous step (${l}).`,
  }),
  too_far_back: (l) => ({
    id: `Waktu kejadian paling jauh ${l} (batas kebijakan).`,
    en: `The time can go back at most to ${l} (policy limit).`,
  }),
  reason_required: () => ({
    id: 'Tindakan yang dicatat mundur lebih dari beberapa jam memerlukan alasan yang bermakna (mis. "Registrasi manual di buku registrasi malam hari, diketik pagi ini").',
    en: 'An action dated more than a few hours back needs a meaningful reason.',
  }),
};

/** The problem+json for an action a legal deadline forbids now. */
export function guardError(block: GuardBlock, problem: string) {
  const messages =
    problem === 'override_reason_no_content'
      ? {
          id: 'Alasan pengecualian harus bermakna (minimal 10 karakter, bukan huruf berulang).',
          en: 'The override reason must say something (at least 10 characters, not repeated letters).',
        }
      : problem === 'not_overridable'
        ? { id: `${block.reason.id} Batas ini tidak dapat dikecualikan.`, en: `${block.reason.en} This limit cannot be overridden.` }
        : block.reason;
  return new AppError('deadline_guard', messages, {
    field: problem === 'override_reason_no_content' ? 'override.reason' : 'action',
    details: {
      guard: block.guard,
      mode: block.mode,
      overridable: block.overridable,
      until: block.until?.toISOString() ?? null,
      since: block.since?.toISOString() ?? null,
      source: block.source,
      ...(block.unconfirmed ? { unconfirmed: block.unconfirmed } : {}),
    },
  });
}

export const TRANSITION_MESSAGES: Record<string, { id: string; en: string }> = {
  CANNOT_WITHDRAW_REGISTERED: {
    id: 'Laporan yang sudah diregistrasi tidak dapat dicabut.',
    en: 'A registered report cannot be withdrawn.',
  },
  TERMINAL_STATE: { id: 'Perkara sudah selesai; status tidak dapat diubah.', en: 'The case is closed; its state cannot change.' },
  INVALID_TRANSITION: {
    id: 'Tindakan ini tidak berlaku pada status perkara saat ini.',
    en: 'This action does not apply to the case’s current state.',
  },
  REASON_REQUIRED: { id: 'Tindakan ini memerlukan alasan tertulis.', en: 'This action needs a written reason.' },
  CLASSIFICATION_REQUIRED: {
    id: 'Pilih klasifikasi pelanggaran untuk meneruskan perkara.',
    en: 'Choose the violation classification to forward the case.',
  },
  CLASSIFICATION_NOT_A_VIOLATION: {
    id: 'Gunakan tindakan "nyatakan bukan pelanggaran" untuk hasil bukan pelanggaran.',
    en: 'Use "declare not a violation" for that outcome.',
  },
};

export const FIELD_OF_ERROR: Record<string, string> = {
  REASON_REQUIRED: 'reason',
  CLASSIFICATION_REQUIRED: 'classification',
  CLASSIFICATION_NOT_A_VIOLATION: 'classification',
};
