// Notice mail throughput of one worker's transport: sequential messages (as the worker sends
// them, one job at a time, a new connection per message) to a real SMTP server on loopback, over
// STARTTLS and over plain SMTP, with a connection pool (`pool=true` in NETRA_SMTP_URL), beside writing the same messages to the .eml drop folder.
// Run: node --import tsx bench/mail-smtp.ts [count]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../test/support/smtpRelay.ts';
import { createMailer } from '../src/server/platform/mailer.ts';
import { renderNoticeEmail } from '../src/domain/cases/noticeEmail.ts';

const count = Number(process.argv[2] ?? 200);
const relay = await startRelay();
const outbox = mkdtempSync(join(tmpdir(), 'netra-bench-outbox-'));
const text = renderNoticeEmail({
  language: 'id',
  title: 'Laporan NTR-AB12-CD34 diterima',
  body: 'Laporan Anda telah diterima oleh Bawaslu Kabupaten Ogan Komering Ilir dan sedang dalam kajian awal (pemeriksaan syarat formil dan materiil).',
  trackingCode: 'NTR-AB12-CD34',
  publicUrl: 'https://netra.bawaslu.go.id',
});
const variants = {
  'smtp + STARTTLS': `smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false`,
  'smtp (no TLS)': `smtp://127.0.0.1:${relay.port}/?ignoreTLS=true`,
  'STARTTLS, pooled': `smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false&pool=true`,
  '.eml drop folder': undefined,
};
for (const [label, smtpUrl] of Object.entries(variants)) {
  const mailer = createMailer({ smtpUrl, outbox });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await mailer.send({
      to: `pelapor${i}@example.id`,
      from: 'Netra <noreply@netra.bawaslu.go.id>',
      language: 'id',
      ...text,
      messageId: `<bench-${i}@netra>`,
      fileName: `bench-${i}.eml`,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  mailer.close();
  console.log(`${label.padEnd(18)} ${count} messages in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} /s`);
}
await relay.close();
rmSync(outbox, { recursive: true, force: true });
