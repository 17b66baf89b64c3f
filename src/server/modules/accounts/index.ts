// Public surface of the accounts module: other modules, the HTTP auth hook and the composition root
// import only from here (dependency rule `modules-through-index` in .dependency-cruiser.cjs).
export { registerAccountRoutes } from './routes.ts';
export { createSetupLink, setupDone, setupTokenInvalid, SETUP_TOKEN_TTL_MS, type SetupLink } from './setup.ts';
export { countAdmins, countUsers, createUser, presentUser, sealPlaintextTotpSecrets, toPrincipal, type CreateUserInput } from './users.ts';
export { findSession, hashToken, login, logout, type LoginResult } from './sessions.ts';
export { beginTotpEnrolment, confirmTotpEnrolment, disableTotp, recoveryCodesLeft, type AccountDeps, type SecondFactor } from './totp.ts';
export type { UserRow } from './repository/users.ts';
