// Addressing a referral to an instansi catalogue entry (catalogues/instansi.ts): messages for
// bad addresses, and the (region, key) check against the regions table.
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { checkAgencyAddress, type AddressProblem } from '../../../domain/catalogues/instansi.ts';
import { regionExists } from './repository.ts';

export const ADDRESS_MESSAGES: Record<AddressProblem, { id: string; en: string }> = {
  REGION_NOT_PEMDA: {
    id: 'Kode wilayah harus provinsi atau kabupaten/kota (pemerintah daerah).',
    en: 'The region code must be a province or a regency/city (a regional government).',
  },
  UNKNOWN_INSTANSI: { id: 'Instansi tidak ada dalam katalog.', en: 'The agency is not in the catalogue.' },
  NOT_IN_PROVINCE: {
    id: 'Instansi ini hanya ada di pemerintah kabupaten/kota.',
    en: 'This agency exists only in a regency/city government.',
  },
};

/** Throws a 400/404 naming `field` (prefix) when (regionCode, key) is not a real catalogue entry. */
export async function assertAgencyAddress(db: Queryable, regionCode: string, key: string, field: string) {
  const problem = checkAgencyAddress(regionCode, key);
  if (problem)
    throw new AppError('validation_failed', ADDRESS_MESSAGES[problem], {
      field: problem === 'REGION_NOT_PEMDA' ? `${field}.kodeWilayah` : `${field}.instansi`,
    });
  if (!(await regionExists(db, regionCode))) {
    throw new AppError(
      'region_not_found',
      { id: `Kode wilayah tidak dikenal: ${regionCode}`, en: `Unknown region code: ${regionCode}` },
      { field: `${field}.kodeWilayah` },
    );
  }
}
