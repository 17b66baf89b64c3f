import { test } from 'node:test';
import assert from 'node:assert/strict';
import { negotiateLanguage } from '../../src/server/http/language.ts';

test('Accept-Language is parsed with q-values', () => {
  const cases: [string | undefined, 'id' | 'en'][] = [
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id;q=0.1, en;q=0.9', 'en'],
    ['en;q=0.1, id;q=0.9', 'id'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['fr, en;q=0.5', 'en'],
    ['fr, de', 'id'],
    ['en;q=0, id;q=0.2', 'id'],
    ['EN-gb', 'en'],
    ['en;q=abc', 'id'],
    ['id, en', 'id'],
    ['en, id', 'en'],
  ];
  for (const [header, expected] of cases) assert.equal(negotiateLanguage(header), expected, String(header));
});
