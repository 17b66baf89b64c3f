// Public announcements of case status (pengumuman status laporan/temuan, Perbawaslu 8/2020 jo.
// 9/2024): registration number, office, state and the terlapor by position and agency only —
// never the reporter, never names.
import type { Queryable } from '../../db/client.ts';
import { STATE_LABELS } from '../../../domain/cases/stateMachine.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import { listAnnouncementRows } from './repository/queue.ts';

const ANNOUNCED_ACTIONS = [
  'terima',
  'registrasi',
  'tolak_registrasi',
  'kelengkapan_tidak_dipenuhi',
  'tetapkan_temuan',
  'teruskan',
  'nyatakan_bukan_pelanggaran',
  'limpahkan',
  'cabut',
];

export async function listAnnouncements(db: Queryable, query: { office?: string; limit: number; offset: number }) {
  const rows = await listAnnouncementRows(db, ANNOUNCED_ACTIONS, query);
  return {
    items: rows.map((r) => ({
      at: new Date(r.occurred_at).toISOString(),
      atLocal: formatLocalDateTime(new Date(r.occurred_at), zoneForRegion(r.office_code)),
      office: r.office_level === 'provinsi' ? `Bawaslu Provinsi ${r.office_name}` : `Bawaslu ${r.office_name}`,
      officeCode: r.office_code,
      kind: r.kind,
      registrationNumber: r.registration_number,
      action: r.action,
      state: r.to_state,
      stateLabel: STATE_LABELS[r.to_state],
      classification: r.classification,
      terlapor: (r.terlapor ?? []).map((t) => ({ position: t.position, agency: t.agency })),
    })),
    total: rows[0]?.total ?? 0,
  };
}
