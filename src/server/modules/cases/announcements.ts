// Public announcements of case status (pengumuman status laporan/temuan, Perbawaslu 8/2020 jo.
// 9/2024): registration number, office, state and the terlapor by position and agency only —
// never the reporter, never names.
import type { Queryable } from '../../db/client.ts';
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import { officeWithinSql } from './queue.ts';

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
  const params: unknown[] = [ANNOUNCED_ACTIONS];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['e.action = ANY($1::text[])'];
  if (query.office) where.push(officeWithinSql('c.office_code', query.office, add));
  const rows = await db.query<{
    occurred_at: Date;
    action: string;
    to_state: string;
    kind: string;
    registration_number: string | null;
    office_code: string;
    office_name: string;
    office_level: string;
    classification: string | null;
    terlapor: { position: string; agency: string }[] | null;
    total: number;
  }>(
    `SELECT e.occurred_at, e.action, e.to_state, c.kind, c.registration_number, c.office_code, r.name AS office_name, r.level AS office_level, c.classification,
            (SELECT json_agg(json_build_object('position', t.position, 'agency', t.agency) ORDER BY t.id) FROM case_terlapor t WHERE t.case_id = c.id) AS terlapor,
            count(*) OVER () AS total
     FROM case_events e JOIN cases c ON c.id = e.case_id JOIN regions r ON r.code = c.office_code
     WHERE ${where.join(' AND ')} AND (c.kind = 'laporan' OR e.action <> 'terima')
     ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`,
    params,
  );
  return {
    items: rows.rows.map((r) => ({
      at: new Date(r.occurred_at).toISOString(),
      atLocal: formatLocalDateTime(new Date(r.occurred_at), zoneForRegion(r.office_code)),
      office: r.office_level === 'provinsi' ? `Bawaslu Provinsi ${r.office_name}` : `Bawaslu ${r.office_name}`,
      officeCode: r.office_code,
      kind: r.kind,
      registrationNumber: r.registration_number,
      action: r.action,
      state: r.to_state,
      stateLabel: STATE_LABELS[r.to_state as CaseState],
      classification: r.classification,
      terlapor: (r.terlapor ?? []).map((t) => ({ position: t.position, agency: t.agency })),
    })),
    total: rows.rows[0]?.total ?? 0,
  };
}
