// Every problem `type` URI resolves: GET /api/v1/problems/<code> explains the code (what it
// means, what to do) in Indonesian and English; GET /api/v1/problems lists them all.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS } from '../platform/errors.ts';
import { problemTypeDescriptionSchema, problemTypeListSchema } from '../../contracts/problem.ts';

type Entry = { status: number; id: string; en: string };

const EXTRA: Record<string, number> = { geo_data_missing: 503, request_timeout: 408, headers_too_large: 431 };

const TEXT: Record<string, { id: string; en: string }> = {
  validation_failed: {
    id: 'Sebuah isian tidak memenuhi aturan; `field` menyebut isiannya, `errors` semua isian yang salah. Perbaiki lalu kirim ulang.',
    en: 'An input does not meet its rules; `field` names it, `errors` lists all. Fix and resend.',
  },
  bad_request: {
    id: 'Permintaan tidak dapat dibaca (JSON rusak, alamat tidak sah, multipart salah).',
    en: 'The request cannot be read (broken JSON, bad URL, malformed multipart).',
  },
  unauthenticated: {
    id: 'Perlu masuk (cookie sesi) atau token Bearer yang sah.',
    en: 'A session cookie or a valid Bearer token is required.',
  },
  invalid_credentials: { id: 'Nama pengguna, kata sandi, PIN atau token salah.', en: 'Wrong username, password, PIN or token.' },
  totp_required: {
    id: 'Akun memakai TOTP: kirim kode 6 digit pada isian `totp`.',
    en: 'The account uses TOTP: send the 6-digit code in `totp`.',
  },
  forbidden: { id: 'Peran atau wilayah Anda tidak mencakup tindakan ini.', en: 'Your role or jurisdiction does not cover this action.' },
  csrf_failed: {
    id: 'Header x-csrf-token tidak ada atau tidak cocok dengan sesi. Muat ulang halaman.',
    en: 'The x-csrf-token header is missing or does not match the session.',
  },
  not_found: { id: 'Tidak ada, atau di luar wilayah kewenangan Anda.', en: 'Does not exist, or is outside your jurisdiction.' },
  method_not_allowed: { id: 'Metode HTTP ini tidak berlaku untuk alamat ini.', en: 'This HTTP method does not apply to this path.' },
  region_not_found: { id: 'Kode wilayah Kemendagri tidak dikenal.', en: 'Unknown Kemendagri region code.' },
  conflict: { id: 'Bertentangan dengan data yang ada (mis. sudah ada).', en: 'Conflicts with existing data (e.g. already exists).' },
  invalid_state_transition: {
    id: 'Langkah ini tidak berlaku pada status saat ini; `details` menyebut status dan langkahnya.',
    en: 'This step does not apply in the current state; `details` names both.',
  },
  idempotency_conflict: {
    id: 'Idempotency-Key yang sama dipakai untuk isi laporan yang berbeda.',
    en: 'The same Idempotency-Key was used for a different report.',
  },
  payload_too_large: { id: 'Kiriman atau berkas melebihi batas ukuran.', en: 'The request or file exceeds the size limit.' },
  unsupported_media_type: {
    id: 'Jenis konten tidak diterima (JSON untuk isian, multipart/form-data untuk berkas).',
    en: 'Content type not accepted (JSON for fields, multipart/form-data for files).',
  },
  pdf_active_content: {
    id: 'PDF berisi konten aktif (JavaScript, aksi otomatis, lampiran) dan ditolak.',
    en: 'The PDF holds active content (JavaScript, auto actions, attachments) and is refused.',
  },
  account_locked: {
    id: 'Terlalu banyak percobaan masuk yang gagal; akun terkunci sementara.',
    en: 'Too many failed sign-ins; the account is locked for a while.',
  },
  rate_limited: {
    id: 'Terlalu banyak permintaan; tunggu sesuai header Retry-After.',
    en: 'Too many requests; wait as the Retry-After header says.',
  },
  internal: { id: 'Kesalahan di server; sudah dicatat. Coba lagi nanti.', en: 'A server error; it has been logged. Try again later.' },
  unavailable: {
    id: 'Basis data sementara tidak terjangkau; coba lagi setelah Retry-After.',
    en: 'The database is briefly unreachable; retry after Retry-After.',
  },
  geo_data_missing: { id: 'Data batas wilayah belum dipasang pada instans ini.', en: 'Boundary data is not installed on this instance.' },
  request_timeout: { id: 'Permintaan tidak selesai terkirim tepat waktu.', en: 'The request was not sent in time.' },
  headers_too_large: { id: 'Header permintaan terlalu besar.', en: 'Request headers too large.' },
};

export const PROBLEM_TYPES: Record<string, Entry> = Object.fromEntries(
  Object.entries({ ...ERROR_STATUS, ...EXTRA }).map(([code, status]) => [code, { status, ...(TEXT[code] ?? { id: code, en: code }) }]),
);

const present = (code: string) => ({
  code,
  status: PROBLEM_TYPES[code].status,
  description: { id: PROBLEM_TYPES[code].id, en: PROBLEM_TYPES[code].en },
});

export function registerProblemTypeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/problems',
    { schema: { tags: ['problems'], summary: 'Daftar kode masalah / problem codes', response: { 200: problemTypeListSchema } } },
    async (_request, reply) => {
      reply.header('Cache-Control', 'public, max-age=86400');
      const items = Object.keys(PROBLEM_TYPES).sort().map(present);
      return { items, total: items.length };
    },
  );
  r.get(
    '/api/v1/problems/:code',
    {
      schema: {
        tags: ['problems'],
        summary: 'Penjelasan satu kode masalah / one problem code',
        params: z.object({ code: z.string().regex(/^[a-z_]{2,60}$/) }),
        response: { 200: problemTypeDescriptionSchema },
      },
    },
    async (request, reply) => {
      if (!PROBLEM_TYPES[request.params.code])
        throw new AppError('not_found', { id: 'Kode masalah tidak dikenal.', en: 'Unknown problem code.' }, { field: 'code' });
      reply.header('Cache-Control', 'public, max-age=86400');
      return present(request.params.code);
    },
  );
}
