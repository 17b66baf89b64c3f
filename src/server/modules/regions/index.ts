// Public surface of the regions module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { regionCodeSchema } from './routes.ts';
