// Queries of public intake (laporan and informasi): idempotency keys, evidence uploads, the informasi
// case row and its fold target. Hot path (benchmarked): raw SQL. The laporan's registering
// statements are in repository/laporan.ts.
import type { Queryable, Tx } from '../../../db/client.ts';
import type { Row } from '../../../db/kysely.ts';

export async function findIdempotencyKey(
  db: Queryable,
  key: string,
): Promise<Pick<Row<'idempotency_keys'>, 'request_hash' | 'response'> | null> {
  const found = await db.query<Pick<Row<'idempotency_keys'>, 'request_hash' | 'response'>>(
    'SELECT request_hash, response FROM idempotency_keys WHERE key = $1',
    [key],
  );
  return found.rows[0] ?? null;
}

/** The ids among `ids` that have an upload row. */
export async function existingUploadIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  const found = await db.query<{ id: string }>('SELECT id, case_id FROM uploads WHERE id = ANY($1::text[])', [ids]);
  return new Set(found.rows.map((u) => u.id));
}

/** Binds an upload to the case (or finds it already bound to it); null if another case owns it. */
export async function claimUpload(tx: Tx, uploadId: string, caseId: string): Promise<{ sha256: string; original_name: string } | null> {
  const upload = await tx.query<{ sha256: string; original_name: string }>(
    'UPDATE uploads SET case_id = $2 WHERE id = $1 AND (case_id IS NULL OR case_id = $2) RETURNING sha256, original_name',
    [uploadId, caseId],
  );
  return upload.rows[0] ?? null;
}

export async function insertCaseEvidence(tx: Tx, caseId: string, file: { sha256: string; original_name: string }, at: Date) {
  await tx.query('INSERT INTO case_evidence (case_id, sha256, original_name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
    caseId,
    file.sha256,
    file.original_name,
    at,
  ]);
}

/**
 * A temuan in state informasi_awal: public informasi (with its tracking code and fold key) or one
 * staff create from a lead or by hand (with its creator). One INSERT serves both.
 */
export interface InformasiCaseRow {
  id: string;
  /** Public informasi: the tracking code given to the sender. */
  code?: string;
  source: string;
  officeCode: string;
  regionCode: string;
  place: string;
  eventDate: string;
  knownDate: string;
  receivedAt: Date;
  regimeId: string;
  title: string;
  narrative: string;
  acts: string[];
  evidenceUrls: string[];
  /** Public informasi: the key near-copies are folded by. */
  foldKey?: string;
  /** Staff-created: who made it. */
  createdBy?: string;
  searchText: string;
}

export async function insertInformasiCase(tx: Tx, c: InformasiCaseRow) {
  await tx.query(
    `INSERT INTO cases (id, kind, tracking_code, state, source, office_code, event_region_code, event_place, event_date, known_date,
       received_at, regime_id, title, narrative, acts, evidence_urls, fold_key, created_by, search)
     VALUES ($1, 'temuan', $2, 'informasi_awal', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, to_tsvector('indonesian', $17))`,
    [
      c.id,
      c.code ?? null,
      c.source,
      c.officeCode,
      c.regionCode,
      c.place,
      c.eventDate,
      c.knownDate,
      c.receivedAt,
      c.regimeId,
      c.title,
      c.narrative,
      c.acts,
      c.evidenceUrls,
      c.foldKey ?? null,
      c.createdBy ?? null,
      c.searchText,
    ],
  );
}

/** Serialises public informasi for one region, so two copies sent at once cannot both be "first". */
export async function lockInformasiRegion(tx: Tx, regionCode: string) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`informasi:${regionCode}`]);
}

/** The first public informasi in the region since `since` whose fold key is similar enough. */
export async function findFoldTarget(
  tx: Tx,
  q: { source: string; regionCode: string; since: Date; foldKey: string; similarity: number },
): Promise<{ id: string; tracking_code: string; state: string } | null> {
  const earlier = await tx.query<{ id: string; tracking_code: string; state: string }>(
    `SELECT id, tracking_code, state FROM cases
     WHERE source = $1 AND event_region_code = $2 AND received_at > $3 AND fold_key IS NOT NULL AND similarity(fold_key, $4) >= $5
     ORDER BY received_at LIMIT 1`,
    [q.source, q.regionCode, q.since, q.foldKey, q.similarity],
  );
  return earlier.rows[0] ?? null;
}
