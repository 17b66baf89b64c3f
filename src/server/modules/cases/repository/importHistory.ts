// Queries of the case-history import: region names for the sheet's "Wilayah" column, cases by
// registration number, and the bulk writes (unnest: one statement per chunk of rows).
import type { Queryable, Tx } from '../../../db/client.ts';

/** Provinces and kabupaten/kota with their search names, and their aliases. */
export async function listImportRegions(db: Queryable) {
  const regions = await db.query<{ code: string; name: string; search_name: string }>(
    `SELECT code, name, search_name FROM regions WHERE level IN ('provinsi', 'kabupaten', 'kota')`,
  );
  const aliases = await db.query<{ search_alias: string; code: string }>(
    `SELECT a.search_alias, a.code FROM region_aliases a JOIN regions r ON r.code = a.code WHERE r.level IN ('provinsi', 'kabupaten', 'kota')`,
  );
  return { regions: regions.rows, aliases: aliases.rows };
}

export interface NumberedCaseRow {
  id: string;
  registration_number: string;
  office_code: string;
  imported: boolean;
  row_hash: string | null;
}

/** Cases holding any of the registration numbers; for imported ones, the hash of the row they came from. */
export async function findCasesByRegistrationNumber(db: Queryable, numbers: string[]): Promise<NumberedCaseRow[]> {
  const existing = await db.query<NumberedCaseRow>(
    `SELECT id, registration_number, office_code, imported_from IS NOT NULL AS imported, imported_from->>'rowHash' AS row_hash
     FROM cases WHERE registration_number = ANY($1::text[])`,
    [numbers],
  );
  return existing.rows;
}

/** The case columns an imported row sets. */
export interface ImportedCaseColumns {
  id: string;
  kind: string;
  state: string;
  officeCode: string;
  regionCode: string;
  knownDate: string;
  receivedAt: Date;
  regimeId: string;
  title: string;
  narrative: string;
  acts: string[];
  registrationNumber: string;
  registeredAt: Date | null;
  classification: string | null;
  summary: string | null;
  /** JSON text of the import's provenance (cases.imported_from). */
  importedFrom: string;
  searchText: string;
}

/** Rewrites an imported case from its edited row; its terlapor are written again after. */
export async function updateImportedCase(tx: Tx, c: ImportedCaseColumns, at: Date) {
  await tx.query(
    `UPDATE cases SET kind = $2, state = $3, event_region_code = $4, known_date = $5, received_at = $6, regime_id = $7, title = $8,
       narrative = $9, acts = $10, registered_at = $11, classification = $12, decision_summary = $13, imported_from = $14,
       search = to_tsvector('indonesian', $15), updated_at = $16 WHERE id = $1`,
    [
      c.id,
      c.kind,
      c.state,
      c.regionCode,
      c.knownDate,
      c.receivedAt,
      c.regimeId,
      c.title,
      c.narrative,
      c.acts,
      c.registeredAt,
      c.classification,
      c.summary,
      c.importedFrom,
      c.searchText,
      at,
    ],
  );
  await tx.query('DELETE FROM case_terlapor WHERE case_id = $1', [c.id]);
}

export async function insertImportedCases(tx: Tx, fresh: ImportedCaseColumns[], createdBy: string | null, at: Date) {
  await tx.query(
    `INSERT INTO cases (id, kind, state, source, office_code, event_region_code, known_date, received_at, regime_id, title, narrative,
       acts, registration_number, registered_at, classification, decision_summary, created_by, imported_from, search, created_at, updated_at)
     SELECT x.id, x.kind, x.state, 'impor', x.office, x.region, x.known::date, x.received, x.regime, x.title, x.narrative,
       ARRAY(SELECT jsonb_array_elements_text(x.acts)), x.number, x.registered, x.classification, x.summary, $17, x.imported,
       to_tsvector('indonesian', x.search), $18, $18
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],
       $10::text[], $11::jsonb[], $12::text[], $13::timestamptz[], $14::text[], $15::text[], $16::jsonb[], $19::text[])
       AS x(id, kind, state, office, region, known, received, regime, title, narrative, acts, number, registered, classification, summary, imported, search)`,
    [
      fresh.map((c) => c.id),
      fresh.map((c) => c.kind),
      fresh.map((c) => c.state),
      fresh.map((c) => c.officeCode),
      fresh.map((c) => c.regionCode),
      fresh.map((c) => c.knownDate),
      fresh.map((c) => c.receivedAt),
      fresh.map((c) => c.regimeId),
      fresh.map((c) => c.title),
      fresh.map((c) => c.narrative),
      fresh.map((c) => JSON.stringify(c.acts)),
      fresh.map((c) => c.registrationNumber),
      fresh.map((c) => c.registeredAt),
      fresh.map((c) => c.classification),
      fresh.map((c) => c.summary),
      fresh.map((c) => c.importedFrom),
      createdBy,
      at,
      fresh.map((c) => c.searchText),
    ],
  );
}

export interface ImportedTerlapor {
  caseId: string;
  name: string;
  position: string;
  agency: string;
  subjectType: string;
  regionCode: string;
  searchName: string;
}

export async function insertImportedTerlapor(tx: Tx, list: ImportedTerlapor[]) {
  await tx.query(
    `INSERT INTO case_terlapor (case_id, name, nip, position, agency, subject_type, region_code, search_name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [
      list.map((t) => t.caseId),
      list.map((t) => t.name),
      list.map(() => null),
      list.map((t) => t.position),
      list.map((t) => t.agency),
      list.map((t) => t.subjectType),
      list.map((t) => t.regionCode),
      list.map((t) => t.searchName),
    ],
  );
}

/** One 'impor_riwayat' event per imported case; `data` is JSON text. */
export async function insertImportEvents(
  tx: Tx,
  events: { caseId: string; state: string; data: string }[],
  at: Date,
  actorId: string | null,
) {
  await tx.query(
    `INSERT INTO case_events (case_id, occurred_at, action, from_state, to_state, actor_id, public_note, data)
     SELECT x.id, $4, 'impor_riwayat', NULL, x.state, $5, 'Diimpor dari rekap kantor (riwayat)', x.data
     FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS x(id, state, data)`,
    [events.map((e) => e.caseId), events.map((e) => e.state), events.map((e) => e.data), at, actorId],
  );
}
