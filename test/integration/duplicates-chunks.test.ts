// suggest_links scores candidates in chunks (one bounded statement each, for PGlite's event loop):
// with more earlier cases about one person than one chunk holds, the links found are exactly
// those of the single whole-table query the chunks replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../support/backends.ts';
import { buildTestApp } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { suggestLinksForCase } from '../../src/server/modules/cases/duplicates.ts';
import { scoreDuplicate, NEAR_EVENT_DAYS } from '../../src/domain/cases/duplicates.ts';

describeEachBackend('duplicate suggestions past one chunk', (ctx) => {
  test('250 earlier cases about one person (half by NIP, half by name): the same links as one whole query', async () => {
    const db = ctx().db;
    const app = await buildTestApp(db, { now: () => new Date('2024-10-10T03:00:00Z') });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/laporan', payload: buildLaporanInput() });
      assert.equal(res.statusCode, 201, res.body);
      const caseId = res.json().id as string;
      // Copies of that case: even ones keep the NIP, odd ones only the name (trigram match);
      // every third one far from the event date (a NIP match still counts, a name match not).
      await db.query(
        `INSERT INTO cases SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object('id', 'copy-' || lpad(g::text, 3, '0'),
          'tracking_code', 'COPY-' || g, 'event_date', CASE WHEN g % 3 = 0 THEN c.event_date - 200 ELSE c.event_date - (g % 10) END))).*
        FROM (SELECT * FROM cases WHERE id = $1) c, generate_series(1, 250) g`,
        [caseId],
      );
      await db.query(
        `INSERT INTO case_terlapor (case_id, name, nip, position, agency, subject_type, region_code, search_name)
        SELECT 'copy-' || lpad(g::text, 3, '0'), name, CASE WHEN g % 2 = 0 THEN nip END, position, agency, subject_type, region_code, search_name
        FROM (SELECT * FROM case_terlapor WHERE case_id = $1) t, generate_series(1, 250) g`,
        [caseId],
      );
      // The query before chunking, scored the same way (scores compared to 4 places: the column is a real).
      const whole = await db.query<{
        other_id: string;
        same_nip: boolean;
        name_sim: number;
        agency_sim: number;
        days_apart: number | null;
      }>(
        `SELECT o.case_id AS other_id, bool_or(t.nip IS NOT NULL AND t.nip = o.nip) AS same_nip, max(similarity(t.search_name, o.search_name)) AS name_sim,
                max(similarity(lower(t.agency), lower(o.agency))) AS agency_sim, min(abs(c.event_date - oc.event_date)) AS days_apart
         FROM case_terlapor t JOIN cases c ON c.id = t.case_id
         JOIN case_terlapor o ON o.case_id <> t.case_id AND (o.nip = t.nip OR o.search_name % t.search_name)
         JOIN cases oc ON oc.id = o.case_id
         WHERE t.case_id = $1 AND (oc.event_date IS NULL OR c.event_date IS NULL OR abs(c.event_date - oc.event_date) <= $2 OR o.nip = t.nip)
         GROUP BY o.case_id`,
        [caseId, NEAR_EVENT_DAYS * 3],
      );
      const expected = whole.rows
        .flatMap((c) => {
          const m = scoreDuplicate({
            sameNip: c.same_nip,
            nameSimilarity: c.name_sim,
            agencySimilarity: c.agency_sim,
            daysApart: c.days_apart,
          });
          return m ? [`${[caseId, c.other_id].sort().join('|')}|${m.reason}|${m.score.toFixed(4)}`] : [];
        })
        .sort();
      assert.ok(expected.length > 150, `enough links to span several chunks (${expected.length})`);
      assert.equal(await suggestLinksForCase(db, caseId), expected.length);
      const stored = await db.query<{ case_id: string; other_id: string; reason: string; score: number }>(
        'SELECT case_id, other_id, reason, score FROM case_links WHERE case_id = $1 OR other_id = $1',
        [caseId],
      );
      assert.deepEqual(stored.rows.map((l) => `${l.case_id}|${l.other_id}|${l.reason}|${Number(l.score).toFixed(4)}`).sort(), expected);
    } finally {
      await app.close();
    }
  });
});
