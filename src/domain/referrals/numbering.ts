// Recommendation letter numbers: {seq}/PP.01.00/K.{office code}/{MM}/{YYYY}, gapless per office
// and year (Bawaslu's naskah dinas pattern, classification PP.01.00 = penanganan pelanggaran).
// [UNCONFIRMED] the office segment: Bawaslu uses its own office codes (e.g. K.JI-01); we use the
// Kemendagri region code of the office.
export function formatRecommendationNumber(input: { sequence: number; officeCode: string; month: number; year: number }): string {
  return `${String(input.sequence).padStart(3, '0')}/PP.01.00/K.${input.officeCode}/${String(input.month).padStart(2, '0')}/${input.year}`;
}

export const RECOMMENDATION_NUMBER_PATTERN = /^\d{3,}\/PP\.01\.00\/K\.\d{2}(\.\d{2})?\/\d{2}\/\d{4}$/;
