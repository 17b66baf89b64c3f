// Public surface of the elections module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { listCandidatePairs, listElections } from './repository.ts';
