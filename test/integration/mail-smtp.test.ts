// Notices e-mailed through a real SMTP server (the `smtp-server` package, listening on loopback,
// STARTTLS required and SMTPS with AUTH): what arrives is parsed back (multipart/alternative, the
// text part, the reporter's language); a relay answering 4xx is retried with backoff until it
// accepts; a 5xx leaves the notice failed and visible to staff on the case page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachBackend } from '../support/backends.ts';
import { startRelay } from '../support/smtpRelay.ts';
import { buildTestApp, buildUser, signIn, testVault, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { createContext, createJobRegistry } from '../../src/server/context.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createMailer } from '../../src/server/platform/mailer.ts';

let clock = new Date('2024-10-10T03:00:00Z');

describeEachBackend('notice mail through SMTP', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  before(async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    app = await buildTestApp(ctx().db, { now: () => clock });
    const user = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    oki = await signIn(app, user.username, user.password);
    relay = await startRelay();
  });
  after(async () => {
    await app.close();
    await relay.close();
  });

  const config = (smtpUrl: string) =>
    loadConfig(
      { NETRA_LOG_LEVEL: 'silent', NETRA_SMTP_URL: smtpUrl, NETRA_PUBLIC_URL: 'https://netra.bawaslu.example' } as NodeJS.ProcessEnv,
      { dataDir: mkdtempSync(join(tmpdir(), 'netra-mail-')) },
    );
  async function drain(smtpUrl: string) {
    const worker = startWorker(
      ctx().db,
      createJobRegistry(createContext({ db: ctx().db, config: config(smtpUrl), vault: testVault(app) })),
      {
        autoStart: false,
        now: () => clock,
      },
    );
    while (await worker.runOnce());
    await worker.stop();
  }
  const file = async (email: string | undefined, language: 'id' | 'en' = 'id') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: buildLaporanInput({ pelapor: { email } }),
      headers: { 'accept-language': language },
    });
    assert.equal(res.statusCode, 201, res.body);
    const caseId = (await ctx().db.query<{ id: string }>('SELECT id FROM cases WHERE tracking_code = $1', [res.json().trackingCode]))
      .rows[0].id;
    return { trackingCode: res.json().trackingCode as string, pin: res.json().pin as string, caseId };
  };
  const notices = async (caseId: string) =>
    (await oki.request({ url: `/api/v1/cases/${caseId}` })).json().notices as {
      kind: string;
      emailState: string;
      emailAttempts: number;
      emailLastError: string | null;
    }[];
  const mailTo = (address: string) => relay.arrived.filter((m) => m.to.includes(address));

  test("receipts arrive over STARTTLS as multipart/alternative in the reporter's language; no address, no mail", async () => {
    const indonesian = await file('pelapor@example.id');
    const english = await file('reporter@example.org', 'en');
    const silent = await file(undefined);
    assert.equal((await notices(silent.caseId))[0].emailState, 'none');
    assert.equal((await notices(indonesian.caseId))[0].emailState, 'queued');
    await drain(`smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false`);

    const [id] = mailTo('pelapor@example.id');
    assert.ok(id, 'the Indonesian receipt arrived');
    assert.equal(id.secure, true, 'upgraded with STARTTLS');
    const raw = id.raw.toString('utf8');
    assert.match(raw, /Content-Type: multipart\/alternative/i);
    assert.match(raw, /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: (quoted-printable|7bit|base64)/i);
    assert.match(raw, /Content-Language: id/);
    const parsed = await simpleParser(id.raw);
    assert.equal(parsed.subject, `Laporan ${indonesian.trackingCode} diterima`);
    assert.match(parsed.text ?? '', /Laporan Anda telah diterima oleh Bawaslu Kabupaten Ogan Komering Ilir/);
    assert.match(parsed.text ?? '', /https:\/\/netra\.bawaslu\.example\/lacak/);
    assert.match(String(parsed.html), /<html lang="id">/);
    assert.equal(
      parsed.messageId,
      `<notice-${(await ctx().db.query<{ id: string }>('SELECT id FROM notices WHERE case_id = $1', [indonesian.caseId])).rows[0].id}.${indonesian.caseId}@netra.bawaslu.example>`,
    );

    const [en] = mailTo('reporter@example.org');
    const parsedEn = await simpleParser(en.raw);
    assert.equal(parsedEn.subject, `Report ${english.trackingCode} received`);
    assert.match(parsedEn.text ?? '', /Your report has been received by Bawaslu Kabupaten Ogan Komering Ilir/);
    assert.match(parsedEn.text ?? '', /Never share the PIN/);
    assert.equal(parsedEn.headers.get('content-language'), 'en');
    // The tracking page has the English wording too.
    const tracked = (
      await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: english.trackingCode, pin: english.pin } })
    ).json();
    assert.equal(tracked.notices[0].en.title, `Report ${english.trackingCode} received`);
    assert.ok((parsedEn.text ?? '').includes(tracked.notices[0].en.body), 'the e-mail carries the same English text');
    assert.equal(tracked.notices[0].title, `Laporan ${english.trackingCode} diterima`, 'the Indonesian stays the record');
    const state = (await notices(english.caseId))[0];
    assert.deepEqual([state.emailState, state.emailAttempts, state.emailLastError], ['sent', 1, null]);

    // A status step e-mails the reporter too, in their language (non-ASCII text survives the transfer encoding).
    const act = await oki.request({
      method: 'POST',
      url: `/api/v1/cases/${english.caseId}/actions`,
      payload: { action: 'minta_kelengkapan', reason: 'Lengkapi foto kegiatan – dan nama saksi kedua.' },
    });
    assert.equal(act.statusCode, 200, act.body);
    await drain(`smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false`);
    const step = await simpleParser(mailTo('reporter@example.org')[1].raw);
    assert.equal(step.subject, `Report ${english.trackingCode}: completion requested`);
    assert.match(step.text ?? '', /Complete it within 2×24 hours \(until .+\): Lengkapi foto kegiatan – dan nama saksi kedua\./);
    assert.equal(mailTo('reporter@example.org').length, 2, 'each notice sent once');
  });

  test('a relay answering 4xx is retried with backoff until it accepts; one that never does leaves the notice failed', async () => {
    const grey = await file('greylist@example.id');
    const down = await file('down@example.id');
    await ctx().db.query(
      `UPDATE jobs SET max_attempts = 2 WHERE name = 'notices.email' AND payload->>'noticeId' = (SELECT id::text FROM notices WHERE case_id = $1)`,
      [down.caseId],
    );
    const url = `smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false`;
    await drain(url);
    let state = (await notices(grey.caseId))[0];
    assert.equal(state.emailState, 'retrying');
    assert.equal(state.emailAttempts, 1);
    assert.match(state.emailLastError ?? '', /451/);
    const job = (
      await ctx().db.query<{ state: string; run_after: Date }>(
        `SELECT state, run_after FROM jobs WHERE name = 'notices.email' AND payload->>'noticeId' = (SELECT id::text FROM notices WHERE case_id = $1)`,
        [grey.caseId],
      )
    ).rows[0];
    assert.equal(job.state, 'failed');
    assert.equal(new Date(job.run_after).getTime() - clock.getTime(), 60_000, 'first retry after a minute');

    await drain(url);
    assert.equal(relay.tries.get('greylist@example.id'), 1, 'not retried before the backoff has passed');
    clock = new Date(clock.getTime() + 61_000);
    await drain(url);
    state = (await notices(grey.caseId))[0];
    assert.deepEqual([state.emailState, state.emailAttempts], ['retrying', 2]);
    assert.equal((await notices(down.caseId))[0].emailState, 'failed', 'out of attempts');
    clock = new Date(clock.getTime() + 121_000);
    await drain(url);
    state = (await notices(grey.caseId))[0];
    assert.deepEqual([state.emailState, state.emailAttempts, state.emailLastError], ['sent', 3, null]);
    assert.equal(mailTo('greylist@example.id').length, 1);
    const failed = (await notices(down.caseId))[0];
    assert.deepEqual([failed.emailState, failed.emailAttempts], ['failed', 2]);
    assert.match(failed.emailLastError ?? '', /451 4\.7\.1 <\[alamat pelapor\]>: Greylisted/);
  });

  test("a 5xx refusal is final: the notice is failed at once and staff see the relay's answer", async () => {
    const refused = await file('refuse@example.id');
    await drain(`smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false`);
    const [notice] = await notices(refused.caseId);
    assert.deepEqual([notice.emailState, notice.emailAttempts], ['failed', 1]);
    assert.match(notice.emailLastError ?? '', /550 5\.1\.1 <\[alamat pelapor\]>: Recipient address rejected: Mailbox does not exist/);
    // The relay quoted the address; staff must not learn the reporter's identity from it, nor may the job row keep it.
    assert.doesNotMatch(JSON.stringify(await notices(refused.caseId)), /refuse@example\.id/);
    const job = (
      await ctx().db.query<{ state: string; attempts: number }>(
        `SELECT state, attempts FROM jobs WHERE name = 'notices.email' AND payload->>'noticeId' = (SELECT id::text FROM notices WHERE case_id = $1)`,
        [refused.caseId],
      )
    ).rows[0];
    assert.deepEqual([job.state, job.attempts], ['dead', 1], 'not retried');
    assert.doesNotMatch(
      String(
        (
          await ctx().db.query<{ last_error: string }>(
            `SELECT last_error FROM jobs WHERE name = 'notices.email' AND payload->>'noticeId' = (SELECT id::text FROM notices WHERE case_id = $1)`,
            [refused.caseId],
          )
        ).rows[0].last_error,
      ),
      /refuse@example\.id/,
    );
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    await drain(`smtp://127.0.0.1:${relay.port}/?requireTLS=true&tls.rejectUnauthorized=false`);
    assert.equal(relay.tries.get('refuse@example.id'), 1);
  });

  test('SMTPS with AUTH from the URL; without NETRA_SMTP_URL the same MIME message lands in the outbox', async () => {
    const tls = await startRelay({ secure: true });
    try {
      const mailer = createMailer({
        smtpUrl: `smtps://netra:rahasia-relay@127.0.0.1:${tls.port}/?tls.rejectUnauthorized=false`,
        outbox: '/nonexistent',
      });
      const mail = {
        to: 'pelapor@example.id',
        from: 'Netra <noreply@netra.bawaslu.example>',
        language: 'id' as const,
        subject: 'Pemberitahuan — laporan “diterima” ✓',
        text: 'Teks — baris pertama\n',
        html: '<p>Teks</p>',
        messageId: '<t-1@netra.bawaslu.example>',
        fileName: 't-1.eml',
      };
      await mailer.send(mail);
      mailer.close();
      assert.equal(tls.arrived.length, 1);
      assert.equal(tls.arrived[0].secure, true);
      assert.equal(tls.arrived[0].user, 'netra');
      assert.match(tls.arrived[0].raw.toString('utf8'), /^Subject: =\?UTF-8\?[BQ]\?/m, 'RFC 2047 encoded subject');
      assert.equal((await simpleParser(tls.arrived[0].raw)).subject, mail.subject);

      const wrong = createMailer({
        smtpUrl: `smtps://netra:salah@127.0.0.1:${tls.port}/?tls.rejectUnauthorized=false`,
        outbox: '/nonexistent',
      });
      await assert.rejects(wrong.send(mail), (error: { responseCode?: number }) => error.responseCode === 535);
      wrong.close();
    } finally {
      await tls.close();
    }

    // The drop folder (no NETRA_SMTP_URL): the job writes the same kind of message to <data dir>/outbox.
    const { readdirSync, readFileSync } = await import('node:fs');
    const outboxConfig = loadConfig({ NETRA_LOG_LEVEL: 'silent', NETRA_PUBLIC_URL: 'https://netra.bawaslu.example' } as NodeJS.ProcessEnv, {
      dataDir: mkdtempSync(join(tmpdir(), 'netra-outbox-')),
    });
    const dropped = await file('pelapor.outbox@example.id', 'en');
    const worker = startWorker(ctx().db, createJobRegistry(createContext({ db: ctx().db, config: outboxConfig, vault: testVault(app) })), {
      autoStart: false,
      now: () => clock,
    });
    while (await worker.runOnce());
    await worker.stop();
    const files = readdirSync(join(outboxConfig.dataDir, 'outbox'));
    assert.equal(files.length, 1);
    assert.match(files[0], /^notice-\d+\.eml$/);
    const parsed = await simpleParser(readFileSync(join(outboxConfig.dataDir, 'outbox', files[0])));
    assert.equal(parsed.subject, `Report ${dropped.trackingCode} received`);
    assert.equal((parsed.to as { text: string }).text, 'pelapor.outbox@example.id');
    assert.match(parsed.text ?? '', /Your report has been received/);
    assert.equal((await notices(dropped.caseId))[0].emailState, 'sent');
  });
});
