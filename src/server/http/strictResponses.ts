// Test-time strictness for response contracts. zod objects strip keys they do not declare, so a
// contract that forgets a field the handler sends drops it silently: the web app or an
// integrator then reads `undefined`. With this serializer (AppDeps.strictResponses, on in tests)
// a dropped field, or a body the contract refuses, is a 500 naming the route and the fields.
import { serializerCompiler } from 'fastify-type-provider-zod';

type Compiler = typeof serializerCompiler;

/** Paths of fields present in `sent` (JSON values) that are missing from `kept`. */
export function droppedFields(sent: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(sent)) {
    if (!Array.isArray(kept)) return [];
    return sent.flatMap((item, i) => droppedFields(item, kept[i], `${path}[${i}]`));
  }
  if (sent === null || typeof sent !== 'object' || kept === null || typeof kept !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(sent)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in kept)) out.push(at);
    else out.push(...droppedFields(value, (kept as Record<string, unknown>)[key], at));
  }
  return out;
}

export const strictSerializerCompiler: Compiler = (route) => {
  const serialize = serializerCompiler(route);
  return (data: unknown) => {
    let out: string;
    try {
      out = serialize(data);
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new Error(`response of ${route.method} ${route.url} does not match its contract: ${cause ?? (error as Error).message}`, {
        cause: error,
      });
    }
    const dropped = droppedFields(JSON.parse(JSON.stringify(data) ?? 'null'), JSON.parse(out));
    if (dropped.length > 0)
      throw new Error(
        `response of ${route.method} ${route.url} has fields its contract does not declare: ${dropped.slice(0, 20).join(', ')}`,
      );
    return out;
  };
};
