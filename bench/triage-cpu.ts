// Articles per CPU-second (process.cpuUsage, user+system) over every eval set, Netra and the
// keyword baseline in the same run. Usage: node --import tsx bench/triage-cpu.ts [rounds]
import { readProvinces, readRegencies } from '../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../src/domain/triage/index.ts';
import { baselineTriage } from '../src/domain/triage/baseline.ts';
import { loadEvalSets } from '../scripts/eval-triage.ts';

const rounds = Number(process.argv[2] ?? 20);
const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const records = loadEvalSets();
function measure(name: string, run: (r: (typeof records)[number]) => unknown) {
  for (const r of records) run(r); // warm-up
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) for (const r of records) run(r);
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  const n = rounds * records.length;
  console.log(`${name}: ${n} articles, ${seconds.toFixed(2)} CPU s, ${Math.round(n / seconds)} articles per CPU-second`);
}
const meanChars = Math.round(records.reduce((s, r) => s + r.text.length, 0) / records.length);
console.log(`${records.length} eval articles, mean ${meanChars} chars, ${rounds} rounds`);
measure('Netra triageArticle', (r) => triageArticle(r, gazetteer));
measure('keyword baseline', (r) => baselineTriage(r, gazetteer));
