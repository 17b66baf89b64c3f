// Which Bawaslu office handles a case, from the place of the event. Bawaslu Kabupaten/Kota
// handle pilbup/pilwalkot and receive reports for their area; Bawaslu Provinsi handles pilgub
// and events reported at province level (UU 1/2015 jo. UU 10/2016 Pasal 22A, 134(1)).
// A case can be transferred (pelimpahan) to another office keeping its clock.
import type { RegistrationLevel } from './registrationNumber.ts';

export function officeForEventRegion(eventRegionCode: string): string {
  const parts = eventRegionCode.split('.');
  return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : parts[0];
}

export function isOfficeCode(code: string): boolean {
  return /^\d{2}(\.\d{2})?$/.test(code);
}

/** Prov / Kab / Kota segment of the registration number (regency part 71–99 is a kota). */
export function registrationLevelOfOffice(officeCode: string): RegistrationLevel {
  if (/^\d{2}$/.test(officeCode)) return 'Prov';
  return Number(officeCode.slice(3, 5)) >= 71 ? 'Kota' : 'Kab';
}
