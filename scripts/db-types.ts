// `npm run db:types`: migrates a throwaway in-memory PGlite and writes src/server/db/schema.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { readSchemaColumns, renderSchemaTypes } from '../src/server/db/schemaTypes.ts';

const target = fileURLToPath(new URL('../src/server/db/schema.ts', import.meta.url));
const db = await openPglite();
try {
  await migrate(db);
  writeFileSync(target, renderSchemaTypes(await readSchemaColumns(db)));
  console.log(`wrote ${target}`);
} finally {
  await db.close();
}
