#!/usr/bin/env node
// Entry point of the `netra` command: TypeScript sources run through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
