// Public surface of the evidence module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { assertUploadsStored } from './service.ts';
export { expireUnclaimedUploads } from './expiry.ts';
