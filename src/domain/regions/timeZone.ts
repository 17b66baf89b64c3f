// The region's own legal time zone label (WIB/WITA/WIT), from its province.
import { zoneForRegion, type ZoneLabel } from '../time/zones.ts';

export function timeZoneForRegion(code: string): ZoneLabel {
  return zoneForRegion(code).label;
}
