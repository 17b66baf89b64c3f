// Public surface of the risk module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { computeRegionRisks } from './service.ts';
