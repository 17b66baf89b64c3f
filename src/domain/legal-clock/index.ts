export * from './rules.ts';
export * from './compute.ts';
