export * from './states.ts';
export * from './sanctions.ts';
export * from './proposal.ts';
export * from './access.ts';
export * from './conflict.ts';
export * from './escalation.ts';
export * from './numbering.ts';
export * from './stats.ts';
