// What the lead services need, passed explicitly.
import type { Db } from '../../db/client.ts';
import type { EvidenceStore } from '../../platform/storage.ts';
import type { Gazetteer } from '../../../domain/triage/index.ts';
import { buildGazetteer } from '../../../domain/triage/index.ts';
import { readProvinces, readRegencies } from '../../reference/idnArea.ts';
import type { FetchGuard } from './fetcher.ts';

export interface LeadJobDeps {
  db: Db;
  evidence: EvidenceStore;
  /** SSRF guard settings; tests may exempt their local feed server's origin. Production passes none. */
  fetchGuard?: FetchGuard;
  gazetteer?: Gazetteer;
}

let cached: Gazetteer | null = null;
/** The triage gazetteer from the bundled Kemendagri codes, built once per process. */
export function leadGazetteer(deps: { gazetteer?: Gazetteer }): Gazetteer {
  if (deps.gazetteer) return deps.gazetteer;
  cached ??= buildGazetteer([...readProvinces(), ...readRegencies()]);
  return cached;
}
