// Witnesses (saksi) of a laporan: name, address and phone are personal data of people who did not
// file the report themselves, so they are sealed by the identity vault like the reporter's
// identity and opened only when handling staff read the case.
import type { Queryable, Tx } from '../../db/client.ts';
import type { Vault } from '../../platform/vault.ts';
import { insertSealedWitness, listUnsealedWitnesses, listWitnessRows, sealWitnessRow, type WitnessRow } from './repository/witnesses.ts';

export interface Witness {
  name: string;
  address: string;
  phone: string | null;
}

/** A witness sealed by the identity vault, as stored in case_witnesses.sealed. */
export const sealWitness = (vault: Vault, w: Witness) =>
  vault.encrypt(JSON.stringify({ name: w.name, address: w.address, phone: w.phone }));

export async function insertWitnesses(tx: Tx, vault: Vault, caseId: string, witnesses: Witness[]) {
  for (const w of witnesses) await insertSealedWitness(tx, caseId, sealWitness(vault, w), vault.keyId);
}

const openRow = (vault: Vault, row: WitnessRow): Witness => {
  if (row.sealed) return JSON.parse(vault.decrypt(row.sealed)) as Witness;
  // A legacy row not sealed yet (sealLegacyWitnesses runs at start).
  return { name: row.name ?? '', address: row.address ?? '', phone: row.phone };
};

export async function listWitnesses(db: Queryable, vault: Vault, caseId: string): Promise<Witness[]> {
  return (await listWitnessRows(db, caseId)).map((r) => openRow(vault, r));
}

/**
 * Seals witness rows still in plaintext (written before migration 0014, or restored from an old
 * backup) and clears their plaintext columns. Idempotent and safe with several processes starting
 * at once: each UPDATE only touches a row that is still unsealed.
 */
export async function sealLegacyWitnesses(db: Queryable, vault: Vault): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await listUnsealedWitnesses(db, 500);
    if (batch.length === 0) return sealed;
    for (const row of batch) {
      if (await sealWitnessRow(db, row.id, sealWitness(vault, openRow(vault, row)), vault.keyId)) sealed++;
    }
  }
}
