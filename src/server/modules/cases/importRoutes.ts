// POST /api/v1/cases/import: a recap sheet (CSV or XLSX) as the raw request body, for admins and
// supervisors of their own office. ?dryRun=true checks everything and writes nothing.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { requirePrincipal } from '../../http/auth.ts';
import { nowOf, type CaseDeps } from './deps.ts';
import { assertCanImport, importCaseHistory, MAX_IMPORT_BYTES } from './importHistory.ts';
import { IMPORT_COLUMNS } from '../../../domain/cases/importCases.ts';
import { caseImportResultSchema, caseImportTemplateSchema } from '../../../contracts/cases.ts';

const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export function registerCaseImportRoutes(app: FastifyInstance, deps: CaseDeps) {
  app.register(async (scope) => {
    // Encapsulated: these parsers (raw bytes) apply to the import route only.
    for (const type of FILE_TYPES) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/v1/cases/import',
      {
        schema: {
          tags: ['cases'],
          summary: 'Impor riwayat perkara dari rekap kantor (CSV/XLSX) / import past cases',
          querystring: z.object({
            dryRun: z.enum(['true', 'false', '1', '0']).default('false'),
            name: z
              .string()
              .trim()
              .max(200)
              .regex(/^[^/\\\u0000-\u001f]*$/, 'nama berkas tanpa garis miring / a file name without slashes')
              .default('impor.csv'),
          }),
          response: { 200: caseImportResultSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        assertCanImport(principal);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError(
            'unsupported_media_type',
            {
              id: 'Kirim berkas CSV atau XLSX sebagai isi permintaan (Content-Type: text/csv atau XLSX).',
              en: 'Send a CSV or XLSX file as the request body.',
            },
            { field: 'file' },
          );
        }
        const dryRun = request.query.dryRun === 'true' || request.query.dryRun === '1';
        return importCaseHistory(deps.db, { name: request.query.name, bytes: request.body }, principal, { dryRun, now: nowOf(deps) });
      },
    );

    r.get(
      '/api/v1/cases/import/template',
      {
        schema: {
          tags: ['cases'],
          summary: 'Kolom templat impor dan kamusnya / template columns and dictionary',
          response: { 200: caseImportTemplateSchema },
        },
      },
      async (request) => {
        assertCanImport(requirePrincipal(request));
        return {
          columns: IMPORT_COLUMNS.map((c) => ({ ...c, aliases: [...c.aliases] })),
          documentation: 'docs/IMPORT-CASES.md',
          sample: 'reference/samples/rekap-perkara-SINTETIS.csv',
        };
      },
    );
  });
}
