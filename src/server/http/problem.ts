// Errors as application/problem+json (RFC 9457) with a stable `code`, the failing `field`,
// and a message in Indonesian (default) or English (Accept-Language: en).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors.ts';
import { negotiateLanguage } from './language.ts';
import { fieldMessage, localizeIssue } from '../platform/validationMessages.ts';
import { problemTypeUri } from '../../contracts/problem.ts';

export function prefersEnglish(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  return negotiateLanguage(Array.isArray(header) ? header.join(',') : header) === 'en';
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: { id: string; en: string },
  extra: Record<string, unknown> = {},
) {
  const english = prefersEnglish(request);
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: problemTypeUri(code),
      title: english ? message.en : message.id,
      status,
      code,
      detail: english ? message.en : message.id,
      message: { id: message.id, en: message.en },
      ...extra,
    });
}

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    return send(reply, request, error.status, error.code, error.messages, {
      ...(error.field ? { field: error.field } : {}),
      ...(error.details ? { details: error.details } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const english = prefersEnglish(request);
    const issues = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(error.validationContext ?? 'body');
      const message = localizeIssue({ ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message });
      return { field: path, message: english ? message.en : message.id };
    });
    const first = error.validation[0];
    const firstMessage = localizeIssue({ ...(first.params as Record<string, unknown>), code: first.keyword, message: first.message });
    return send(reply, request, 400, 'validation_failed', fieldMessage(issues[0].field, firstMessage), {
      field: issues[0].field,
      errors: issues,
    });
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413 || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE' || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(reply, request, 413, 'payload_too_large', { id: 'Ukuran kiriman terlalu besar.', en: 'Payload too large.' });
  }
  if (status === 415 || fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, request, 415, 'unsupported_media_type', { id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' });
  }
  if (status === 429) {
    return send(reply, request, 429, 'rate_limited', {
      id: 'Terlalu banyak permintaan. Coba lagi nanti.',
      en: 'Too many requests. Try again later.',
    });
  }
  if (status >= 400 && status < 500) {
    return send(reply, request, status, 'bad_request', {
      id: BAD_REQUEST_ID[fastifyError.code ?? ''] ?? 'Permintaan tidak valid.',
      en: `Bad request: ${fastifyError.message}`,
    });
  }
  if (isDatabaseUnavailable(error)) {
    // The database restarting or unreachable: a retryable 503, not a server bug.
    reply.header('Retry-After', '2');
    return send(reply, request, 503, 'unavailable', {
      id: 'Layanan sementara tidak tersedia. Coba lagi sebentar.',
      en: 'Service temporarily unavailable. Retry shortly.',
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  // Tests run with logging off; a 500 must still be visible there.
  if (process.env.NETRA_TEST_BACKENDS) process.stderr.write(`[500] ${request.method} ${request.url}: ${error.stack ?? error.message}\n`);
  return send(reply, request, 500, 'internal', { id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' });
}

/** Fastify's own 4xx causes in Indonesian (its messages are English only). */
const BAD_REQUEST_ID: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Badan permintaan JSON kosong.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Badan permintaan bukan JSON yang sah.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length tidak sesuai dengan badan permintaan.',
  FST_ERR_BAD_URL: 'Alamat permintaan tidak sah.',
  FST_ERR_ASYNC_CONSTRAINT: 'Permintaan tidak dapat diarahkan.',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Permintaan harus berupa multipart/form-data.',
  FST_PARTS_LIMIT: 'Terlalu banyak bagian dalam kiriman.',
  FST_FILES_LIMIT: 'Terlalu banyak berkas dalam kiriman.',
  FST_FIELDS_LIMIT: 'Terlalu banyak isian dalam kiriman.',
};

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? '';
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    /Connection terminated|connection (?:is )?closed|Client has encountered a connection error/i.test(message)
  );
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 404, 'not_found', {
    id: `Alamat tidak ditemukan: ${request.method} ${request.url.split('?')[0]}`,
    en: `No such route: ${request.method} ${request.url.split('?')[0]}`,
  });
}

/**
 * Errors Node's HTTP parser raises before Fastify has a request (malformed request line or
 * headers, a keep-alive socket carrying the rest of a body the server already refused): answered
 * as problem+json like every other error, then the connection is closed.
 */
export function handleClientError(error: Error & { code?: string }, socket: import('node:stream').Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, id, en] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'Permintaan terlalu lama.', 'Request timeout.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'Header permintaan terlalu besar.', 'Request headers too large.']
        : [400, 'bad_request', 'Permintaan HTTP tidak valid.', 'Malformed HTTP request.'];
  const body = JSON.stringify({ type: problemTypeUri(code), title: id, status, code, detail: id, message: { id, en } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
