// Neutrality pledges (deklarasi netralitas ASN): registered by Bawaslu staff in their
// jurisdiction, published without signatory names, and certified with an Ed25519 signature over
// a canonical JSON document that anyone can verify.
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { assertCanRegisterPledge } from './policy.ts';
import { localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import type { PledgeSigner } from './signing.ts';
import {
  coverageByAgency,
  coverageByRegion,
  findPledge,
  insertPledge,
  listPledgeRows,
  regionName,
  type PledgeFilter,
  type PledgeRow,
} from './repository.ts';

export const PLEDGE_DOCUMENT_TYPE = 'netra.deklarasi-netralitas.v1';

export interface PledgeInput {
  agency: string;
  regionCode: string;
  date: string;
  venue: string;
  signatoryCount?: number;
  signatories?: { name: string; position: string }[];
  documentSha256?: string;
}

/** The signed document: public fields only; the signatory list is bound by its hash. */
export function pledgeDocument(fields: {
  id: string;
  agency: string;
  regionCode: string;
  regionName: string;
  date: string;
  venue: string;
  signatoryCount: number;
  signatoriesSha256: string | null;
  documentSha256: string | null;
  issuedAt: string;
  keyId: string;
}): string {
  return canonicalJson({ type: PLEDGE_DOCUMENT_TYPE, issuer: 'Netra', ...fields });
}

export function publicPledge(row: PledgeRow) {
  return {
    id: row.id,
    agency: row.agency,
    regionCode: row.region_code,
    regionName: row.region_name,
    date: row.pledged_on,
    venue: row.venue,
    signatoryCount: row.signatory_count,
    documentSha256: row.document_sha256,
    issuedAt: new Date(row.created_at).toISOString(),
    keyId: row.key_id,
  };
}

export const verificationPath = (id: string, signature: string) => `/verifikasi/deklarasi/${id}?sig=${signature}`;

const invalid = (field: string, id: string, en: string) => new AppError('validation_failed', { id, en }, { field });

export async function registerPledge(deps: { db: Db; signer: PledgeSigner; now: Date }, principal: Principal, input: PledgeInput) {
  assertCanRegisterPledge(principal, input.regionCode);
  const { db, signer, now } = deps;
  const name = await regionName(db, input.regionCode);
  if (name === null) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${input.regionCode}`, en: `Unknown region code: ${input.regionCode}` },
      { field: 'regionCode' },
    );
  }
  const today = localDateOf(now, zoneForRegion(input.regionCode));
  if (input.date > today)
    throw invalid(
      'date',
      `Tanggal deklarasi (${input.date}) tidak boleh di masa depan (hari ini ${today}).`,
      `The pledge date (${input.date}) cannot be in the future (today is ${today}).`,
    );
  const signatories = input.signatories ?? [];
  if (input.signatoryCount === undefined && signatories.length === 0) {
    throw invalid(
      'signatoryCount',
      'Isi jumlah penanda tangan dan/atau daftar nama penanda tangan.',
      'Give the number of signatories and/or their list.',
    );
  }
  const signatoryCount = input.signatoryCount ?? signatories.length;
  if (signatoryCount < signatories.length) {
    throw invalid(
      'signatoryCount',
      `Jumlah penanda tangan (${signatoryCount}) lebih kecil dari daftar nama (${signatories.length}).`,
      `The signatory count (${signatoryCount}) is smaller than the list (${signatories.length}).`,
    );
  }
  const id = randomUUID();
  const signatoriesSha256 = signatories.length > 0 ? createHash('sha256').update(canonicalJson(signatories)).digest('hex') : null;
  const document = pledgeDocument({
    id,
    agency: input.agency,
    regionCode: input.regionCode,
    regionName: name,
    date: input.date,
    venue: input.venue,
    signatoryCount,
    signatoriesSha256,
    documentSha256: input.documentSha256?.toLowerCase() ?? null,
    issuedAt: now.toISOString(),
    keyId: signer.keyId,
  });
  const signature = signer.sign(document);
  await db.transaction(async (tx) => {
    await insertPledge(tx, {
      id,
      agency: input.agency,
      regionCode: input.regionCode,
      date: input.date,
      venue: input.venue,
      signatoryCount,
      signatories,
      documentSha256: input.documentSha256?.toLowerCase() ?? null,
      canonical: document,
      signature,
      keyId: signer.keyId,
      createdBy: principal.id,
      createdAt: now,
    });
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'pledge.registered',
      entityType: 'pledge',
      entityId: id,
      regionCode: input.regionCode,
      at: now,
      data: { agency: input.agency, date: input.date, signatoryCount, signatoriesListed: signatories.length },
    });
  });
  const row = await findPledge(db, id);
  return { ...publicPledge(row!), document, signature, verificationUrl: verificationPath(id, signature) };
}

export async function listPledges(db: Queryable, filter: PledgeFilter) {
  const { rows, total } = await listPledgeRows(db, filter);
  return { items: rows.map(publicPledge), total };
}

export async function pledgeCoverage(db: Queryable, level: 'provinsi' | 'kabupaten_kota') {
  const [regions, agencies] = await Promise.all([coverageByRegion(db, level), coverageByAgency(db)]);
  return {
    level,
    regions: regions.map((r) => ({
      code: r.code,
      name: r.name,
      pledges: r.pledges,
      agencies: r.agencies,
      signatories: r.signatories,
      asnHeadcount: r.asn === null ? null : Number(r.asn),
      asnSource: r.asn_source,
      coveragePercent: r.asn ? Math.min(100, Math.round((r.signatories / Number(r.asn)) * 10_000) / 100) : null,
    })),
    agencies: agencies.map((a) => ({
      agency: a.agency,
      pledges: a.pledges,
      signatories: a.signatories,
      regions: a.regions,
      lastDate: a.last_on,
    })),
    totals: {
      pledges: regions.reduce((s, r) => s + r.pledges, 0),
      signatories: regions.reduce((s, r) => s + r.signatories, 0),
    },
    note: {
      id: 'Cakupan = penanda tangan ÷ jumlah ASN yang diimpor (impor riwayat risiko, kolom asn_headcount); kosong bila jumlah ASN belum ada. Cakupan ini masuk ke indeks kerawanan.',
      en: 'Coverage = signatories ÷ imported ASN headcount (risk history import, asn_headcount column); empty when unknown. It feeds the vulnerability index.',
    },
  };
}

export type VerifyReason = 'not_found' | 'bad_signature' | 'record_altered' | 'unknown_key' | null;

const REASONS: Record<Exclude<VerifyReason, null>, { id: string; en: string }> = {
  not_found: { id: 'Deklarasi tidak ditemukan.', en: 'Pledge not found.' },
  bad_signature: { id: 'Tanda tangan tidak cocok dengan dokumen.', en: 'The signature does not match the document.' },
  record_altered: {
    id: 'Data deklarasi berbeda dari dokumen yang ditandatangani.',
    en: 'The pledge record differs from the signed document.',
  },
  unknown_key: { id: 'Dokumen ditandatangani dengan kunci lain.', en: 'The document was signed with another key.' },
};

const reasonOf = (reason: VerifyReason) => (reason ? REASONS[reason] : null);

/** Verifies a signature (from the certificate's QR code) against the stored record. */
export async function verifyPledge(db: Queryable, signer: PledgeSigner, id: string, signature: string) {
  const row = await findPledge(db, id);
  if (!row) return { valid: false, pledge: null, reason: 'not_found' as VerifyReason, message: reasonOf('not_found') };
  let reason: VerifyReason = null;
  if (row.key_id !== signer.keyId) reason = 'unknown_key';
  else if (!signer.verify(row.canonical, signature)) reason = 'bad_signature';
  else {
    // The stored document must still say what the row says (no edit behind the signature).
    const stored = JSON.parse(row.canonical) as Record<string, unknown>;
    const current = publicPledge(row);
    const same =
      stored.id === current.id &&
      stored.agency === current.agency &&
      stored.regionCode === current.regionCode &&
      stored.date === current.date &&
      stored.venue === current.venue &&
      stored.signatoryCount === current.signatoryCount &&
      stored.documentSha256 === current.documentSha256;
    if (!same) reason = 'record_altered';
  }
  return { valid: reason === null, pledge: publicPledge(row), reason, message: reasonOf(reason) };
}

/** Verifies a document + signature pair as held by a third party (e.g. attached to the PDF). */
export function verifyPledgeDocument(signer: PledgeSigner, document: string, signature: string) {
  let parsed: Record<string, unknown> | null;
  try {
    parsed = JSON.parse(document) as Record<string, unknown>;
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed.keyId === 'string' && parsed.keyId !== signer.keyId) {
    return { valid: false, reason: 'unknown_key' as VerifyReason, message: reasonOf('unknown_key'), pledgeId: parsed.id ?? null };
  }
  const valid = signer.verify(document, signature);
  return {
    valid,
    reason: (valid ? null : 'bad_signature') as VerifyReason,
    message: valid ? null : reasonOf('bad_signature'),
    pledgeId: parsed && typeof parsed.id === 'string' ? parsed.id : null,
  };
}
