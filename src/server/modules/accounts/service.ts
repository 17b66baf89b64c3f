// The accounts use cases as they were exported before the module was split by feature (users,
// sessions, sign-in limits, TOTP); kept for the callers that still import this file. New code
// imports the module's index.ts.
export { countAdmins, countUsers, createUser, presentUser, sealPlaintextTotpSecrets, toPrincipal, type CreateUserInput } from './users.ts';
export { findSession, hashToken, login, logout, type LoginResult } from './sessions.ts';
export { addressScope, assertNotThrottled, pairScope, recordFailure, totpScope } from './throttle.ts';
export {
  acceptSecondFactor,
  activeTotpSecret,
  beginTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  recoveryCodesLeft,
  RECOVERY_CODE_COUNT,
  totpFor,
  type AccountDeps,
  type SecondFactor,
} from './totp.ts';
export type { UserRow } from './repository/users.ts';
