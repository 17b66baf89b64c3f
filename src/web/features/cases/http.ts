// Requests the JSON client does not cover: PDF downloads (POST or GET → Blob → saved file) and
// evidence uploads with progress (XMLHttpRequest, multipart). Both send the CSRF header and turn
// problem+json into ApiError like the JSON client.
import { ApiError, CSRF_COOKIE, readCookie, type Problem } from '../../api/client.ts';
import { getLanguage } from '../../i18n/store.ts';
import type { UploadResult } from './types.ts';

const networkFailure = {
  id: 'Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.',
  en: 'Cannot reach the server. Check your connection and try again.',
};

function problemError(status: number, problem: Problem | undefined): ApiError {
  const messages = problem?.message ?? {
    id: problem?.detail ?? `Permintaan gagal (${status}).`,
    en: problem?.detail ?? `Request failed (${status}).`,
  };
  return new ApiError(status, problem?.code ?? `http_${status}`, messages, problem?.field, problem);
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Fetches a file (PDF) and saves it through a temporary object URL. */
export async function downloadFile(method: 'GET' | 'POST', path: string, body: unknown, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = { Accept: 'application/pdf, application/problem+json', 'Accept-Language': getLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', networkFailure);
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    throw problemError(response.status, problem);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POST JSON with extra headers (Idempotency-Key); same CSRF and problem handling as the JSON client. */
export async function postJson<T>(path: string, body: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Accept-Language': getLanguage(),
    ...extra,
  };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network_error', networkFailure);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemError(response.status, payload as Problem | undefined);
  return payload as T;
}

/** Uploads one evidence file to /api/v1/uploads, reporting progress as a fraction 0..1. */
export function uploadEvidence(file: File, onProgress: (fraction: number) => void): { promise: Promise<UploadResult>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('POST', '/api/v1/uploads');
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLanguage());
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as UploadResult);
      else reject(problemError(xhr.status, (xhr.response ?? undefined) as Problem | undefined));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', networkFailure));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', { id: 'Unggahan dibatalkan.', en: 'Upload cancelled.' }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** A stable key for a retried submission: the same content keeps the same key. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `lapor-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client_error', { id: String(error), en: String(error) });
}

/** Field errors from a problem: the list of zod/fact issues when present, else the single field. */
export function fieldErrorsOf(error: ApiError): Record<string, string> {
  const language = getLanguage();
  const out: Record<string, string> = {};
  const details = (error.problem as { details?: { errors?: { field: string; id: string; en: string }[] } } | undefined)?.details;
  if (details?.errors?.length) {
    for (const issue of details.errors) out[issue.field] ??= issue[language] || issue.id;
  } else if (error.problem?.errors?.length) {
    for (const issue of error.problem.errors) out[issue.field] ??= issue.message;
  }
  if (error.field && !out[error.field]) out[error.field] = error.localized();
  return out;
}
