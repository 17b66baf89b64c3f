// Witnesses (saksi) of a laporan: name, address and phone are personal data of people who did not
// file the report themselves, so they are sealed by the identity vault like the reporter's
// identity and opened only when handling staff read the case.
import type { Queryable } from '../../db/client.ts';
import type { Vault } from '../../platform/vault.ts';

export interface Witness {
  name: string;
  address: string;
  phone: string | null;
}

interface WitnessRow {
  id: number;
  sealed: string | null;
  name: string | null;
  address: string | null;
  phone: string | null;
}

export async function insertWitnesses(tx: Queryable, vault: Vault, caseId: string, witnesses: Witness[]) {
  for (const w of witnesses) {
    await tx.query('INSERT INTO case_witnesses (case_id, sealed, key_id) VALUES ($1, $2, $3)', [
      caseId,
      vault.encrypt(JSON.stringify({ name: w.name, address: w.address, phone: w.phone })),
      vault.keyId,
    ]);
  }
}

const openRow = (vault: Vault, row: WitnessRow): Witness => {
  if (row.sealed) return JSON.parse(vault.decrypt(row.sealed)) as Witness;
  // A legacy row not sealed yet (sealLegacyWitnesses runs at start).
  return { name: row.name ?? '', address: row.address ?? '', phone: row.phone };
};

export async function listWitnesses(db: Queryable, vault: Vault, caseId: string): Promise<Witness[]> {
  const rows = await db.query<WitnessRow>('SELECT id, sealed, name, address, phone FROM case_witnesses WHERE case_id = $1 ORDER BY id', [
    caseId,
  ]);
  return rows.rows.map((r) => openRow(vault, r));
}

/**
 * Seals witness rows still in plaintext (written before migration 0014, or restored from an old
 * backup) and clears their plaintext columns. Idempotent and safe with several processes starting
 * at once: each UPDATE only touches a row that is still unsealed.
 */
export async function sealLegacyWitnesses(db: Queryable, vault: Vault): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await db.query<WitnessRow>(
      'SELECT id, sealed, name, address, phone FROM case_witnesses WHERE sealed IS NULL ORDER BY id LIMIT 500',
    );
    if (batch.rows.length === 0) return sealed;
    for (const row of batch.rows) {
      const updated = await db.query(
        'UPDATE case_witnesses SET sealed = $2, key_id = $3, name = NULL, address = NULL, phone = NULL WHERE id = $1 AND sealed IS NULL RETURNING id',
        [row.id, vault.encrypt(JSON.stringify(openRow(vault, row))), vault.keyId],
      );
      sealed += updated.rows.length;
    }
  }
}
