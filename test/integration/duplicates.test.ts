import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { suggestLinksForCase } from '../../src/server/modules/cases/duplicates.ts';
import { scoreDuplicate } from '../../src/domain/cases/duplicates.ts';

test('duplicate scoring: same NIP always, similar name+agency only when events are near', () => {
  assert.ok(scoreDuplicate({ sameNip: true, nameSimilarity: 0, agencySimilarity: 0, daysApart: 100 }));
  assert.ok(scoreDuplicate({ sameNip: false, nameSimilarity: 0.8, agencySimilarity: 0.7, daysApart: 3 }));
  assert.equal(scoreDuplicate({ sameNip: false, nameSimilarity: 0.8, agencySimilarity: 0.7, daysApart: 40 }), null);
  assert.equal(scoreDuplicate({ sameNip: false, nameSimilarity: 0.3, agencySimilarity: 0.9, daysApart: 1 }), null);
  assert.equal(scoreDuplicate({ sameNip: false, nameSimilarity: 0.9, agencySimilarity: 0.1, daysApart: 1 }), null);
});

describeEachBackend('duplicates around the person', (ctx) => {
  let app: FastifyInstance;
  let staff: Session;
  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => new Date('2024-10-10T03:00:00Z') });
    const u = await buildUser(ctx().db, { role: 'pengawas_kabkota', regionCode: '16.02' });
    staff = await signIn(app, u.username, u.password);
  });
  after(async () => {
    await app.close();
  });

  const submit = async (terlapor: Record<string, unknown>, tanggalKejadian = '2024-10-07') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/laporan',
      payload: buildLaporanInput({ terlapor: [terlapor] as never, peristiwa: { tanggalKejadian, tanggalDiketahui: '2024-10-08' } }),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  test('same person near the same event → suggestion; merge is reversible; history lists both', async () => {
    const base = {
      nama: 'Budi Santoso',
      jabatan: 'Kabid Pendapatan',
      instansi: 'Bapenda Kabupaten Ogan Komering Ilir',
      jenisSubjek: 'PNS',
      nip: '198503122010011002',
    };
    const first = await submit(base);
    const second = await submit({ ...base, nama: 'Budi Santosa', nip: undefined }, '2024-10-06');
    const unrelated = await submit({
      nama: 'Rahmat Hidayat',
      jabatan: 'Kepala Desa',
      instansi: 'Pemerintah Desa Sukamaju',
      jenisSubjek: 'kepala_desa',
    });
    assert.equal(await suggestLinksForCase(ctx().db, second), 1);
    assert.equal(await suggestLinksForCase(ctx().db, unrelated), 0);
    assert.equal(await suggestLinksForCase(ctx().db, second), 0, 'idempotent');

    const links = (await staff.request({ url: `/api/v1/cases/${first}/links` })).json().items;
    assert.equal(links.length, 1);
    assert.equal(links[0].otherCaseId, second);
    assert.equal(links[0].state, 'suggested');
    const merge = await staff.request({ method: 'POST', url: `/api/v1/case-links/${links[0].id}`, payload: { decision: 'merge' } });
    assert.equal(merge.json().state, 'merged');
    const badReject = await staff.request({ method: 'POST', url: `/api/v1/case-links/${links[0].id}`, payload: { decision: 'reject' } });
    assert.equal(badReject.statusCode, 409);
    const unmerge = await staff.request({ method: 'POST', url: `/api/v1/case-links/${links[0].id}`, payload: { decision: 'unmerge' } });
    assert.equal(unmerge.json().state, 'unmerged');

    const byNip = (await staff.request({ url: '/api/v1/terlapor/history?nip=198503122010011002' })).json();
    assert.deepEqual(
      byNip.items.map((i: { caseId: string }) => i.caseId),
      [first],
    );
    const byName = (
      await staff.request({
        url: `/api/v1/terlapor/history?name=${encodeURIComponent('Budi Santoso')}&agency=${encodeURIComponent('Bapenda Kabupaten Ogan Komering Ilir')}`,
      })
    ).json();
    assert.deepEqual(byName.items.map((i: { caseId: string }) => i.caseId).sort(), [first, second].sort());
    const noQuery = await staff.request({ url: '/api/v1/terlapor/history' });
    assert.equal(noQuery.statusCode, 400);
  });
});
