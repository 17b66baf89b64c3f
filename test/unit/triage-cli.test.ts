import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { runTriage } from '../../src/cli/triage.ts';

async function run(chunks: Array<string | Buffer>, options = {}) {
  const output = new PassThrough();
  const errors = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (d) => (out += d));
  errors.on('data', (d) => (err += d));
  const summary = await runTriage(Readable.from(chunks), output, errors, options);
  return {
    summary,
    lines: out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
    err,
  };
}

const seed = readFileSync(new URL('../../eval/triage/seeds.jsonl', import.meta.url), 'utf8').split('\n')[1];
const seedText = (JSON.parse(seed) as { text: string }).text;

describe('netra triage command', () => {
  test('bad lines yield error or irrelevant lines and never stop the run', async () => {
    const big = JSON.stringify({ id: 'big', text: 'x'.repeat(5 * 1024 * 1024) });
    const chunks: Array<string | Buffer> = [
      JSON.stringify({ id: 'good-1', text: seedText }) + '\n',
      '{not json\n',
      JSON.stringify({ id: 'empty', text: '   ' }) + '\n',
      // The 5 MB line arrives in pieces, like a pipe delivers it.
      ...Array.from({ length: Math.ceil(big.length / 65536) }, (_, i) => big.slice(i * 65536, (i + 1) * 65536)),
      '\n',
      Buffer.concat([Buffer.from('{"id":"latin1","text":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}\n')]),
      JSON.stringify({
        id: 'english',
        text: 'The government said on Monday that civil servants must remain neutral during the regional elections and that the police would watch.',
      }) + '\n',
      JSON.stringify({ id: 'html-only', text: '<html><body><script>var a = 1;</script><nav><a href="/">Beranda</a></nav></body></html>' }) +
        '\n',
      JSON.stringify({ text: 'tanpa id' }) + '\n',
      JSON.stringify({ id: 'no-text' }) + '\n',
      '[1,2,3]\n',
      '\n',
      JSON.stringify({ id: 'good-2', title: 'Kades Diduga Hadiri Kampanye', text: seedText }),
    ];
    const { summary, lines, err } = await run(chunks);
    assert.equal(lines.length, 11);
    assert.deepEqual(summary, { lines: 11, failed: 8 });
    const byId = (id: unknown) => lines.find((line) => line.id === id);
    assert.equal(byId('good-1')?.relevant, true);
    assert.deepEqual(
      (byId('good-1')?.regions as Array<{ code: string }>).map((r) => r.code),
      ['17.71'],
    );
    assert.equal(byId('good-2')?.relevant, true);
    assert.match(String(lines[1].error), /invalid JSON/);
    assert.equal(lines[1].id, null);
    assert.match(String(byId('empty')?.error), /empty/);
    assert.match(String(byId('big')?.error), /too long/);
    assert.match(String(byId('latin1')?.error), /UTF-8/);
    assert.equal(byId('english')?.relevant, false);
    assert.equal(byId('english')?.language, 'other');
    assert.match(String(byId('html-only')?.error), /no article text/);
    assert.match(String(lines[7].error), /missing "id"/);
    assert.match(String(byId('no-text')?.error), /missing "text"/);
    assert.match(String(lines[9].error), /JSON object/);
    assert.equal(err.split('\n').filter(Boolean).length, 8);
  });

  test('output keys follow the contract', async () => {
    const { lines } = await run([JSON.stringify({ id: 7, text: seedText }) + '\n']);
    const [line] = lines;
    for (const key of ['id', 'relevant', 'score', 'kind', 'regions', 'actors', 'acts', 'numbers', 'date']) assert.ok(key in line, key);
    assert.equal(line.id, 7);
    assert.ok(['incident', 'statistics', 'appeal', 'other'].includes(String(line.kind)));
    assert.ok(Number(line.score) >= 0 && Number(line.score) <= 1);
  });

  test('CRLF line endings and a BOM are accepted', async () => {
    const { lines } = await run([
      '\ufeff' + JSON.stringify({ id: 'a', text: seedText }) + '\r\n' + JSON.stringify({ id: 'b', text: seedText }) + '\r\n',
    ]);
    assert.deepEqual(
      lines.map((line) => line.id),
      ['a', 'b'],
    );
    assert.ok(lines.every((line) => !('error' in line)));
  });
});
