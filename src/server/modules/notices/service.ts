// Recording a notice to the reporter. Called inside the transaction of the step it reports, so
// the notice and its mail job commit (or vanish) together with the step.
import type { Tx } from '../../db/client.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import type { NoticeText } from '../../../domain/cases/notices.ts';
import { insertNoticeRow } from './repository.ts';

/** Attempts per notice e-mail: with NOTICE_EMAIL_BACKOFF about four hours of retries (greylisting, relay outages). */
export const NOTICE_EMAIL_ATTEMPTS = 10;

/** 1, 2, 4, 8, 16, 32 minutes, then hourly. */
export const noticeEmailBackoffMs = (attempt: number) => Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));

/**
 * Adds a notice to a case. `email`: also e-mail it when the reporter gave an address (one job
 * per notice, retried with backoff; the delivery state is kept on the notice).
 */
export async function insertNotice(tx: Tx, notice: NoticeText & { caseId: string; at: Date; email: boolean }) {
  const row = await insertNoticeRow(tx, notice);
  if (row.emailState === 'queued') {
    await enqueueJob(
      tx,
      'notices.email',
      { noticeId: row.id },
      { dedupeKey: `notices.email:${row.id}`, maxAttempts: NOTICE_EMAIL_ATTEMPTS, runAfter: notice.at },
    );
  }
  return row;
}
