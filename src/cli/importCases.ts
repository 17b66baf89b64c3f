// `netra import cases FILE [--dry-run]`: the recap-sheet import from the command line, as the
// national administrator (audited as 'cli'). Progress goes to stderr, the summary to stdout.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../server/db/client.ts';
import { CLI_PRINCIPAL, importCaseHistory } from '../server/modules/cases/importHistory.ts';

export async function runImportCases(args: string[], help: string, withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(help);
    return 2;
  }
  const path = positionals[0];
  const bytes = readFileSync(path);
  const dryRun = values['dry-run'] ?? false;
  let last = -1;
  const result = await withDb((db) =>
    importCaseHistory(db, { name: basename(path), bytes }, CLI_PRINCIPAL, {
      dryRun,
      now: new Date(),
      viaCli: true,
      onProgress: (done, total, phase) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent !== last || done === total) process.stderr.write(`${phase}: ${done}/${total} baris (${percent}%)\n`);
        last = percent;
      },
    }),
  );
  for (const p of result.preview) {
    console.log(
      `${p.action.padEnd(10)} baris ${String(p.line).padStart(5)}  ${p.registrationNumber}  ${p.receivedOn}  ${p.kind}  ${p.regionCode} ${p.regionName}  ${p.state}${p.referredTo ? ` → ${p.referredTo}` : ''}  (${p.cycle})`,
    );
  }
  if (result.rows > result.preview.length) console.log(`… dan ${result.rows - result.preview.length} baris lain / more rows`);
  console.log(
    `${dryRun ? 'UJI COBA, tidak ada yang ditulis / DRY RUN, nothing written' : 'Diimpor / imported'}: ${result.rows} baris — baru ${result.created}, diperbarui ${result.updated}, tetap ${result.unchanged}; sha256 ${result.fileSha256}`,
  );
  return 0;
}
