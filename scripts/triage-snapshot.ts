// Accuracy oracle for speed work: every output field of triageArticle on every eval text (and
// each text padded to ~3 KB, as the bench does), as stable JSON. An optimisation must leave it
// byte-identical. Usage: node --import tsx scripts/triage-snapshot.ts > /tmp/triage-snapshot.json
import { readProvinces, readRegencies } from '../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../src/domain/triage/index.ts';
import { loadEvalSets } from './eval-triage.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const records = loadEvalSets();
const padded = records.map((record, index) => {
  let text = record.text;
  for (let k = 1; text.length < 2800; k++) text += '\n\n' + records[(index + k) % records.length].text.split('\n\n').slice(1).join('\n\n');
  return { ...record, id: `${record.id}+pad`, text: text.slice(0, 3200) };
});
const out: Record<string, unknown> = {};
for (const record of [...records, ...padded]) out[record.id] = triageArticle(record, gazetteer);
// Untitled and slug-titled variants exercise the title paths.
for (const record of records.slice(0, 60)) {
  out[`${record.id}-notitle`] = triageArticle({ text: record.text }, gazetteer);
  if (record.title)
    out[`${record.id}-slug`] = triageArticle({ text: record.text, title: record.title.toLowerCase().replace(/\s+/g, '-') }, gazetteer);
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
