// Articles per CPU-second (process.cpuUsage, user+system) over every eval set, Netra and the
// keyword baseline in the same run. Usage: node --import tsx bench/triage-cpu.ts [chunks] [rounds] [pad]
//
// The machine is shared, so the two systems are measured in alternating chunks (each chunk runs
// every eval article `rounds` times) after a warm-up of three rounds each: both see the same load.
// Reported: the total over all chunks and the median chunk (robust to a burst of other work).
import { readProvinces, readRegencies } from '../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../src/domain/triage/index.ts';
import { baselineTriage } from '../src/domain/triage/baseline.ts';
import { loadEvalSets } from '../scripts/eval-triage.ts';

const chunks = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
// "pad": each eval text padded with further eval paragraphs to ~3 KB (as bench/triage.bench.ts),
// the article size of the speed goal.
const pad = process.argv[4] === 'pad';
const records = pad ? padded(loadEvalSets()) : loadEvalSets();
function padded(all: ReturnType<typeof loadEvalSets>): ReturnType<typeof loadEvalSets> {
  return all.map((record, index) => {
    let text = record.text;
    for (let k = 1; text.length < 2800; k++) text += '\n\n' + all[(index + k) % all.length].text.split('\n\n').slice(1).join('\n\n');
    return { ...record, text: text.slice(0, 3200) };
  });
}
type Run = (record: (typeof records)[number]) => unknown;
const systems: Array<{ name: string; run: Run; seconds: number[] }> = [
  { name: 'Netra triageArticle', run: (r) => triageArticle(r, gazetteer), seconds: [] },
  { name: 'keyword baseline', run: (r) => baselineTriage(r, gazetteer), seconds: [] },
];
for (const system of systems) for (let i = 0; i < 3; i++) for (const r of records) system.run(r); // warm-up
for (let chunk = 0; chunk < chunks; chunk++) {
  for (const system of systems) {
    const start = process.cpuUsage();
    for (let i = 0; i < rounds; i++) for (const r of records) system.run(r);
    const used = process.cpuUsage(start);
    system.seconds.push((used.user + used.system) / 1e6);
  }
}
const meanChars = Math.round(records.reduce((s, r) => s + r.text.length, 0) / records.length);
console.log(`${records.length} eval articles, mean ${meanChars} chars, ${chunks} alternating chunks of ${rounds} rounds`);
const perChunk = rounds * records.length;
for (const { name, seconds } of systems) {
  const total = seconds.reduce((a, b) => a + b, 0);
  const rates = seconds.map((s) => perChunk / s).sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(
    `${name}: ${perChunk * chunks} articles, ${total.toFixed(2)} CPU s, ${Math.round((perChunk * chunks) / total)} articles per CPU-second overall, median chunk ${Math.round(median)} (min ${Math.round(rates[0])}, max ${Math.round(rates[rates.length - 1])})`,
  );
}
