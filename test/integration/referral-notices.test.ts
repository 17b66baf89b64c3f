// Issue 14 item 4: referral steps become notices to the reporter (never naming the terlapor),
// and KASN-era referrals still open on 25 Aug 2024 are taken over by BKN in one audited step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, testVault, type Session } from '../support/http.ts';
import { createContext, createJobRegistry } from '../../src/server/context.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { loadConfig } from '../../src/server/config.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLaporanInput } from '../support/factories.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { runEscalations } from '../../src/server/modules/referrals/escalations.ts';
import { localDateOf } from '../../src/domain/time/zones.ts';
import { addDaysToLocalDate } from '../../src/domain/time/localDate.ts';

let clock = new Date('2024-10-10T03:00:00Z');
const advanceDays = (days: number) => {
  clock = new Date(clock.getTime() + days * 86_400_000);
};
const today = () => localDateOf(clock, 'WIB');

describeEachBackend('referral notices and the KASN → BKN handover', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  let bkn: Session;
  let ppk: Session;
  let admin: Session;
  const session = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(ctx().db, input);
    return signIn(app, u.username, u.password);
  };

  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => clock });
    oki = await session({ role: 'pengawas_kabkota', regionCode: '16.02' });
    bkn = await session({ role: 'bkn' });
    ppk = await session({ role: 'ppk', agency: 'bapenda', regionCode: '16.02' });
    admin = await session({ role: 'admin' });
  });
  after(async () => {
    await app.close();
  });

  async function forward() {
    const input = buildLaporanInput({
      peristiwa: { tanggalKejadian: addDaysToLocalDate(today(), -2), tanggalDiketahui: addDaysToLocalDate(today(), -1) },
    });
    const submitted = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: input });
    assert.equal(submitted.statusCode, 201, submitted.body);
    const { id: caseId, trackingCode, pin } = submitted.json();
    for (const body of [
      { action: 'registrasi' },
      { action: 'kaji' },
      { action: 'teruskan', classification: 'peraturan_lainnya', summary: 'Terbukti hadir dan berorasi dalam kampanye.' },
    ]) {
      const res = await oki.request({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: body });
      assert.equal(res.statusCode, 200, res.body);
    }
    const referral = (await admin.request({ url: `/api/v1/referrals?caseId=${caseId}` })).json().items[0];
    const track = async () => (await app.inject({ method: 'POST', url: '/api/v1/lacak', payload: { kode: trackingCode, pin } })).json();
    return { input, caseId, referral, track };
  }
  const kinds = (tracked: { notices: { kind: string }[] }) => tracked.notices.map((n) => n.kind).filter((k) => k.startsWith('referral.'));
  const assertNoTerlapor = (tracked: { notices: unknown[] }, input: ReturnType<typeof buildLaporanInput>) => {
    const text = JSON.stringify(tracked.notices);
    for (const secret of [input.terlapor[0].nama, input.terlapor[0].nip!, input.terlapor[0].jabatan, input.terlapor[0].instansi]) {
      assert.ok(!text.includes(secret), `notice names the terlapor: ${secret}`);
    }
  };

  test('sent, verified, forwarded to the PPK, decided, applied and escalated reach the reporter without the terlapor', async () => {
    clock = new Date('2024-10-10T03:00:00Z');
    const { input, referral, track } = await forward();
    assert.deepEqual(kinds(await track()), ['referral.sent']);
    advanceDays(1);
    // BKN verified on paper last evening and enters it this morning: the step keeps both times.
    const future = await bkn.request({
      method: 'POST',
      url: `/api/v1/referrals/${referral.id}/verify`,
      payload: { effectiveAt: '2024-10-11T18:00:00+07:00' },
    });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().field, 'effectiveAt');
    const noReason = await bkn.request({
      method: 'POST',
      url: `/api/v1/referrals/${referral.id}/verify`,
      payload: { effectiveAt: '2024-10-10T20:00:00+07:00' },
    });
    assert.equal(noReason.json().field, 'effectiveAtReason');
    const verified = await bkn.request({
      method: 'POST',
      url: `/api/v1/referrals/${referral.id}/verify`,
      payload: { effectiveAt: '2024-10-10T20:00:00+07:00', effectiveAtReason: 'Verifikasi berkas selesai malam hari, dientri pagi ini.' },
    });
    assert.equal(verified.statusCode, 200, verified.body);
    const key = (await admin.request({ url: `/api/v1/referrals/${referral.id}` })).json().publicKey as string;
    const pub = (await app.inject({ url: `/api/v1/public/referrals/${key}` })).json();
    assert.equal(pub.timeline.find((t: { step: string }) => t.step === 'verified').at, '2024-10-10T13:00:00.000Z');
    const audit = (
      await ctx().db.query<{ occurred_at: Date; data: { effectiveAt: string; recordedAt: string } }>(
        `SELECT occurred_at, data FROM audit_events WHERE action = 'referral.verified' AND entity_id = $1`,
        [referral.id],
      )
    ).rows[0];
    assert.equal(audit.data.effectiveAt, '2024-10-10T13:00:00.000Z');
    assert.equal(new Date(audit.occurred_at).toISOString(), clock.toISOString());
    assert.equal(
      (await bkn.request({ method: 'POST', url: `/api/v1/referrals/${referral.id}/forward-to-ppk`, payload: {} })).statusCode,
      200,
    );
    advanceDays(1);
    const decided = await ppk.request({
      method: 'POST',
      url: `/api/v1/referrals/${referral.id}/sanction`,
      payload: { sanction: 'pp94.penurunan_jabatan_12_bulan', decreeNumber: '800/77/KEP/2024', decreeDate: today() },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(
      (await ppk.request({ method: 'POST', url: `/api/v1/referrals/${referral.id}/sanction-applied`, payload: {} })).statusCode,
      200,
    );
    const tracked = await track();
    assert.deepEqual(kinds(tracked), [
      'referral.sent',
      'referral.verified',
      'referral.forwarded_to_ppk',
      'referral.sanction',
      'referral.sanction_applied',
    ]);
    assert.ok(tracked.notices.some((n: { body: string }) => n.body.includes(referral.recommendationNumber)));
    assertNoTerlapor(tracked, input);

    // A missed BKN verification deadline is escalated by the job worker, which reads the same
    // injected clock as the API; the reporter hears of it.
    const late = await forward();
    advanceDays(9);
    const registry = createJobRegistry(
      createContext({
        db: ctx().db,
        config: loadConfig({ NETRA_LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, {
          dataDir: mkdtempSync(join(tmpdir(), 'netra-refnotice-')),
        }),
        vault: testVault(app),
      }),
    );
    const worker = startWorker(ctx().db, { 'referrals.escalate': registry['referrals.escalate'] }, { autoStart: false, now: () => clock });
    while (await worker.runOnce());
    await worker.stop();
    assert.equal((await runEscalations(ctx().db, clock)).escalated, 0, 'already escalated by the job');
    assert.deepEqual(kinds(await late.track()), ['referral.sent', 'referral.escalated']);
    assertNoTerlapor(await late.track(), late.input);
  });

  test('KASN referrals open on 25 Aug 2024 are taken over by BKN in one audited step; the public timeline shows it', async () => {
    clock = new Date('2024-08-20T03:00:00Z');
    const { referral, track, input } = await forward();
    assert.equal(referral.authority, 'KASN');
    const key = (await admin.request({ url: `/api/v1/referrals/${referral.id}` })).json().publicKey as string;
    assert.equal((await bkn.request({ url: `/api/v1/referrals/${referral.id}` })).statusCode, 404, 'BKN does not see KASN files yet');

    clock = new Date('2024-08-26T02:00:00Z');
    assert.equal((await oki.request({ method: 'POST', url: '/api/v1/referrals/kasn-handover' })).statusCode, 403);
    const handed = await admin.request({ method: 'POST', url: '/api/v1/referrals/kasn-handover' });
    assert.equal(handed.statusCode, 200, handed.body);
    assert.ok(handed.json().referralIds.includes(referral.id));
    const again = await admin.request({ method: 'POST', url: '/api/v1/referrals/kasn-handover' });
    assert.equal(again.json().handedOver, 0, 'idempotent');

    const audit = await ctx().db.query<{ data: { referrals: { id: string }[]; effectiveAt: string } }>(
      `SELECT data FROM audit_events WHERE action = 'referral.kasn_handover'`,
    );
    assert.equal(audit.rows.length, 1, 'one audited step');
    assert.ok(audit.rows[0].data.referrals.some((r) => r.id === referral.id));
    assert.equal(audit.rows[0].data.effectiveAt, '2024-08-24T17:00:00.000Z');

    const pub = (await app.inject({ url: `/api/v1/public/referrals/${key}` })).json();
    assert.equal(pub.authority, 'BKN');
    assert.equal(pub.handedOverFrom, 'KASN');
    const handover = pub.timeline.find((t: { step: string }) => t.step === 'handed_over');
    assert.equal(handover.at, '2024-08-24T17:00:00.000Z');
    assert.equal(handover.done, true);

    // BKN now holds the file, with its own 7-day verification clock from the handover.
    const detail = (await bkn.request({ url: `/api/v1/referrals/${referral.id}` })).json();
    assert.ok(detail.steps.find((s: { step: string }) => s.step === 'verifikasi_bkn').dueAt);
    assert.equal((await bkn.request({ method: 'POST', url: `/api/v1/referrals/${referral.id}/verify`, payload: {} })).statusCode, 200);
    const tracked = await track();
    assert.ok(kinds(tracked).includes('referral.handed_over'));
    assertNoTerlapor(tracked, input);
    assert.equal((await verifyAuditChain(ctx().db)).ok, true);
  });
});
