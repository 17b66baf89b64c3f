// Public surface of the audit module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { auditCheckpointJobs, publicCheckpointDocument } from './checkpoints.ts';
export { SYSTEM_ACTOR, appendAudit } from './service.ts';
export type { AuditActor } from './service.ts';
