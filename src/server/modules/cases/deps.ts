import type { Db, ReadDb } from '../../db/client.ts';
import type { Vault } from '../../platform/vault.ts';
import type { EvidenceStore } from '../../platform/storage.ts';

/** What the case services need, passed explicitly (no global clients). */
export interface CaseDeps {
  db: Db;
  /** A replica for reads that nothing writes after (analysts' queue); default `db`. */
  readDb?: ReadDb;
  vault: Vault;
  evidence: EvidenceStore;
  now?: () => Date;
  /** Per-address ceiling on POST /api/v1/laporan per minute (config NETRA_INTAKE_PER_MINUTE). */
  intakePerMinute?: number;
  /** Per-address ceiling on POST /api/v1/informasi per minute (config NETRA_INFORMASI_PER_MINUTE). */
  informasiPerMinute?: number;
}

export const nowOf = (deps: CaseDeps) => (deps.now ? deps.now() : new Date());
