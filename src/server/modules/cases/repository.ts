// Queries for cases: insertion of parties, clocks, events, notices; look-ups and counters.
import type { Queryable, Tx } from '../../db/client.ts';
import type { Deadline } from '../../../domain/legal-clock/compute.ts';
import { regionSearchKey } from '../../../domain/regions/search.ts';
import type { CaseState } from '../../../domain/cases/stateMachine.ts';
import type { Row } from '../../db/kysely.ts';

/** A case as read: the generated row, with the columns the domain narrows (kind, state, history origin). */
export type CaseRow = Omit<Row<'cases'>, 'kind' | 'state' | 'imported_from'> & {
  kind: 'laporan' | 'temuan';
  state: CaseState;
  /** Set on cases imported from a recap sheet (read-only history). */
  imported_from: Record<string, unknown> | null;
};

/** A terlapor as read (the generated row). */
export type TerlaporRow = Row<'case_terlapor'>;

export async function findCase(db: Queryable, id: string, forUpdate = false): Promise<CaseRow | null> {
  const result = await db.query<CaseRow>(`SELECT * FROM cases WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return result.rows[0] ?? null;
}

export async function findCaseByTrackingCode(db: Queryable, code: string): Promise<CaseRow | null> {
  const result = await db.query<CaseRow>('SELECT * FROM cases WHERE tracking_code = $1', [code]);
  return result.rows[0] ?? null;
}

export async function insertTerlapor(
  tx: Tx,
  caseId: string,
  list: { nama: string; nip?: string; jabatan: string; instansi: string; jenisSubjek: string; kodeWilayah?: string }[],
) {
  for (const t of list) {
    await tx.query(
      `INSERT INTO case_terlapor (case_id, name, nip, position, agency, subject_type, region_code, search_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        caseId,
        t.nama,
        t.nip?.replace(/\D/g, '') || null,
        t.jabatan,
        t.instansi,
        t.jenisSubjek,
        t.kodeWilayah ?? null,
        regionSearchKey(t.nama),
      ],
    );
  }
}

export async function listTerlapor(db: Queryable, caseId: string): Promise<TerlaporRow[]> {
  return (await db.query<TerlaporRow>('SELECT * FROM case_terlapor WHERE case_id = $1 ORDER BY id', [caseId])).rows;
}

export async function insertClock(tx: Tx, caseId: string, deadline: Deadline) {
  await tx.query(
    `INSERT INTO case_clocks (case_id, rule_id, started_at, due_at, due_local, zone, source, basis, extended)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      caseId,
      deadline.ruleId,
      deadline.startAt,
      deadline.dueAt,
      deadline.dueLocal,
      deadline.zone,
      deadline.source,
      deadline.basis,
      deadline.extended,
    ],
  );
}

export interface ClockRow {
  id: number;
  rule_id: string;
  started_at: Date;
  due_at: Date;
  due_local: string;
  zone: string;
  source: string;
  basis: string;
  extended: boolean;
  stopped_at: Date | null;
}

export async function listClocks(db: Queryable, caseId: string): Promise<ClockRow[]> {
  return (await db.query<ClockRow>('SELECT * FROM case_clocks WHERE case_id = $1 ORDER BY id', [caseId])).rows;
}

export async function insertCaseEvent(
  tx: Tx,
  event: {
    caseId: string;
    at: Date;
    action: string;
    fromState: string | null;
    toState: string;
    actorId: string | null;
    publicNote?: string | null;
    internalNote?: string | null;
    data?: Record<string, unknown>;
    /** When it was entered, if not when it took effect (`at`). */
    recordedAt?: Date;
  },
) {
  await tx.query(
    `INSERT INTO case_events (case_id, occurred_at, action, from_state, to_state, actor_id, public_note, internal_note, data, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      event.caseId,
      event.at,
      event.action,
      event.fromState,
      event.toState,
      event.actorId,
      event.publicNote ?? null,
      event.internalNote ?? null,
      JSON.stringify(event.data ?? {}),
      event.recordedAt ?? event.at,
    ],
  );
}

/** Next gapless sequence for an office, kind and month: the row lock serialises registrations. */
export async function nextRegistrationSequence(tx: Tx, officeCode: string, kind: string, year: number, month: number): Promise<number> {
  const result = await tx.query<{ last_seq: number }>(
    `INSERT INTO registration_counters (office_code, kind, year, month, last_seq) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (office_code, kind, year, month) DO UPDATE SET last_seq = registration_counters.last_seq + 1
     RETURNING last_seq`,
    [officeCode, kind, year, month],
  );
  return result.rows[0].last_seq;
}

export async function regionName(db: Queryable, code: string): Promise<string | null> {
  const result = await db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code]);
  return result.rows[0]?.name ?? null;
}

export async function missingRegionCodes(db: Queryable, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db.query<{ code: string }>('SELECT code FROM regions WHERE code = ANY($1::text[])', [codes]);
  const set = new Set(found.rows.map((r) => r.code));
  return codes.filter((c) => !set.has(c));
}

/** Office name as people say it: "Bawaslu Kabupaten Ogan Komering Ilir", "Bawaslu Provinsi Bengkulu". */
/** A region code as people read it: "Kayuagung, Kabupaten Ogan Komering Ilir, Sumatera Selatan" (null if unknown). */
export async function regionPathName(db: Queryable, code: string): Promise<string | null> {
  const parts = code.split('.');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const found = await db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1::text[])', [prefixes]);
  const names = prefixes
    .reverse()
    .map((p) => found.rows.find((r) => r.code === p)?.name)
    .filter((n): n is string => Boolean(n));
  return names.length ? names.join(', ') : null;
}

export async function officeName(db: Queryable, officeCode: string): Promise<string> {
  return officeNameOf(officeCode, await regionName(db, officeCode));
}

/** officeName from the office region's name already read (null if unknown). */
export function officeNameOf(officeCode: string, regionName: string | null): string {
  if (!regionName) return `Bawaslu ${officeCode}`;
  return /^\d{2}$/.test(officeCode) ? `Bawaslu Provinsi ${regionName}` : `Bawaslu ${regionName}`;
}
