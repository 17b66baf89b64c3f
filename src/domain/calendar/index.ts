export * from './holidays.ts';
export * from './workingDays.ts';
