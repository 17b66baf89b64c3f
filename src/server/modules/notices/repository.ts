// Queries for notices to the reporter: insertion, the mail job's read and state updates, and the
// staff view with delivery state.
import type { Queryable, Tx } from '../../db/client.ts';
import { execute, qb } from '../../db/kysely.ts';

export type NoticeEmailState = 'none' | 'queued' | 'retrying' | 'sent' | 'failed';

/**
 * Inserts a notice; with `email` it is queued for mail only when the reporter gave an address
 * (`has_email`, or unknown for reports filed before that was recorded). Returns its id and state.
 */
export async function insertNoticeRow(
  tx: Tx,
  notice: { caseId: string; at: Date; kind: string; title: string; body: string; en?: { title: string; body: string }; email: boolean },
) {
  const result = await tx.query<{ id: number; email_state: NoticeEmailState }>(
    `INSERT INTO notices (case_id, created_at, kind, title, body, title_en, body_en, email_state)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
       CASE WHEN $8::boolean AND EXISTS (SELECT 1 FROM reporter_identities r WHERE r.case_id = $1 AND r.has_email IS NOT FALSE)
            THEN 'queued' ELSE 'none' END)
     RETURNING id, email_state`,
    [notice.caseId, notice.at, notice.kind, notice.title, notice.body, notice.en?.title ?? null, notice.en?.body ?? null, notice.email],
  );
  return { id: Number(result.rows[0].id), emailState: result.rows[0].email_state };
}

export interface NoticeForEmail {
  id: number;
  case_id: string;
  title: string;
  body: string;
  title_en: string | null;
  body_en: string | null;
  email_state: NoticeEmailState;
  email_attempts: number;
  reporter_language: string;
  tracking_code: string | null;
  ciphertext: string | null;
}

export async function findNoticeForEmail(db: Queryable, noticeId: number): Promise<NoticeForEmail | null> {
  const result = await db.query<NoticeForEmail>(
    `SELECT n.id, n.case_id, n.title, n.body, n.title_en, n.body_en, n.email_state, n.email_attempts,
            c.reporter_language, c.tracking_code, r.ciphertext
     FROM notices n JOIN cases c ON c.id = n.case_id LEFT JOIN reporter_identities r ON r.case_id = n.case_id
     WHERE n.id = $1`,
    [noticeId],
  );
  return result.rows[0] ?? null;
}

export async function recordNoticeEmail(
  db: Queryable,
  noticeId: number,
  update: { state: NoticeEmailState; attempts: number; error: string | null; at: Date },
) {
  await execute(
    db,
    qb
      .updateTable('notices')
      .set({ email_state: update.state, email_attempts: update.attempts, email_last_error: update.error, email_updated_at: update.at })
      .where('id', '=', noticeId),
  );
}

export interface NoticeRow {
  id: number;
  created_at: Date;
  kind: string;
  title: string;
  body: string;
  email_state: NoticeEmailState;
  email_attempts: number;
  email_last_error: string | null;
  email_updated_at: Date | null;
}

export async function listNoticesOfCase(db: Queryable, caseId: string): Promise<NoticeRow[]> {
  return (
    await db.query<NoticeRow>(
      `SELECT id, created_at, kind, title, body, email_state, email_attempts, email_last_error, email_updated_at
     FROM notices WHERE case_id = $1 ORDER BY id`,
      [caseId],
    )
  ).rows;
}

/** What the reporter sees on the tracking page: the notice in Indonesian and, where written, English. */
export async function listNoticesForReporter(db: Queryable, caseId: string) {
  return (
    await db.query<{ created_at: Date; kind: string; title: string; body: string; title_en: string | null; body_en: string | null }>(
      'SELECT created_at, kind, title, body, title_en, body_en FROM notices WHERE case_id = $1 ORDER BY id',
      [caseId],
    )
  ).rows;
}
