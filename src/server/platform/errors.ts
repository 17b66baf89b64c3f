// One error type with a stable code; the HTTP layer maps it to application/problem+json (RFC 9457).
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  forbidden: 403,
  setup_token_invalid: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  region_not_found: 404,
  conflict: 409,
  invalid_state_transition: 409,
  // A legal deadline forbids the action now (not yet, or no longer): see domain/legal-clock/guards.ts.
  deadline_guard: 409,
  idempotency_conflict: 409,
  setup_done: 409,
  data_dir_locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  pdf_active_content: 422,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface LocalizedMessage {
  id: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: LocalizedMessage;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  /** `status` overrides the code's usual status (e.g. totp_required: 401 at sign-in, 403 on a session). */
  constructor(
    code: ErrorCode,
    messages: LocalizedMessage,
    options: { field?: string; details?: Record<string, unknown>; status?: number } = {},
  ) {
    super(messages.en);
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.messages = messages;
    this.field = options.field;
    this.details = options.details;
  }
}

export const notFound = (what: LocalizedMessage) => new AppError('not_found', what);
export const forbidden = () =>
  new AppError('forbidden', { id: 'Anda tidak berwenang untuk tindakan ini.', en: 'You are not allowed to do this.' });
export const unauthenticated = () => new AppError('unauthenticated', { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' });
export const validationError = (field: string, messages: LocalizedMessage) => new AppError('validation_failed', messages, { field });
