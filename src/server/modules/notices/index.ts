// Public surface of the notices module: other modules and the job registry import only from here
// (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { insertNotice, NOTICE_EMAIL_ATTEMPTS } from './service.ts';
export { listNoticesForReporter, listNoticesOfCase } from './repository.ts';
export { noticeJobs } from './delivery.ts';
