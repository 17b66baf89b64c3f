// The map's leads layer: per-region lead counts from the leads table (public, counts only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';

const clock = new Date('2024-11-10T03:00:00Z');

describeEachBackend('public lead counts per region (map layer)', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    const db = ctx().db;
    app = await buildTestApp(db, { now: () => clock });
    await db.query(`INSERT INTO lead_sources (id, kind, name, created_at, updated_at) VALUES ('src-map', 'manual', 'Uji peta', $1, $1)`, [
      clock,
    ]);
    const leads: [string, string[], boolean, string][] = [
      ['a', ['16.02', '16.02.05'], true, 'baru'], // OKI twice in one lead: counts once
      ['b', ['16.02'], true, 'ditinjau'],
      ['c', ['16.71', '16.02'], true, 'baru'], // two kabupaten of one province: once for province 16
      ['d', ['16.71'], true, 'diabaikan'], // dismissed: not counted
      ['e', ['16.71'], false, 'baru'], // not relevant: not counted
      ['f', [], true, 'baru'], // no region
    ];
    for (const [id, regions, relevant, state] of leads) {
      await db.query(
        `INSERT INTO articles (id, source_id, external_id, raw_sha256, raw_content_type, fetched_at) VALUES ($1, 'src-map', $1, $2, 'text/plain', $3)`,
        [`art-${id}`, 'a'.repeat(64), clock],
      );
      await db.query(
        `INSERT INTO leads (id, article_id, score, relevant, kind, region_codes, state, created_at, updated_at) VALUES ($1, $2, 0.9, $3, 'netralitas', $4, $5, $6, $6)`,
        [`lead-${id}`, `art-${id}`, relevant, regions, state, clock],
      );
    }
  });
  after(async () => {
    await app.close();
  });

  test('kabupaten/kota and province counts; dismissed and irrelevant leads excluded; no lead content', async () => {
    const kab = await app.inject({ url: '/api/v1/public/leads/by-region?level=kabupaten_kota' });
    assert.equal(kab.statusCode, 200, kab.body);
    const counts = Object.fromEntries(kab.json().items.map((i: { regionCode: string; count: number }) => [i.regionCode, i.count]));
    assert.deepEqual(counts, { '16.02': 3, '16.71': 1 });
    assert.equal(kab.json().items.find((i: { regionCode: string }) => i.regionCode === '16.02').name, 'Kabupaten Ogan Komering Ilir');
    const prov = (await app.inject({ url: '/api/v1/public/leads/by-region?level=provinsi' })).json();
    assert.deepEqual(
      prov.items.map((i: { regionCode: string; count: number }) => [i.regionCode, i.count]),
      [['16', 3]],
    );
    assert.ok(!JSON.stringify(prov).includes('lead-'), 'no lead ids');
    assert.equal((await app.inject({ url: '/api/v1/public/leads/by-region?level=desa' })).statusCode, 400);
  });

  test('the risk index reads the same counts (media-leads component)', async () => {
    const media = async (code: string) =>
      (await app.inject({ url: `/api/v1/risk/${code}` })).json().components.find((c: { key: string }) => c.key === 'media_leads');
    assert.equal((await media('16.02')).value, 3);
    assert.equal((await media('16.71')).value, 1);
    assert.equal((await media('16')).value, 3);
    assert.equal((await media('11.01')).value, 0);
  });
});
