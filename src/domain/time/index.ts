export * from './localDate.ts';
export * from './zones.ts';
