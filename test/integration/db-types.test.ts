// src/server/db/schema.ts is generated from the migrations (`npm run db:types`); a migration that
// changes a table without regenerating it fails here, so the row types cannot drift from the SQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { openPglite } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { readSchemaColumns, renderSchemaTypes } from '../../src/server/db/schemaTypes.ts';
import { firstRow, qb } from '../../src/server/db/kysely.ts';

const schemaFile = fileURLToPath(new URL('../../src/server/db/schema.ts', import.meta.url));

test('schema.ts equals the types generated from the migrations (npm run db:types)', async () => {
  const db = await openPglite();
  try {
    await migrate(db);
    const generated = await format(renderSchemaTypes(await readSchemaColumns(db)), {
      ...(await resolveConfig(schemaFile)),
      filepath: schemaFile,
    });
    assert.equal(readFileSync(schemaFile, 'utf8'), generated, 'src/server/db/schema.ts is stale: run `npm run db:types`');

    // The compile-only builder runs through our Queryable and returns the typed row.
    const region = await firstRow(db, qb.selectFrom('schema_migrations').select(['name']).orderBy('name').limit(1));
    assert.equal(typeof region?.name, 'string');
  } finally {
    await db.close();
  }
});
