// Public surface of the stats module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { matchesEtag, sendWithEtag } from './http.ts';
export { etagOf, invalidateStats, statsCacheFor } from './service.ts';
