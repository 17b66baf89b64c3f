// API tokens for authorities' systems. The token is shown once; only its SHA-256 is stored.
// Scope: an authority, optionally an agency and a region (see domain/referrals/access.ts). A PPK
// token is one instansi catalogue entry: region of the pemerintah daerah + instansi key, both required.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { checkAgencyAddress } from '../../../domain/catalogues/instansi.ts';
import { regionExists, type AgencyTokenRow } from './repository.ts';
import { findTokenByHash, insertToken, listTokens, revokeToken, touchToken } from './repository/tokens.ts';
import { assertCanAdministerReferrals } from './policy.ts';
import { ADDRESS_MESSAGES } from './address.ts';

const hashAgencyToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CreateTokenInput {
  authority: string;
  agency?: string;
  regionCode?: string;
  label: string;
}

function presentToken(t: AgencyTokenRow) {
  return {
    id: t.id,
    label: t.label,
    authority: t.authority,
    agency: t.agency,
    regionCode: t.region_code,
    createdAt: new Date(t.created_at).toISOString(),
    revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
    lastUsedAt: t.last_used_at ? new Date(t.last_used_at).toISOString() : null,
  };
}

export async function createAgencyToken(db: Db, principal: Principal, input: CreateTokenInput, now: Date) {
  assertCanAdministerReferrals(principal);
  await validateTokenScope(db, input);
  const token = `ntr_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const row = await db.transaction(async (tx) => {
    const inserted = await insertToken(tx, {
      id,
      hash: hashAgencyToken(token),
      label: input.label,
      authority: input.authority,
      agency: input.agency ?? null,
      regionCode: input.regionCode ?? null,
      by: principal.id,
      at: now,
    });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'agency_token.created',
      entityType: 'agency_token',
      entityId: id,
      regionCode: input.regionCode ?? null,
      at: now,
      data: { authority: input.authority, agency: input.agency ?? null, label: input.label },
    });
    return inserted;
  });
  return {
    ...presentToken(row),
    token,
    message: { id: 'Simpan token ini sekarang; token tidak ditampilkan lagi.', en: 'Store this token now; it will not be shown again.' },
  };
}

async function validateTokenScope(db: Queryable, input: CreateTokenInput) {
  if (input.authority === 'KASN') {
    throw new AppError(
      'validation_failed',
      {
        id: 'KASN tidak lagi berwenang sejak 25 Agustus 2024; buat token BKN.',
        en: 'KASN has not held the function since 25 Aug 2024; issue a BKN token.',
      },
      { field: 'authority' },
    );
  }
  if (input.authority === 'PPK') {
    if (!input.regionCode) {
      throw new AppError(
        'validation_failed',
        { id: 'Token PPK memerlukan kode wilayah pemerintah daerah.', en: "A PPK token needs the regional government's region code." },
        { field: 'regionCode' },
      );
    }
    if (!input.agency) {
      throw new AppError(
        'validation_failed',
        { id: 'Token PPK memerlukan instansi dari katalog.', en: 'A PPK token needs an agency from the catalogue.' },
        { field: 'agency' },
      );
    }
    const problem = checkAgencyAddress(input.regionCode, input.agency);
    if (problem) {
      throw new AppError('validation_failed', ADDRESS_MESSAGES[problem], {
        field: problem === 'REGION_NOT_PEMDA' ? 'regionCode' : 'agency',
      });
    }
  }
  if (input.regionCode && !(await regionExists(db, input.regionCode))) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` },
      { field: 'regionCode' },
    );
  }
}

export async function listAgencyTokens(db: Queryable, principal: Principal) {
  assertCanAdministerReferrals(principal);
  const items = (await listTokens(db)).map(presentToken);
  return { items, total: items.length };
}

export async function revokeAgencyToken(db: Db, principal: Principal, id: string, now: Date) {
  assertCanAdministerReferrals(principal);
  return db.transaction(async (tx) => {
    const revoked = await revokeToken(tx, id, now);
    if (!revoked) throw new AppError('not_found', { id: 'Token tidak ditemukan.', en: 'Token not found.' });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'agency_token.revoked',
      entityType: 'agency_token',
      entityId: id,
      at: now,
    });
    return presentToken(revoked);
  });
}

/** `Authorization: Bearer <token>` → the token row, or 401. */
export async function authenticateAgency(db: Queryable, request: FastifyRequest, now: Date): Promise<AgencyTokenRow> {
  const header = String(request.headers.authorization ?? '');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const row = match ? await findTokenByHash(db, hashAgencyToken(match[1])) : null;
  if (!row) {
    throw new AppError(
      'unauthenticated',
      { id: 'Token API instansi tidak ada atau tidak sah.', en: 'Missing or invalid agency API token.' },
      { field: 'Authorization' },
    );
  }
  await touchToken(db, row.id, now);
  return row;
}
