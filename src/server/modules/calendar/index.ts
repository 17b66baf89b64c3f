// Public surface of the calendar module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { loadCalendar } from './service.ts';
