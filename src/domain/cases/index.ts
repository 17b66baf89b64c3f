export * from './stateMachine.ts';
export * from './nik.ts';
export * from './nip.ts';
export * from './registrationNumber.ts';
