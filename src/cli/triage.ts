// `netra triage < in.jsonl > out.jsonl`
//
// Reads one JSON object per line ({"id","text","title"?,"url"?}), writes one verdict per
// line in the same order. Lines are read as bytes and split on "\n" as they stream in, so
// memory stays bounded by the longest accepted line (2 MiB by default; longer lines are
// skipped while streaming, keeping only their first bytes to recover the id). A bad line
// never stops the run: it yields {"id": …|null, "error": "…"} on stdout and a note on
// stderr. Non-Indonesian text yields an irrelevant verdict with "language":"other".

import { readProvinces, readRegencies } from '../server/reference/idnArea.ts';
import { buildGazetteer, triageArticle, type Gazetteer, type TriageOptions } from '../domain/triage/index.ts';

export interface RunTriageOptions extends TriageOptions {
  gazetteer?: Gazetteer;
  /** Longest accepted input line in bytes. */
  maxLineBytes?: number;
}

const DEFAULT_MAX_LINE_BYTES = 2 * 1024 * 1024;
const HEAD_BYTES = 4096;

let defaultGazetteer: Gazetteer | null = null;
export function loadDefaultGazetteer(): Gazetteer {
  defaultGazetteer ??= buildGazetteer([...readProvinces(), ...readRegencies()]);
  return defaultGazetteer;
}

export interface RawLine {
  number: number;
  bytes: Buffer;
  /** Total length when the line was too long (then `bytes` holds only its head). */
  overflow: number | null;
}

async function* splitLines(input: NodeJS.ReadableStream, maxLineBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow: number | null = null;
  let number = 0;
  const finish = (): RawLine => {
    number++;
    const line: RawLine = { number, bytes: Buffer.concat(parts), overflow };
    parts = [];
    length = 0;
    overflow = null;
    return line;
  };
  const append = (piece: Buffer) => {
    if (overflow !== null) {
      overflow += piece.length;
      return;
    }
    if (length + piece.length > maxLineBytes) {
      const head = Buffer.concat([...parts, piece]).subarray(0, HEAD_BYTES);
      overflow = length + piece.length;
      parts = [Buffer.from(head)];
      length = head.length;
      return;
    }
    parts.push(piece);
    length += piece.length;
  };
  for await (const chunk of input) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    let newline = buffer.indexOf(0x0a);
    while (newline !== -1) {
      append(buffer.subarray(0, newline));
      yield finish();
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(0x0a);
    }
    if (buffer.length > 0) append(Buffer.from(buffer));
  }
  if (length > 0 || overflow !== null) yield finish();
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function recoverId(head: string): string | null {
  const match = /"id"\s*:\s*(?:"((?:[^"\\]|\\.){0,200})"|(-?\d{1,20}))/.exec(head);
  if (!match) return null;
  if (match[2] !== undefined) return match[2];
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return match[1];
  }
}

type Verdict = Record<string, unknown>;

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Turns one raw line into the object written to stdout. */
export function triageLine(
  line: RawLine,
  gazetteer: Gazetteer,
  options: TriageOptions,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): { verdict: Verdict; error: string | null } {
  const fail = (id: unknown, error: string) => ({ verdict: { id: id ?? null, error }, error });
  if (line.overflow !== null) {
    return fail(recoverId(line.bytes.toString('utf8')), `line too long: ${line.overflow} bytes (limit ${maxLineBytes}); skipped`);
  }
  let source: string;
  try {
    source = STRICT_UTF8.decode(line.bytes);
  } catch {
    return fail(recoverId(line.bytes.toString('latin1')), 'line is not valid UTF-8');
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return fail(recoverId(source), `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail(null, `expected a JSON object, got ${describe(parsed)}`);
  const record = parsed as Record<string, unknown>;
  const id = record.id;
  if (typeof id !== 'string' && typeof id !== 'number')
    return fail(null, id === undefined ? 'missing "id"' : `"id" must be a string or number, got ${describe(id)}`);
  if (typeof id === 'string' && id.trim() === '') return fail(null, '"id" is empty');
  if (record.text === undefined) return fail(id, 'missing "text"');
  if (typeof record.text !== 'string') return fail(id, `"text" must be a string, got ${describe(record.text)}`);
  if (record.text.trim() === '') return fail(id, '"text" is empty');
  const title = typeof record.title === 'string' ? record.title : null;
  try {
    const { threshold, votingDay, maxChars } = options;
    const result = triageArticle({ id: String(id), text: record.text, title }, gazetteer, { threshold, votingDay, maxChars });
    if (result.cleanedLength === 0) return fail(id, 'no article text left after removing HTML and boilerplate');
    const verdict: Verdict = {
      id,
      relevant: result.relevant,
      score: result.score,
      kind: result.kind,
      regions: result.regions,
      actors: result.actors,
      acts: result.acts,
      numbers: result.numbers,
      date: result.date,
      people: result.people,
    };
    if (result.language !== 'id') verdict.language = result.language;
    return { verdict, error: null };
  } catch (error) {
    return fail(id, `internal error: ${(error as Error).message}`);
  }
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return new Promise((resolve) => stream.once('drain', resolve));
}

export async function runTriage(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream,
  options: RunTriageOptions = {},
): Promise<{ lines: number; failed: number }> {
  const gazetteer = options.gazetteer ?? loadDefaultGazetteer();
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let lines = 0;
  let failed = 0;
  for await (const line of splitLines(input, maxLineBytes)) {
    // Blank lines are separators, not articles.
    if (line.overflow === null && line.bytes.toString('latin1').trim() === '') continue;
    lines++;
    const { verdict, error } = triageLine(line, gazetteer, options, maxLineBytes);
    if (error) {
      failed++;
      await write(errors, `netra triage: line ${line.number}: ${error}\n`);
    }
    await write(output, JSON.stringify(verdict) + '\n');
  }
  return { lines, failed };
}
