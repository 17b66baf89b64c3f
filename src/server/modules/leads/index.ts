// Public surface of the leads module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { leadJobs } from './jobs.ts';
export { leadCountsByRegion } from './counts.ts';
export type { FetchGuard } from './fetcher.ts';
