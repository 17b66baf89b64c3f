// Standalone runner: node --import tsx scripts/triage.ts < in.jsonl > out.jsonl
// (the CLI entry `npx netra triage` calls the same runTriage).
import { runTriage } from '../src/cli/triage.ts';

const { lines, failed } = await runTriage(process.stdin, process.stdout, process.stderr);
process.stderr.write(`netra triage: ${lines} lines, ${failed} failed\n`);
