// Public surface of the cases module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { nowOf } from './deps.ts';
export type { CaseDeps } from './deps.ts';
export { suggestLinksForCase } from './duplicates.ts';
export { createInformasiAwal } from './informasiAwal.ts';
export { loadCaseForStaff } from './staffCase.ts';
export { listClocks, listTerlapor, officeName } from './repository.ts';
export type { CaseRow, TerlaporRow } from './repository.ts';
export { ACT_IDS, revealReason, temuanBody, terlaporSchema, trackingBody } from './schemas.ts';
export { authenticateTracking } from './tracking.ts';
