// Queries of witness rows (sealed by the identity vault; legacy rows may still be plaintext).
import type { Queryable, Tx } from '../../../db/client.ts';

export interface WitnessRow {
  id: number;
  sealed: string | null;
  name: string | null;
  address: string | null;
  phone: string | null;
}

export async function insertSealedWitness(tx: Tx, caseId: string, sealed: string, keyId: string) {
  await tx.query('INSERT INTO case_witnesses (case_id, sealed, key_id) VALUES ($1, $2, $3)', [caseId, sealed, keyId]);
}

export async function listWitnessRows(db: Queryable, caseId: string): Promise<WitnessRow[]> {
  const rows = await db.query<WitnessRow>('SELECT id, sealed, name, address, phone FROM case_witnesses WHERE case_id = $1 ORDER BY id', [
    caseId,
  ]);
  return rows.rows;
}

export async function listUnsealedWitnesses(db: Queryable, limit: number): Promise<WitnessRow[]> {
  const batch = await db.query<WitnessRow>(
    'SELECT id, sealed, name, address, phone FROM case_witnesses WHERE sealed IS NULL ORDER BY id LIMIT $1',
    [limit],
  );
  return batch.rows;
}

/** Seals one legacy row if it is still unsealed; false when another process did it first. */
export async function sealWitnessRow(db: Queryable, id: number, sealed: string, keyId: string): Promise<boolean> {
  const updated = await db.query(
    'UPDATE case_witnesses SET sealed = $2, key_id = $3, name = NULL, address = NULL, phone = NULL WHERE id = $1 AND sealed IS NULL RETURNING id',
    [id, sealed, keyId],
  );
  return updated.rows.length > 0;
}
