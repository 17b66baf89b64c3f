export * from './rules.ts';
export * from './compute.ts';
export * from './guards.ts';
