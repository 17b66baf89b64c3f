// API tokens for authorities' systems. The token is shown once; only its SHA-256 is stored.
// Scope: an authority, optionally an agency and a region (see domain/referrals/access.ts). A PPK
// token is one instansi catalogue entry: region of the pemerintah daerah + instansi key, both required.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import { canManageUsers, type Principal } from '../../../domain/access/policy.ts';
import { checkAgencyAddress } from '../../../domain/catalogues/instansi.ts';
import { findTokenByHash, type AgencyTokenRow } from './repository.ts';
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
  if (!canManageUsers(principal)) throw forbidden();
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
  if (input.regionCode && (await db.query('SELECT 1 FROM regions WHERE code = $1', [input.regionCode])).rows.length === 0) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` },
      { field: 'regionCode' },
    );
  }
  const token = `ntr_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const row = await db.transaction(async (tx) => {
    const inserted = await tx.query<AgencyTokenRow>(
      `INSERT INTO agency_tokens (id, token_hash, label, authority, agency, region_code, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [id, hashAgencyToken(token), input.label, input.authority, input.agency ?? null, input.regionCode ?? null, principal.id, now],
    );
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'agency_token.created',
      entityType: 'agency_token',
      entityId: id,
      regionCode: input.regionCode ?? null,
      at: now,
      data: { authority: input.authority, agency: input.agency ?? null, label: input.label },
    });
    return inserted.rows[0];
  });
  return {
    ...presentToken(row),
    token,
    message: { id: 'Simpan token ini sekarang; token tidak ditampilkan lagi.', en: 'Store this token now; it will not be shown again.' },
  };
}

export async function listAgencyTokens(db: Queryable, principal: Principal) {
  if (!canManageUsers(principal)) throw forbidden();
  const items = (await db.query<AgencyTokenRow>('SELECT * FROM agency_tokens ORDER BY created_at DESC')).rows.map(presentToken);
  return { items, total: items.length };
}

export async function revokeAgencyToken(db: Db, principal: Principal, id: string, now: Date) {
  if (!canManageUsers(principal)) throw forbidden();
  return db.transaction(async (tx) => {
    const updated = await tx.query<AgencyTokenRow>(
      'UPDATE agency_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING *',
      [id, now],
    );
    if (updated.rows.length === 0) throw new AppError('not_found', { id: 'Token tidak ditemukan.', en: 'Token not found.' });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'agency_token.revoked',
      entityType: 'agency_token',
      entityId: id,
      at: now,
    });
    return presentToken(updated.rows[0]);
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
  await db.query('UPDATE agency_tokens SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  return row;
}
