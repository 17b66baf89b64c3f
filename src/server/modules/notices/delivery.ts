// The mail job: one notice, one message, in the reporter's language. At-least-once (a crash
// between the relay's 250 and the state update sends it again, with the same Message-ID).
// SMTP 4xx and lost connections are retried with backoff ('retrying'); a 5xx, or the last
// attempt, leaves the notice 'failed' with the relay's answer for staff to see.
import { z } from 'zod';
import { defineJob, type JobRegistry } from '../../jobs/worker.ts';
import { PermanentJobError } from '../../jobs/queue.ts';
import { describeMailError, isPermanentMailError, type Mailer } from '../../platform/mailer.ts';
import type { Vault } from '../../platform/vault.ts';
import { renderNoticeEmail } from '../../../domain/cases/noticeEmail.ts';
import { findNoticeForEmail, recordNoticeEmail } from './repository.ts';
import { noticeEmailBackoffMs } from './service.ts';

/** The part of the sealed reporter identity the mail job needs. */
const identityEmail = z.object({ email: z.string().nullish() });

export interface NoticeMailDeps {
  vault: Vault;
  mailer: Mailer;
  from: string;
  publicUrl: string;
}

export function noticeJobs(deps: NoticeMailDeps): JobRegistry {
  return {
    'notices.email': defineJob({
      payload: z.object({ noticeId: z.number().int().positive() }),
      backoffMs: noticeEmailBackoffMs,
      handler: async ({ noticeId }, ctx) => {
        const notice = await findNoticeForEmail(ctx.db, noticeId);
        if (!notice || notice.email_state === 'sent' || notice.email_state === 'none' || notice.email_state === 'failed') {
          return { skipped: notice?.email_state ?? 'missing' };
        }
        const identity = notice.ciphertext ? identityEmail.parse(JSON.parse(deps.vault.decrypt(notice.ciphertext))) : null;
        const to = identity?.email?.trim();
        if (!to) {
          await recordNoticeEmail(ctx.db, noticeId, { state: 'none', attempts: notice.email_attempts, error: null, at: ctx.now });
          return { skipped: 'no address' };
        }
        const language = notice.reporter_language === 'en' ? 'en' : 'id';
        const email = renderNoticeEmail({
          language,
          title: notice.title,
          body: notice.body,
          trackingCode: notice.tracking_code,
          publicUrl: deps.publicUrl,
          en: notice.title_en && notice.body_en ? { title: notice.title_en, body: notice.body_en } : null,
        });
        const host = new URL(deps.publicUrl).hostname || 'netra.local';
        const attempts = notice.email_attempts + 1;
        try {
          const sent = await deps.mailer.send({
            to,
            from: deps.from,
            language,
            ...email,
            messageId: `<notice-${noticeId}.${notice.case_id}@${host}>`,
            fileName: `notice-${noticeId}.eml`,
          });
          await recordNoticeEmail(ctx.db, noticeId, { state: 'sent', attempts, error: null, at: ctx.now });
          return { sent: true, via: deps.mailer.kind, response: sent.response.slice(0, 200) };
        } catch (error) {
          const permanent = isPermanentMailError(error);
          const last = ctx.job.attempts >= ctx.job.max_attempts;
          const message = describeMailError(error);
          await recordNoticeEmail(ctx.db, noticeId, {
            state: permanent || last ? 'failed' : 'retrying',
            attempts,
            error: message,
            at: ctx.now,
          });
          throw permanent ? new PermanentJobError(message) : new Error(message);
        }
      },
    }),
  };
}
