// The one error body every endpoint answers with (RFC 9457 application/problem+json), shared by
// the server (serialisation and the OpenAPI document), the web app and integrators' clients.
import { z } from 'zod';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Where each problem `type` URI points: a page explaining the code (GET answers it). */
export const problemTypeUri = (code: string) => `/api/v1/problems/${code}`;

export const problemSchema = z
  .looseObject({
    type: z.string().describe('URI reference of the page explaining this code (GET /api/v1/problems/{code})'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('stable machine-readable code, e.g. validation_failed, not_found'),
    detail: z.string(),
    message: z.object({ id: z.string(), en: z.string() }).describe('the message in Indonesian and English'),
    field: z.string().optional().describe('the failing input field, when one is to blame'),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    id: 'Problem',
    description: 'Error (RFC 9457). `code` is stable; `message` carries both languages; `title`/`detail` follow Accept-Language.',
    examples: [
      {
        type: '/api/v1/problems/validation_failed',
        title: 'Isian tidak valid.',
        status: 400,
        code: 'validation_failed',
        detail: 'Isian tidak valid.',
        field: 'kronologi',
        message: { id: 'Isian tidak valid.', en: 'Invalid field.' },
      },
    ],
  });
export type Problem = z.infer<typeof problemSchema>;

export const problemTypeDescriptionSchema = z
  .object({
    code: z.string(),
    status: z.number().int(),
    description: z.object({ id: z.string(), en: z.string() }),
  })
  .meta({ id: 'ProblemType' });
export const problemTypeListSchema = z.object({ items: z.array(problemTypeDescriptionSchema), total: z.number().int() });
