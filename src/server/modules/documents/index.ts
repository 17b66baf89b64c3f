// Public surface of the documents module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { buildRecommendationLetter } from './letter.ts';
export type { RecommendationLetterData } from './letter.ts';
export { renderDocument } from './render.ts';
