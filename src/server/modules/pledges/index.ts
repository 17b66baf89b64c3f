// Public surface of the pledges module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { listPledges } from './service.ts';
