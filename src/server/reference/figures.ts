// Published per-region figures (reference/figures/*.json): Bawaslu's maps and indices exactly as
// published, each file with its publisher, date and sources, marked partial where only some
// regions were published. Loaded at start, idempotently: a file is (re)loaded when its content
// hash changes. A region without a row has no published value ('belum ada data').
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db, Queryable } from '../db/client.ts';
import { publishedFigureRows, recordReferenceLoad, referenceLoadsLike, replaceFigureSeries } from './repository.ts';
import { appendAudit, SYSTEM_ACTOR } from '../modules/audit/service.ts';

const figuresDir = fileURLToPath(new URL('../../../reference/figures', import.meta.url));

export const figureFileSchema = z
  .object({
    series: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(5),
    publisher: z.string().min(2),
    publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    level: z.enum(['provinsi', 'kabupaten_kota']),
    kind: z.enum(['category', 'score']),
    partial: z.boolean(),
    sources: z.array(z.string().url()).min(1),
    note: z.string().optional(),
    rows: z
      .array(
        z
          .object({
            region: z.string().regex(/^\d{2}(\.\d{2})?$/),
            name: z.string(),
            category: z.enum(['tinggi', 'sedang', 'rendah']).optional(),
            value: z.number().min(0).max(100).optional(),
            named: z.boolean().optional(),
            note: z.string().optional(),
          })
          .refine((r) => r.category !== undefined || r.value !== undefined, 'category or value'),
      )
      .min(1),
  })
  .strict();
export type FigureFile = z.infer<typeof figureFileSchema>;

export function readFigureFiles(dir = figuresDir): { file: FigureFile; sha256: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { file: figureFileSchema.parse(JSON.parse(text)), sha256: createHash('sha256').update(text).digest('hex') };
    });
}

export async function loadPublishedFigures(db: Db, dir = figuresDir): Promise<number> {
  const loaded = new Map((await referenceLoadsLike(db, 'figures:%')).map((r) => [r.name, r.version]));
  let changed = 0;
  for (const { file, sha256 } of readFigureFiles(dir)) {
    const name = `figures:${file.series}`;
    if (loaded.get(name) === sha256) continue;
    await db.transaction(async (tx) => {
      const note = (r: FigureFile['rows'][number]) =>
        [r.note, r.named === false ? 'tidak disebut satu per satu dalam sumber' : null].filter(Boolean).join('; ') || null;
      await replaceFigureSeries(
        tx,
        {
          series: file.series,
          publishedOn: file.publishedOn,
          publisher: file.publisher,
          title: file.title,
          source: file.sources.join(' ; '),
          partial: file.partial,
        },
        file.rows.map((r) => ({ region: r.region, value: r.value ?? null, category: r.category ?? null, note: note(r) })),
      );
      await recordReferenceLoad(tx, name, sha256, file.rows.length);
      await appendAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'reference.figures_loaded',
        entityType: 'reference',
        entityId: name,
        data: { sha256, rows: file.rows.length },
      });
    });
    changed++;
  }
  return changed;
}

export interface PublishedFigure {
  series: string;
  title: string;
  publisher: string;
  publishedOn: string;
  value: number | null;
  category: string | null;
  partial: boolean;
  source: string;
  note: string | null;
}

/** Published figures per region code. */
export async function publishedFiguresByRegion(db: Queryable, codes?: string[]): Promise<Map<string, PublishedFigure[]>> {
  const figureRows = await publishedFigureRows(db, codes);
  const map = new Map<string, PublishedFigure[]>();
  for (const r of figureRows) {
    const list = map.get(r.region_code) ?? [];
    list.push({
      series: r.series,
      title: r.title,
      publisher: r.publisher,
      publishedOn: String(r.published_on).slice(0, 10),
      value: r.value === null ? null : Number(r.value),
      category: r.category,
      partial: r.partial,
      source: r.source,
      note: r.note,
    });
    map.set(r.region_code, list);
  }
  return map;
}
