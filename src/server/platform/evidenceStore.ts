// The evidence store this instance is configured with: S3 when NETRA_EVIDENCE_URL is set,
// otherwise the data directory's `evidence/` folder.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { createS3EvidenceStore } from './s3Storage.ts';
import { createDiskEvidenceStore, type EvidenceStore } from './storage.ts';

export function createConfiguredEvidenceStore(config: Pick<Config, 'dataDir' | 'evidenceLocation'>): EvidenceStore {
  return config.evidenceLocation
    ? createS3EvidenceStore(config.evidenceLocation)
    : createDiskEvidenceStore(join(config.dataDir, 'evidence'));
}
