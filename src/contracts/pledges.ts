// Neutrality pledges: the public register, coverage, the signing key and verification.
import { z } from 'zod';
import { bilingual, isoDateTime, listOf } from './common.ts';

export const publicPledgeSchema = z
  .object({
    id: z.string(),
    agency: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    date: z.string().describe('YYYY-MM-DD'),
    venue: z.string(),
    signatoryCount: z.number().int(),
    documentSha256: z.string().nullable(),
    issuedAt: isoDateTime,
    keyId: z.string(),
  })
  .meta({ id: 'PublicPledge' });
export type PublicPledge = z.infer<typeof publicPledgeSchema>;

export const signedPledgeSchema = publicPledgeSchema.extend({
  document: z.string().describe('canonical JSON that was signed'),
  signature: z.string().describe('Ed25519, base64url'),
});
export const registeredPledgeSchema = signedPledgeSchema.extend({ verificationUrl: z.string() });
export type RegisteredPledge = z.infer<typeof registeredPledgeSchema>;

export const pledgeListSchema = listOf(publicPledgeSchema);

const verifyReason = z.enum(['not_found', 'unknown_key', 'bad_signature', 'record_altered']).nullable();
export const pledgeVerificationSchema = z.object({
  valid: z.boolean(),
  pledge: publicPledgeSchema.nullable(),
  reason: verifyReason,
  message: bilingual.nullable(),
});
export type PledgeVerification = z.infer<typeof pledgeVerificationSchema>;
export const pledgeDocumentVerificationSchema = z.object({
  valid: z.boolean(),
  reason: verifyReason,
  message: bilingual.nullable(),
  pledgeId: z.unknown(),
});

export const pledgeCoverageSchema = z.object({
  level: z.enum(['provinsi', 'kabupaten_kota']),
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      pledges: z.number(),
      agencies: z.number(),
      signatories: z.number(),
      asnHeadcount: z.number().nullable(),
      asnSource: z.string().nullable(),
      coveragePercent: z.number().nullable(),
    }),
  ),
  agencies: z.array(
    z.object({ agency: z.string(), pledges: z.number(), signatories: z.number(), regions: z.number(), lastDate: z.string() }),
  ),
  totals: z.object({ pledges: z.number(), signatories: z.number() }),
  note: bilingual,
});
export type PledgeCoverage = z.infer<typeof pledgeCoverageSchema>;

export const pledgePublicKeySchema = z.object({
  algorithm: z.string().describe('Ed25519'),
  keyId: z.string(),
  pem: z.string(),
  spkiBase64: z.string(),
  signedContent: z.string(),
});
