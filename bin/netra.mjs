#!/usr/bin/env node
// Entry point of the `netra` command: TypeScript sources run through tsx.
import { register } from 'tsx/esm/api';
register();
// `--help` answers from the usage texts alone, without loading the server.
const { helpFor } = await import('../src/cli/usage.ts');
const help = helpFor(process.argv.slice(2));
if (help !== null) {
  process.stdout.write(help);
} else {
  await import('../src/cli/main.ts');
}
