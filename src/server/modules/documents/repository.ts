// Queries for case documents: what a document prints beyond the case row (cases module).
import type { Queryable } from '../../db/client.ts';

export async function regionNameOf(db: Queryable, code: string): Promise<string | null> {
  return (await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code])).rows[0]?.name ?? null;
}

export async function caseEventsOf(db: Queryable, caseId: string) {
  return (
    await db.query<{
      occurred_at: Date;
      action: string;
      to_state: string;
      public_note: string | null;
      data: Record<string, unknown> | null;
    }>('SELECT occurred_at, action, to_state, public_note, data FROM case_events WHERE case_id = $1 ORDER BY id', [caseId])
  ).rows;
}

export async function caseEvidenceFilesOf(db: Queryable, caseId: string) {
  return (
    await db.query<{ sha256: string; original_name: string; mime_type: string; size_bytes: number }>(
      'SELECT e.sha256, e.original_name, f.mime_type, f.size_bytes FROM case_evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.case_id = $1 ORDER BY e.id',
      [caseId],
    )
  ).rows;
}

/** The completion request's reason is kept in the audit record of the action (case_events holds the notice title only). */
export async function lastCompletionRequestReason(db: Queryable, caseId: string): Promise<string | null> {
  const result = await db.query<{ occurred_at: Date; data: { reason?: string } | null }>(
    `SELECT occurred_at, data FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action = 'case.minta_kelengkapan' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return result.rows[0]?.data?.reason ?? null;
}

export async function electionStagesOf(db: Queryable, electionId: string) {
  return (
    await db.query<{ code: string; starts_on: string }>(
      'SELECT code, starts_on FROM election_stages WHERE election_id = $1 ORDER BY sort_order',
      [electionId],
    )
  ).rows;
}

/** The reporter's encrypted identity (vault ciphertext), or null for a case without one. */
export async function reporterCiphertextOf(db: Queryable, caseId: string): Promise<string | null> {
  return (
    (await db.query<{ ciphertext: string }>('SELECT ciphertext FROM reporter_identities WHERE case_id = $1', [caseId])).rows[0]
      ?.ciphertext ?? null
  );
}
