// Agency API tokens: only the SHA-256 of a token is stored.
import type { Queryable, Tx } from '../../../db/client.ts';
import { execute, qb } from '../../../db/kysely.ts';
import type { AgencyTokenRow } from '../repository.ts';

export async function findTokenByHash(db: Queryable, hash: string): Promise<AgencyTokenRow | null> {
  return (
    (await db.query<AgencyTokenRow>('SELECT * FROM agency_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [hash])).rows[0] ?? null
  );
}

export async function insertToken(
  tx: Tx,
  token: {
    id: string;
    hash: string;
    label: string;
    authority: string;
    agency: string | null;
    regionCode: string | null;
    by: string;
    at: Date;
  },
): Promise<AgencyTokenRow> {
  const inserted = await tx.query<AgencyTokenRow>(
    `INSERT INTO agency_tokens (id, token_hash, label, authority, agency, region_code, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [token.id, token.hash, token.label, token.authority, token.agency, token.regionCode, token.by, token.at],
  );
  return inserted.rows[0];
}

export async function listTokens(db: Queryable): Promise<AgencyTokenRow[]> {
  return (await db.query<AgencyTokenRow>('SELECT * FROM agency_tokens ORDER BY created_at DESC')).rows;
}

/** The revoked token, or null when no active token has this id. */
export async function revokeToken(tx: Tx, id: string, at: Date): Promise<AgencyTokenRow | null> {
  const updated = await tx.query<AgencyTokenRow>(
    'UPDATE agency_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING *',
    [id, at],
  );
  return updated.rows[0] ?? null;
}

export async function touchToken(db: Queryable, id: string, at: Date) {
  await execute(db, qb.updateTable('agency_tokens').set({ last_used_at: at }).where('id', '=', id));
}
