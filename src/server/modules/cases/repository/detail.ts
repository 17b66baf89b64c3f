// Queries of the staff view of one case: its timeline, evidence files and the sealed identity.
import type { Queryable } from '../../../db/client.ts';
import type { Row } from '../../../db/kysely.ts';

export type CaseEventRow = Pick<
  Row<'case_events'>,
  'occurred_at' | 'recorded_at' | 'action' | 'from_state' | 'to_state' | 'actor_id' | 'public_note' | 'internal_note' | 'data'
>;

export async function listCaseEvents(db: Queryable, caseId: string): Promise<CaseEventRow[]> {
  const events = await db.query<CaseEventRow>(
    'SELECT occurred_at, recorded_at, action, from_state, to_state, actor_id, public_note, internal_note, data FROM case_events WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  return events.rows;
}

export interface CaseEvidenceRow {
  sha256: string;
  original_name: string;
  mime_type: string;
  size_bytes: number;
}

export async function listCaseEvidence(db: Queryable, caseId: string): Promise<CaseEvidenceRow[]> {
  const evidence = await db.query<CaseEvidenceRow>(
    'SELECT e.sha256, e.original_name, f.mime_type, f.size_bytes FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.case_id = $1 ORDER BY e.id',
    [caseId],
  );
  return evidence.rows;
}

/** The reporter's sealed identity (null for temuan and imported cases). */
export async function findReporterCiphertext(db: Queryable, caseId: string): Promise<string | null> {
  const row = await db.query<{ ciphertext: string }>('SELECT ciphertext FROM reporter_identities WHERE case_id = $1', [caseId]);
  return row.rows[0]?.ciphertext ?? null;
}
