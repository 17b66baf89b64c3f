// Builds the open-data files and records each new release (dataset, SHA-256, rows) in
// open_data_releases. Files are cached in memory for the dashboard's TTL, so repeated downloads
// do not rebuild them. They are computed in the request for now (no job): at 1M cases the CSV
// build takes seconds — see the report in docs and the TODO on moving it to the job queue.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import writeXlsxFile from 'write-excel-file/node';
import type { Db, Queryable } from '../../db/client.ts';
import { localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { statsCacheFor } from '../stats/index.ts';
import { computeRegionRisks } from '../risk/index.ts';
import { publicCheckpointDocument } from '../audit/index.ts';
import type { Vault } from '../../platform/vault.ts';
import { insertRelease, lastReleaseSha256, latestReleases, releaseCounts, selectCaseRows } from './repository.ts';
import { CASE_FIELDS, DATASETS, GEO_ATTRIBUTION, type DatasetDefinition } from './datasets.ts';

/** `/work/shared/data/geo` beside the repository (see its SOURCE.md). */
export const GEO_DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/geo/', import.meta.url));
export const REGENCIES_TOPOJSON = 'indonesia-regencies.topo.json';

export interface OpenDataFile {
  dataset: DatasetDefinition['id'];
  body: Buffer;
  sha256: string;
  rows: number;
  mediaType: string;
  builtAt: number;
}

export class GeoDataMissingError extends Error {
  constructor(readonly path: string) {
    super(`Berkas batas wilayah tidak ada: ${path}`);
  }
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A CSV field, quoted when needed; a leading = + - @ is neutralised against spreadsheet formula injection. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type CaseRecord = Record<(typeof CASE_FIELDS)[number]['name'], string>;

export async function readCaseRecords(db: Queryable, anonymize: (id: string) => string): Promise<CaseRecord[]> {
  const rows = await selectCaseRows(db);
  return rows.map((r) => ({
    case_ref: anonymize(r.id),
    kind: r.kind,
    state: r.state,
    office_code: r.office_code,
    office_name: r.office_name ? (/^\d{2}$/.test(r.office_code) ? `Bawaslu Provinsi ${r.office_name}` : `Bawaslu ${r.office_name}`) : '',
    province_code: r.province_code,
    province_name: r.province_name ?? '',
    event_region_code: r.event_region_code,
    stage_code: r.stage_code ?? '',
    acts: r.acts,
    subject_types: r.subject_types ?? '',
    classification: r.classification ?? '',
    received_date: localDateOf(new Date(r.received_at), zoneForRegion(r.office_code)),
    registered: r.registered ? 'ya' : 'tidak',
    late: r.is_late ? 'ya' : 'tidak',
  }));
}

export function casesToCsv(records: CaseRecord[]): string {
  const header = CASE_FIELDS.map((f) => f.name);
  const lines = [header.join(',')];
  for (const record of records) lines.push(header.map((h) => csvField(record[h])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export async function casesToXlsx(records: CaseRecord[]): Promise<Buffer> {
  const header = CASE_FIELDS.map((f) => f.name);
  const data = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...records.map((record) => header.map((h) => (record[h] === '' ? null : { value: record[h], type: String }))),
  ];
  return writeXlsxFile(data, { sheet: 'perkara', stickyRowsCount: 1 }).toBuffer();
}

let topologyCache: { path: string; topology: Topology } | null = null;

function loadRegencyTopology(geoDir: string): Topology {
  const path = `${geoDir.replace(/\/$/, '')}/${REGENCIES_TOPOJSON}`;
  if (topologyCache?.path === path) return topologyCache.topology;
  if (!existsSync(path)) throw new GeoDataMissingError(path);
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  topologyCache = { path, topology };
  return topology;
}

export async function buildRegionsGeoJson(db: Queryable, geoDir: string): Promise<{ body: string; rows: number }> {
  const topology = loadRegencyTopology(geoDir);
  const collection = feature(topology, topology.objects.regencies as GeometryCollection<{ code: string; name: string }>);
  const [snapshot, risks] = await Promise.all([statsCacheFor(db).get(), computeRegionRisks(db, 'kabupaten_kota')]);
  const cases = new Map(snapshot.data.byRegency.map((r) => [r.code, r.count]));
  const risk = new Map(risks.items.map((r) => [r.regionCode, r]));
  const features = collection.features.map((f) => {
    const code = String(f.properties?.code ?? f.id);
    const r = risk.get(code);
    return {
      type: 'Feature' as const,
      id: code,
      properties: {
        code,
        name: f.properties?.name ?? r?.name ?? code,
        province_code: code.slice(0, 2),
        cases: cases.get(code) ?? 0,
        risk_score: r?.score ?? null,
        risk_category: r?.category ?? null,
      },
      geometry: f.geometry,
    };
  });
  const body = JSON.stringify({
    type: 'FeatureCollection',
    attribution: GEO_ATTRIBUTION,
    generatedAt: snapshot.data.generatedAt,
    features,
  });
  return { body, rows: features.length };
}

/** Records a release when the content differs from the dataset's last one. */
export async function recordRelease(db: Queryable, file: { dataset: string; sha256: string; rows: number; bytes: number }, now: Date) {
  if ((await lastReleaseSha256(db, file.dataset)) === file.sha256) return false;
  await insertRelease(db, file, now);
  return true;
}

export interface OpenDataOptions {
  /** The primary: each new release is recorded there. */
  db: Db;
  /** Where the files are built from (a replica, or `db`): a lagging copy only makes the file older. */
  readDb: Queryable;
  anonymize: (id: string) => string;
  geoDir: string;
  ttlMs: number;
  now: () => Date;
  /** Vouches for the audit checkpoint keys (audit-checkpoints.json). */
  vault?: Vault;
}

export class OpenDataBuilder {
  private cache = new Map<string, OpenDataFile>();
  private inflight = new Map<string, Promise<OpenDataFile>>();
  constructor(private readonly options: OpenDataOptions) {}

  invalidate() {
    this.cache.clear();
  }

  get(dataset: DatasetDefinition['id']): Promise<OpenDataFile> {
    const cached = this.cache.get(dataset);
    if (cached && Date.now() - cached.builtAt < this.options.ttlMs) return Promise.resolve(cached);
    const running = this.inflight.get(dataset);
    if (running) return running;
    const promise = this.build(dataset).finally(() => this.inflight.delete(dataset));
    this.inflight.set(dataset, promise);
    return promise;
  }

  private async build(dataset: DatasetDefinition['id']): Promise<OpenDataFile> {
    const { db, readDb } = this.options;
    const definition = DATASETS.find((d) => d.id === dataset)!;
    let body: Buffer;
    let rows: number;
    if (dataset === 'audit-checkpoints.json') {
      if (!this.options.vault) throw new Error('audit-checkpoints.json needs the vault');
      // The latest 1,000 (about 17 hours of activity): outsiders keep them; the endpoint serves the same.
      const document = await publicCheckpointDocument(readDb, this.options.vault, 1000);
      body = Buffer.from(JSON.stringify(document), 'utf8');
      rows = document.checkpoints.length;
    } else if (dataset === 'regions.geojson') {
      const geo = await buildRegionsGeoJson(readDb, this.options.geoDir);
      body = Buffer.from(geo.body, 'utf8');
      rows = geo.rows;
    } else {
      const records = await readCaseRecords(readDb, this.options.anonymize);
      body = dataset === 'cases.csv' ? Buffer.from(casesToCsv(records), 'utf8') : await casesToXlsx(records);
      rows = records.length;
    }
    const file: OpenDataFile = { dataset, body, sha256: sha256(body), rows, mediaType: definition.mediaType, builtAt: Date.now() };
    await recordRelease(db, { dataset, sha256: file.sha256, rows, bytes: body.length }, this.options.now());
    this.cache.set(dataset, file);
    return file;
  }
}

export async function openDataCatalogue(db: Queryable) {
  const [releases, counts] = [await latestReleases(db), await releaseCounts(db)];
  return {
    title: { id: 'Data terbuka Netra', en: 'Netra open data' },
    description: {
      id: 'Data perkara netralitas tanpa data pribadi: tidak ada nama, NIK, NIP, uraian, tempat rinci, atau kode lacak. Setiap berkas membawa header X-Content-SHA256 dan tercatat sebagai rilis.',
      en: 'Neutrality case data without personal data: no names, NIK, NIP, narrative, detailed places or tracking codes. Every file carries an X-Content-SHA256 header and is recorded as a release.',
    },
    datasets: DATASETS.map((d) => {
      const latest = releases.find((r) => r.dataset === d.id);
      return {
        ...d,
        releases: counts.find((c) => c.dataset === d.id)?.n ?? 0,
        latestRelease: latest
          ? {
              sha256: latest.sha256,
              rows: latest.row_count,
              bytes: latest.byte_count,
              createdAt: new Date(latest.created_at).toISOString(),
            }
          : null,
      };
    }),
  };
}
