// Issue 11 items 7–8 (smaller holes): temuan evidence links are http/https only, and witness
// details are not readable nationwide by analysts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp, buildUser, signIn, type Session } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';

describeEachBackend('trust at the edges: temuan links, analyst witness scope', (ctx) => {
  let app: FastifyInstance;
  let oki: Session;
  const session = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(ctx().db, input);
    return signIn(app, u.username, u.password);
  };

  before(async () => {
    app = await buildTestApp(ctx().db, { now: () => new Date('2024-10-10T03:00:00Z') });
    oki = await session({ role: 'pengawas_kabkota', regionCode: '16.02' });
  });
  after(async () => {
    await app.close();
  });

  test('temuan evidence links: javascript:, data:, file: → 400 naming the field; https accepted', async () => {
    const temuan = (links: string[]) =>
      oki.request({
        method: 'POST',
        url: '/api/v1/temuan',
        payload: {
          sumber: 'patroli_siber',
          judul: 'Unggahan dukungan paslon',
          uraian: 'Terlapor mengunggah dukungan untuk pasangan calon di media sosial.',
          kodeWilayah: '16.02.05',
          tempat: 'Instagram',
          tanggalKejadian: '2024-10-01',
          tanggalDiketahui: '2024-10-02',
          perbuatan: ['lainnya'],
          terlapor: [{ nama: 'Budi Santoso', jabatan: 'Camat', instansi: 'Pemerintah Kabupaten', jenisSubjek: 'PNS' }],
          buktiTautan: links,
        },
      });
    const before = (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    for (const link of [
      'javascript:alert(document.cookie)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      'JaVaScRiPt:alert(1)',
    ]) {
      const res = await temuan(['https://example.org/ok', link]);
      assert.equal(res.statusCode, 400, `${link}: ${res.body}`);
      assert.equal(res.json().field, 'buktiTautan.1');
    }
    assert.equal((await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n, before, 'nothing stored');
    const ok = await temuan(['https://www.instagram.com/p/contoh123/', 'http://example.org/berita']);
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test('witness details: handling office yes; analyst only within its own region; national analyst never', async () => {
    const file = async (region: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/laporan',
        payload: buildLaporanInput({ peristiwa: { kodeWilayah: region } }),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const okiCase = await file('16.02.05');
    const plgCase = await file('16.71.01');
    const analystNational = await session({ role: 'analyst' });
    const analystOki = await session({ role: 'analyst', regionCode: '16.02' });
    const witnessesOf = async (s: Session, caseId: string) => {
      const res = await s.request({ url: `/api/v1/cases/${caseId}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { witnesses: { name: string }[]; witnessCount: number };
    };
    assert.deepEqual(
      (await witnessesOf(oki, okiCase)).witnesses.map((w) => w.name),
      ['Ahmad Fauzi'],
    );
    assert.deepEqual(
      (await witnessesOf(analystOki, okiCase)).witnesses.map((w) => w.name),
      ['Ahmad Fauzi'],
    );
    for (const [s, caseId] of [
      [analystOki, plgCase],
      [analystNational, okiCase],
      [analystNational, plgCase],
    ] as const) {
      const detail = await witnessesOf(s, caseId);
      assert.deepEqual(detail.witnesses, []);
      assert.equal(detail.witnessCount, 1);
      assert.ok(!JSON.stringify(detail).includes('Ahmad Fauzi'));
      assert.ok(!JSON.stringify(detail).includes('081298765432'));
    }
  });
});
