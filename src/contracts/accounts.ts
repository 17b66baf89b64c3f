// Staff accounts and sessions: sign-in (cookie + CSRF token), the first-admin setup link, TOTP
// enrolment, and the admin's user list. Request bodies live here too, so the web app's forms and
// integrators see the same limits the server enforces (numbers in ./limits.ts).
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/access/policy.ts';
import { isoDateTime, listOf } from './common.ts';
import { ACCOUNT_LIMITS, TOTP_CODE_PATTERN } from './limits.ts';

// ---- requests -------------------------------------------------------------------------------

export const totpCodeSchema = z.string().regex(new RegExp(TOTP_CODE_PATTERN), '6 angka / 6 digits');
export const recoveryCodeSchema = z
  .string()
  .trim()
  .min(ACCOUNT_LIMITS.recoveryCode.min)
  .max(ACCOUNT_LIMITS.recoveryCode.max)
  .regex(/^[A-Za-z0-9 -]+$/, 'huruf, angka dan tanda hubung / letters, digits and hyphens');

export const loginBody = z.object({
  username: z.string().trim().min(1).max(ACCOUNT_LIMITS.username.max),
  password: z.string().min(1).max(ACCOUNT_LIMITS.password.max),
  totp: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});
export type LoginInput = z.input<typeof loginBody>;

/** The current second factor, needed to re-enrol TOTP or switch it off. */
export const currentFactorBody = z.object({ code: totpCodeSchema.optional(), recoveryCode: recoveryCodeSchema.optional() });

export const usernameSchema = z
  .string()
  .trim()
  .min(ACCOUNT_LIMITS.username.min)
  .max(ACCOUNT_LIMITS.username.max)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'huruf, angka, titik, garis bawah, @ atau tanda hubung / letters, digits, dot, underscore, @ or hyphen');
export const passwordSchema = z.string().min(ACCOUNT_LIMITS.password.min).max(ACCOUNT_LIMITS.password.max);
const displayNameSchema = z.string().trim().min(ACCOUNT_LIMITS.displayName.min).max(ACCOUNT_LIMITS.displayName.max);

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  password: passwordSchema,
  role: z.enum(STAFF_ROLES),
  regionCode: z.string().max(20).nullable().optional(),
  agency: z.string().trim().max(ACCOUNT_LIMITS.agency.max).nullable().optional(),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const setupBody = z.object({
  token: z.string().min(1).max(200),
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  password: passwordSchema,
});

// ---- responses ------------------------------------------------------------------------------

export const staffUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(STAFF_ROLES),
    regionCode: z.string().nullable(),
    agency: z.string().nullable(),
    totpEnabled: z.boolean(),
    totpRequired: z
      .boolean()
      .describe('NETRA_REQUIRE_TOTP: enrolment is required before anything else (other calls answer 403 totp_required)'),
    totpMandatory: z.boolean().describe('TOTP cannot be switched off for this role (only re-enrolled)'),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof staffUserSchema>;

export const loginResultSchema = z
  .object({
    user: staffUserSchema,
    csrfToken: z.string().describe('send as x-csrf-token on every state change (also set as the netra_csrf cookie)'),
    expiresAt: isoDateTime,
  })
  .meta({ id: 'LoginResult' });
export type LoginResponse = z.infer<typeof loginResultSchema>;

export const userEnvelopeSchema = z.object({ user: staffUserSchema });
export const currentUserSchema = z.object({ user: staffUserSchema, recoveryCodesLeft: z.number().int() }).meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const totpEnrolmentSchema = z
  .object({
    secret: z.string().describe('base32, to type into an authenticator app'),
    uri: z.string().describe('otpauth:// URI for a QR code'),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const totpConfirmedSchema = z.object({ ok: z.literal(true), recoveryCodes: z.array(z.string()).describe('shown once') });
export type TotpConfirmed = z.infer<typeof totpConfirmedSchema>;

export const userListSchema = listOf(staffUserSchema);
export type UserList = z.infer<typeof userListSchema>;
export type UserEnvelope = z.infer<typeof userEnvelopeSchema>;
