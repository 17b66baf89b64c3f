// zod building blocks shared by request schemas of several modules (cases, leads, calendar,
// evidence): free text that may not carry markup, calendar dates, Kemendagri region codes.
import { z } from 'zod';

/** Markup is never legitimate in a report; rejecting it keeps stored text inert everywhere. */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|\bon[a-z]+\s*=/i;
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !MARKUP.test(v), { message: 'tidak boleh berisi tag HTML atau skrip / must not contain HTML or script' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'format tanggal YYYY-MM-DD / date as YYYY-MM-DD')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'tanggal tidak ada / not a real date',
  );

export const regionCode = z
  .string()
  .regex(
    /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/,
    'kode wilayah Kemendagri, mis. 16.02 atau 16.02.01.2001 / Kemendagri region code, e.g. 16.02 or 16.02.01.2001',
  );
