// Triage throughput on ~3 KB Indonesian news articles, pure pipeline on one core, with the
// keyword baseline in the same run. Standalone: node --import tsx bench/triage.bench.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { readProvinces, readRegencies } from '../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../src/domain/triage/index.ts';
import { baselineTriage } from '../src/domain/triage/baseline.ts';

interface Article {
  id: string;
  text: string;
  title?: string;
}

/** Articles of about 3 KB: eval texts padded with further eval paragraphs. */
function corpus(): Article[] {
  const path = fileURLToPath(new URL('../eval/triage/netra-set.jsonl', import.meta.url));
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Article);
  return records.map((record, index) => {
    let text = record.text;
    for (let k = 1; text.length < 2800; k++)
      text += '\n\n' + records[(index + k) % records.length].text.split('\n\n').slice(1).join('\n\n');
    return { id: record.id, title: record.title, text: text.slice(0, 3200) };
  });
}

interface Measurement {
  perSecond: number;
  perCpuSecond: number;
  n: number;
}

/** Wall-clock rate and rate per CPU-second of this process (the latter is what one core
 * sustains when other processes compete for the machine). */
function measure(articles: readonly Article[], run: (article: Article) => unknown, minMs = 2000): Measurement {
  for (let i = 0; i < Math.min(400, articles.length * 3); i++) run(articles[i % articles.length]);
  let n = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const article of articles) run(article);
    n += articles.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: (n / elapsed) * 1000, perCpuSecond: (n / cpuMs) * 1000, n };
}

export async function benchTriage(): Promise<string> {
  const buildStart = process.hrtime.bigint();
  const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const articles = corpus();
  const meanBytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article.text), 0) / articles.length;
  const netra = measure(articles, (article) => triageArticle(article, gazetteer));
  const baseline = measure(articles, (article) => baselineTriage(article, gazetteer));
  const row = (name: string, result: Measurement) =>
    `| ${name} | ${Math.round(result.perSecond).toLocaleString('en')} | ${Math.round(result.perCpuSecond).toLocaleString('en')} | ${(1000 / result.perCpuSecond).toFixed(3)} | ${result.n.toLocaleString('en')} |`;
  return [
    `${articles.length} distinct articles, mean ${(meanBytes / 1024).toFixed(1)} KB; one core (single thread); ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; load average ${loadavg()[0].toFixed(1)}; Node ${process.version}; gazetteer built once in ${buildMs.toFixed(0)} ms.`,
    '',
    '| system | articles/s (wall) | articles per CPU-second | CPU ms/article | articles run |',
    '|---|---|---|---|---|',
    row('Netra triageArticle', netra),
    row('keyword baseline', baseline),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await benchTriage());
