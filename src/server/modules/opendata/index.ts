// Public surface of the opendata module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { GEO_DATA_DIR } from './service.ts';
