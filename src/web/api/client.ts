// fetch wrapper for /api/v1: JSON in and out, same-origin cookies, the CSRF header on every
// non-GET request (double-submit of the readable netra_csrf cookie), and problem+json turned
// into an ApiError whose message is already in the current UI language.
import { getLanguage } from '../i18n/store.ts';
import { humanizeFieldMessage } from '../i18n/fieldLabels.ts';

export const CSRF_COOKIE = 'netra_csrf';

export interface Problem {
  status: number;
  code: string;
  detail?: string;
  field?: string;
  message?: { id: string; en: string };
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly messages: { id: string; en: string };
  readonly problem: Problem | undefined;

  constructor(status: number, code: string, messages: { id: string; en: string }, field?: string, problem?: Problem) {
    super(messages[getLanguage()] || messages.id);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.messages = messages;
    this.problem = problem;
  }

  /** The message in the language shown now (the user may have switched since the request). */
  localized(): string {
    const language = getLanguage();
    // Field keys ('username', 'key') are for programs; people get the field's label.
    return humanizeFieldMessage(this.messages[language] || this.messages.id, language);
  }
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const networkFailure = {
  id: 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  en: 'Cannot reach the server. Check your connection and try again.',
};

export interface RequestOptions {
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  signal?: AbortSignal;
  /** 'blob' for files (PDF): the body is returned as a Blob; errors are still problem+json. */
  responseType?: 'json' | 'blob';
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(path.startsWith('/api/') ? path : `/api/v1${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLanguage() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', networkFailure);
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && options.responseType === 'blob') return (await response.blob()) as T;
  const payload: unknown = type.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const problem = payload as Problem | undefined;
    const messages = problem?.message ?? {
      id: problem?.detail ?? `Permintaan gagal (${response.status}).`,
      en: problem?.detail ?? `Request failed (${response.status}).`,
    };
    throw new ApiError(response.status, problem?.code ?? `http_${response.status}`, messages, problem?.field, problem);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  /** POST that answers with a file (e.g. a PDF that reveals identity: never a GET link). */
  postForBlob: (path: string, body?: unknown) => apiRequest<Blob>('POST', path, { body: body ?? {}, responseType: 'blob' }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
