// Notice e-mails to reporters who gave an address. Without an SMTP relay configured, messages
// are written as .eml files to <data dir>/outbox (a drop folder an MTA or an operator can pick
// up); the notice row records the delivery state either way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';
import type { Vault } from './vault.ts';

function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
}

export async function deliverQueuedNoticeEmails(db: Db, vault: Vault, outbox: string, now: Date): Promise<{ sent: number; failed: number }> {
  const queued = await db.query<{ id: number; case_id: string; title: string; body: string; ciphertext: string | null }>(
    `SELECT n.id, n.case_id, n.title, n.body, r.ciphertext FROM notices n LEFT JOIN reporter_identities r ON r.case_id = n.case_id
     WHERE n.email_state = 'queued' ORDER BY n.id LIMIT 200`);
  mkdirSync(outbox, { recursive: true });
  let sent = 0;
  let failed = 0;
  for (const notice of queued.rows) {
    let state: 'sent' | 'failed' = 'failed';
    try {
      const email = notice.ciphertext ? (JSON.parse(vault.decrypt(notice.ciphertext)).email as string | undefined) : undefined;
      if (email) {
        const message = [
          `To: ${email}`, 'From: Netra <noreply@netra.local>', `Subject: ${encodeHeader(notice.title)}`, `Date: ${now.toUTCString()}`,
          'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', notice.body, '',
          'Pesan ini dikirim otomatis oleh Netra. Lacak laporan Anda dengan kode dan PIN pada tanda bukti.',
        ].join('\r\n');
        writeFileSync(join(outbox, `notice-${notice.id}.eml`), message, { mode: 0o600 });
        state = 'sent';
      }
    } catch {
      state = 'failed';
    }
    await db.query('UPDATE notices SET email_state = $2 WHERE id = $1', [notice.id, state]);
    if (state === 'sent') sent++; else failed++;
  }
  return { sent, failed };
}
