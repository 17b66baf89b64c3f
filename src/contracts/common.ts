// Building blocks shared by the response contracts.
import { z } from 'zod';

export const bilingual = z.object({ id: z.string(), en: z.string() });
export const isoDateTime = z.string().describe('ISO 8601 instant (UTC)');
export const nullableIso = isoDateTime.nullable();
/** A list page: every list answers `{ items, total }`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
/** The answer of an action with nothing else to say. */
export const okSchema = z.object({ ok: z.literal(true) });
