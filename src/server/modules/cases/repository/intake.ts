// Queries of public intake (laporan and informasi): idempotency keys, evidence uploads, the election
// on the event date, the case row and the reporter's sealed identity. Hot path (benchmarked): the
// statements stay raw SQL, one per step, as they were before they moved here.
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

/** Claims the key for this request; false when another request holds it already. */
export async function claimIdempotencyKey(tx: Tx, key: string, requestHash: string, sealedResponse: string): Promise<boolean> {
  const claimed = await tx.query(
    `INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [key, requestHash, sealedResponse],
  );
  return claimed.rows.length > 0;
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

/** The election whose stages (plus 90 days after the last) cover the date. */
export async function findElectionCovering(db: Queryable, date: string): Promise<string | null> {
  const elections = await db.query<{ id: string }>(
    `SELECT e.id FROM elections e JOIN election_stages s ON s.election_id = e.id
     GROUP BY e.id HAVING min(s.starts_on) <= $1 AND max(s.ends_on) + 90 >= $1 ORDER BY e.id LIMIT 1`,
    [date],
  );
  return elections.rows[0]?.id ?? null;
}

export async function listElectionStages(db: Queryable, electionId: string) {
  const stages = await db.query<Pick<Row<'election_stages'>, 'code' | 'starts_on' | 'ends_on'>>(
    'SELECT code, starts_on, ends_on FROM election_stages WHERE election_id = $1 ORDER BY sort_order',
    [electionId],
  );
  return stages.rows;
}

/** Serialises the intake of one reporter (keyed NIK hash) until the transaction ends. */
export async function lockReporter(tx: Tx, nikMac: string) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reporter:${nikMac}`]);
}

export interface LaporanCaseRow {
  id: string;
  trackingCode: string;
  pinHash: string;
  officeCode: string;
  regionCode: string;
  place: string;
  eventDate: string;
  knownDate: string;
  receivedAt: Date;
  electionId: string | null;
  stageCode: string | null;
  regimeId: string;
  title: string;
  narrative: string;
  acts: string[];
  evidenceUrls: string[];
  late: boolean;
  proposedReason: string | null;
  language: 'id' | 'en';
  searchText: string;
}

export async function insertLaporanCase(tx: Tx, c: LaporanCaseRow) {
  await tx.query(
    `INSERT INTO cases (id, kind, tracking_code, pin_hash, state, source, office_code, event_region_code, event_place,
       event_date, known_date, received_at, election_id, stage_code, regime_id, title, narrative, acts, evidence_urls,
       is_late, proposed_reason, reporter_language, search)
     VALUES ($1, 'laporan', $2, $3, 'diterima', 'publik', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
       to_tsvector('indonesian', $20))`,
    [
      c.id,
      c.trackingCode,
      c.pinHash,
      c.officeCode,
      c.regionCode,
      c.place,
      c.eventDate,
      c.knownDate,
      c.receivedAt,
      c.electionId,
      c.stageCode,
      c.regimeId,
      c.title,
      c.narrative,
      c.acts,
      c.evidenceUrls,
      c.late,
      c.proposedReason,
      c.language,
      c.searchText,
    ],
  );
}

export interface ReporterIdentityRow {
  caseId: string;
  ciphertext: string;
  keyId: string;
  category: string;
  nikMac: string;
  createdAt: Date;
  hasEmail: boolean;
}

/**
 * Stores the sealed identity only while the reporter has fewer than `limit` reports since `since`;
 * false when the limit is reached. Run it after lockReporter: this statement's snapshot is taken
 * once the lock is held, so it counts every report of the same reporter committed before.
 */
export async function insertReporterIdentityUnderLimit(tx: Tx, r: ReporterIdentityRow, since: Date, limit: number): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO reporter_identities (case_id, ciphertext, key_id, category, nik_mac, created_at, has_email)
     SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::timestamptz, $7::boolean
     WHERE (SELECT count(*) FROM reporter_identities WHERE nik_mac = $5 AND created_at > $8::timestamptz) < $9::int
     RETURNING case_id`,
    [r.caseId, r.ciphertext, r.keyId, r.category, r.nikMac, r.createdAt, r.hasEmail, since, limit],
  );
  return inserted.rows.length > 0;
}

export interface InformasiCaseRow {
  id: string;
  code: string;
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
  foldKey: string;
  searchText: string;
}

export async function insertInformasiCase(tx: Tx, c: InformasiCaseRow) {
  await tx.query(
    `INSERT INTO cases (id, kind, tracking_code, state, source, office_code, event_region_code, event_place, event_date, known_date,
       received_at, regime_id, title, narrative, acts, evidence_urls, fold_key, search)
     VALUES ($1, 'temuan', $2, 'informasi_awal', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, to_tsvector('indonesian', $16))`,
    [
      c.id,
      c.code,
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
      c.foldKey,
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
