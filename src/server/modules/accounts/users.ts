// Staff accounts: creation (by an admin, the CLI or the setup link), listing, presentation, and the
// start-up sealing of TOTP secrets older versions stored in plaintext.
import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Vault } from '../../platform/vault.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/index.ts';
import { setupDone } from './setup.ts';
import { assertCanManageUsers } from './policy.ts';
import { STAFF_ROLES, validateRoleScope, type Principal, type StaffRole } from '../../../domain/access/policy.ts';
import { totpRequiredFor, type TotpRequirement } from '../../../domain/access/throttle.ts';
import {
  adminExists,
  countAdminRows,
  countUserRows,
  insertUser,
  listUserRows,
  lockFirstAdmin,
  regionExists,
  sealTotpSecret,
  usernameTaken,
  usersWithPlaintextTotp,
  type UserRow,
} from './repository/users.ts';

export type { UserRow } from './repository/users.ts';

export function toPrincipal(user: Pick<UserRow, 'id' | 'role' | 'region_code' | 'agency'>): Principal {
  return { id: user.id, role: user.role, regionCode: user.region_code, agency: user.agency };
}

export function presentUser(user: UserRow, requireTotp: TotpRequirement = 'off') {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    agency: user.agency,
    totpEnabled: user.totp_enabled,
    /** TOTP must be enrolled before anything else (NETRA_REQUIRE_TOTP). */
    totpRequired: !user.totp_enabled && totpRequiredFor(user.role, requireTotp),
    /** Whether switching TOTP off is allowed for this role. */
    totpMandatory: totpRequiredFor(user.role, requireTotp),
  };
}

export interface CreateUserInput {
  username: string;
  displayName?: string;
  password: string;
  role: StaffRole;
  regionCode?: string | null;
  agency?: string | null;
}

const invalid = (field: string, id: string, en: string) => new AppError('validation_failed', { id, en }, { field });

/** Role, password length and the role's region/agency scope (no database). */
function checkNewUser(input: CreateUserInput): void {
  if (!STAFF_ROLES.includes(input.role)) throw invalid('role', `Peran tidak dikenal: ${input.role}`, `Unknown role: ${input.role}`);
  if (input.password.length < 10) throw invalid('password', 'Kata sandi minimal 10 karakter.', 'Password must be at least 10 characters.');
  const scopeProblem = validateRoleScope(input.role, input.regionCode ?? null, input.agency ?? null);
  if (scopeProblem === 'region' && input.role === 'ppk') {
    throw invalid(
      'region',
      'Peran PPK memerlukan kode wilayah pemerintah daerah (provinsi atau kabupaten/kota, mis. 16.02).',
      "The PPK role needs the regional government's region code (a province or regency/city, e.g. 16.02).",
    );
  }
  if (scopeProblem === 'region') {
    throw invalid(
      'region',
      'Peran pengawas memerlukan kode wilayah pada tingkat yang sesuai (mis. 16 untuk provinsi, 16.02 untuk kabupaten/kota).',
      'Supervisor roles need a region code of the matching level (e.g. 16 for a province, 16.02 for a regency/city).',
    );
  }
  if (scopeProblem === 'agency') {
    throw invalid(
      'agency',
      'Peran PPK memerlukan instansi dari katalog (mis. dinas_pendidikan).',
      'The PPK role needs an agency from the catalogue (e.g. dinas_pendidikan).',
    );
  }
}

/**
 * `firstAdmin`: the setup link's path; refused with `setup_done` once any admin exists (checked
 * under a lock in the same transaction, so two setups at once make one admin).
 */
export async function createUser(
  db: Db,
  input: CreateUserInput,
  actor: Principal | null,
  options: { firstAdmin?: boolean } = {},
): Promise<UserRow> {
  assertCanManageUsers(actor);
  checkNewUser(input);
  if (input.regionCode && !(await regionExists(db, input.regionCode))) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` },
      { field: 'region' },
    );
  }
  const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
  const id = randomUUID();
  return db.transaction(async (tx) => {
    if (options.firstAdmin) {
      await lockFirstAdmin(tx);
      if (await adminExists(tx)) throw setupDone();
    }
    if (await usernameTaken(tx, input.username)) {
      throw new AppError(
        'conflict',
        { id: `Nama pengguna sudah dipakai: ${input.username}`, en: `Username already taken: ${input.username}` },
        { field: 'username' },
      );
    }
    const user = await insertUser(tx, {
      id,
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      role: input.role,
      regionCode: input.regionCode ?? null,
      agency: input.agency ?? null,
    });
    await appendAudit(tx, {
      actor: actor ? { id: actor.id, role: actor.role } : { id: null, role: options.firstAdmin ? 'setup' : 'cli' },
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      regionCode: input.regionCode ?? null,
      data: {
        username: input.username,
        role: input.role,
        agency: input.agency ?? null,
        ...(options.firstAdmin ? { via: 'setup_link' } : {}),
      },
    });
    return user;
  });
}

/** Every staff account, by username (admins only). */
export async function listUsers(db: Queryable, actor: Principal): Promise<UserRow[]> {
  assertCanManageUsers(actor);
  return listUserRows(db);
}

export const countAdmins = (db: Queryable): Promise<number> => countAdminRows(db);

export const countUsers = (db: Queryable): Promise<number> => countUserRows(db);

/**
 * Seals TOTP secrets stored in plaintext by versions before migration 0013 (a migration cannot
 * reach the vault). Runs at start; idempotent; an enabled secret becomes the sealed active one,
 * an unconfirmed one the sealed pending one.
 */
export async function sealPlaintextTotpSecrets(db: Db, vault: Vault): Promise<number> {
  const plain = await usersWithPlaintextTotp(db);
  for (const row of plain) {
    await db.transaction(async (tx) => {
      const user = { id: row.id, plaintext: row.totp_secret, enabled: row.totp_enabled };
      if (await sealTotpSecret(tx, user, vault.encrypt(row.totp_secret))) {
        await appendAudit(tx, { actor: SYSTEM_ACTOR, action: 'auth.totp_secret_sealed', entityType: 'user', entityId: row.id });
      }
    });
  }
  return plain.length;
}
