// The shared Problem body on every 4xx/503 a route can send, derived from how the route authenticates.
import { PROBLEM_MEDIA_TYPE, problemSchema } from '../../../contracts/problem.ts';
import type { RouteAuth } from './routeAuth.ts';

export const PROBLEM_TEXT: Record<number, string> = {
  400: 'Masukan tidak valid / invalid input (`validation_failed`, `bad_request`)',
  401: 'Tidak terautentikasi / not authenticated (`unauthenticated`, `invalid_credentials`, `totp_required`)',
  403: 'Tidak berwenang atau CSRF salah / forbidden or bad CSRF token (`forbidden`, `csrf_failed`)',
  404: 'Tidak ditemukan atau di luar wilayah kewenangan / not found or outside jurisdiction',
  409: 'Bertentangan dengan keadaan saat ini / conflicts with the current state (`conflict`, `invalid_state_transition`, `idempotency_conflict`)',
  413: 'Kiriman terlalu besar / payload too large',
  415: 'Jenis konten tidak didukung / unsupported media type',
  422: 'Berkas ditolak / file refused (`pdf_active_content`)',
  423: 'Akun terkunci sementara / account temporarily locked',
  429: 'Terlalu banyak permintaan / rate limited (see Retry-After)',
  503: 'Layanan sementara tidak tersedia / temporarily unavailable (see Retry-After)',
};

/** The problem statuses a route can answer, from how it authenticates and what it accepts. */
export function problemStatuses(method: string, url: string, auth: RouteAuth, rateLimited: boolean): number[] {
  const statuses = new Set<number>([400, 503]);
  if (auth !== 'public' || url === '/api/v1/auth/login') statuses.add(401);
  if (auth === 'session' || auth === 'agency') statuses.add(403);
  if (url.includes('/:') || url.startsWith('/api/v1/lacak') || url.startsWith('/api/v1/public/') || url.startsWith('/api/v1/agency/'))
    statuses.add(404);
  if (method !== 'GET' && method !== 'DELETE') {
    statuses.add(413);
    statuses.add(415);
    if (auth !== 'public' || url === '/api/v1/laporan' || url.startsWith('/api/v1/lacak')) statuses.add(409);
  }
  if (url === '/api/v1/uploads' || url.endsWith('/verify-document')) statuses.add(422);
  if (url === '/api/v1/auth/login') statuses.add(423);
  if (rateLimited || url.startsWith('/api/v1/lacak') || url === '/api/v1/laporan') statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

export const problemResponse = (status: number) => ({
  description: PROBLEM_TEXT[status] ?? 'Problem',
  content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } },
});
