// What the lead services need, passed explicitly.
import type { Db } from '../../db/client.ts';
import type { EvidenceStore } from '../../platform/storage.ts';
import type { Gazetteer } from '../../../domain/triage/index.ts';
import { buildGazetteer } from '../../../domain/triage/index.ts';
import { readProvinces, readRegencies } from '../../reference/idnArea.ts';
import type { FetchImpl } from './fetcher.ts';

export interface LeadJobDeps {
  db: Db;
  evidence: EvidenceStore;
  /** Tests may pass their own fetch; production uses the global one. */
  fetchImpl?: FetchImpl;
  gazetteer?: Gazetteer;
}

let cached: Gazetteer | null = null;
/** The triage gazetteer from the bundled Kemendagri codes, built once per process. */
export function leadGazetteer(deps: { gazetteer?: Gazetteer }): Gazetteer {
  if (deps.gazetteer) return deps.gazetteer;
  cached ??= buildGazetteer([...readProvinces(), ...readRegencies()]);
  return cached;
}
