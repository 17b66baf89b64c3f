// What every case document is built from (CaseDocumentData), which documents a case has, and the
// pieces the Indonesian documents share (labels, tables, the closing signature block). Pure.
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { NEUTRALITY_ACTS, type ElectionStagesLike } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import { formatLocalDateId } from '../../../domain/time/localDate.ts';
import { formatLocalDateTime, localDateOf, zoneForRegion } from '../../../domain/time/zones.ts';
import type { DocumentSection } from './render.ts';

export const DOCUMENT_KINDS = ['tanda-bukti', 'pemberitahuan-kelengkapan', 'pemberitahuan-status', 'formulir-temuan', 'kajian'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface CaseDocumentData {
  id: string;
  kind: 'laporan' | 'temuan';
  state: string;
  source: string;
  trackingCode: string | null;
  registrationNumber: string | null;
  registeredAt: Date | null;
  officeCode: string;
  officeName: string;
  eventRegionCode: string;
  eventRegionName: string | null;
  eventPlace: string;
  eventDate: string | null;
  knownDate: string | null;
  receivedAt: Date;
  title: string;
  narrative: string;
  acts: string[];
  evidenceUrls: string[];
  late: boolean;
  proposedReason: string | null;
  stateReason: string | null;
  classification: string | null;
  decisionSummary: string | null;
  terlapor: { name: string; nip: string | null; position: string; agency: string; subjectType: string }[];
  evidence: { sha256: string; name: string; mimeType: string; size: number }[];
  clocks: { ruleId: string; startedAt: Date; dueLocal: string; source: string; basis: string; extended: boolean; stoppedAt: Date | null }[];
  events: { at: Date; action: string; toState: string; publicNote: string | null; data: Record<string, unknown> }[];
  /** The latest completion request: its reason (from the audit record) and time. */
  completionRequest: { at: Date; reason: string | null } | null;
  electionStages: ElectionStagesLike['stages'] | null;
  /** Only for the reporter's own receipt (or staff who stated an audited reason). */
  pelaporName: string | null;
  /** The language the reporter filed in: the receipt is written in it. */
  reporterLanguage?: 'id' | 'en';
  now: Date;
}

export class DocumentNotApplicable extends Error {}

/**
 * The written reason behind the current state. `cases.state_reason` keeps the last reason given
 * to any action, so it is only meaningful in states whose action requires one; a pending
 * completion request carries its own reason.
 */
export function currentStateReason(c: Pick<CaseDocumentData, 'state' | 'stateReason' | 'completionRequest'>): string | null {
  if (c.state === 'menunggu_kelengkapan') return c.completionRequest?.reason ?? null;
  return ['tidak_diregistrasi', 'dihentikan', 'bukan_pelanggaran'].includes(c.state) ? c.stateReason : null;
}

export const stateLabel = (state: string) => STATE_LABELS[state as CaseState]?.id ?? state;
export const subjectLabel = (id: string) => SUBJECT_TYPE_CATALOGUE.find((s) => s.id === id)?.label ?? id;
export const actLabel = (id: string) => NEUTRALITY_ACTS.find((a) => a.id === id)?.label ?? (id === 'lainnya' ? 'Perbuatan lain' : id);
export const dateId = (d: string | null) => (d ? formatLocalDateId(d) : '-');
export const sizeLabel = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
export const TEMUAN_SOURCES: Record<string, string> = {
  pengawasan_lapangan: 'Hasil pengawasan lapangan',
  patroli_siber: 'Patroli siber',
  media: 'Pemberitaan media',
  laporan_tidak_memenuhi_syarat: 'Laporan yang tidak memenuhi syarat (dijadikan informasi awal)',
  publik: 'Laporan masyarakat',
};

/** Whether a document type exists for this case (kind and stage); the route answers 404 otherwise. */
export function documentApplies(
  kind: DocumentKind,
  c: Pick<CaseDocumentData, 'kind' | 'registrationNumber' | 'completionRequest'>,
): boolean {
  switch (kind) {
    case 'tanda-bukti':
      return c.kind === 'laporan';
    case 'pemberitahuan-kelengkapan':
      return c.kind === 'laporan' && c.completionRequest !== null;
    case 'pemberitahuan-status':
      return c.kind === 'laporan';
    case 'formulir-temuan':
      return c.kind === 'temuan' && c.registrationNumber !== null;
    case 'kajian':
      return c.registrationNumber !== null;
  }
}

export function base(c: CaseDocumentData, kind: DocumentKind, title: string) {
  const zone = zoneForRegion(c.officeCode);
  return {
    kind,
    title,
    officeName: c.officeName,
    createdAt: c.now,
    generatedLocal: formatLocalDateTime(c.now, zone),
    reference: c.registrationNumber ?? c.trackingCode ?? undefined,
  };
}

export const closing = (c: CaseDocumentData, role: string) => [
  `${c.officeName.replace(/^Bawaslu\s+(Kabupaten|Kota|Provinsi)\s+/i, '')}, ${formatLocalDateId(localDateOf(c.now, zoneForRegion(c.officeCode)))}`,
  role,
  '',
  '',
  '(.........................................)',
];

export function terlaporTable(c: CaseDocumentData, withIdentity: boolean): DocumentSection['table'] {
  return withIdentity
    ? {
        columns: [
          { header: 'No', width: 4 },
          { header: 'Nama', width: 17 },
          { header: 'NIP', width: 21 },
          { header: 'Jabatan', width: 20 },
          { header: 'Instansi', width: 24 },
          { header: 'Jenis subjek', width: 14 },
        ],
        rows: c.terlapor.map((t, i) => [String(i + 1), t.name, t.nip ?? '-', t.position, t.agency, subjectLabel(t.subjectType)]),
      }
    : {
        columns: [
          { header: 'No', width: 5 },
          { header: 'Jabatan', width: 40 },
          { header: 'Instansi', width: 40 },
          { header: 'Jenis subjek', width: 15 },
        ],
        rows: c.terlapor.map((t, i) => [String(i + 1), t.position, t.agency, subjectLabel(t.subjectType)]),
      };
}

export function evidenceSection(c: CaseDocumentData, heading: string): DocumentSection {
  return {
    heading,
    table: {
      columns: [
        { header: 'No', width: 4 },
        { header: 'Berkas', width: 26 },
        { header: 'Jenis', width: 14 },
        { header: 'Ukuran', width: 10 },
        { header: 'SHA-256', width: 46 },
      ],
      rows: [
        ...c.evidence.map((e, i) => [String(i + 1), e.name, e.mimeType, sizeLabel(e.size), e.sha256]),
        ...c.evidenceUrls.map((url, i) => [String(c.evidence.length + i + 1), url, 'tautan', '-', '-']),
      ],
      empty: 'Tidak ada bukti terlampir.',
    },
  };
}

export function eventRows(c: CaseDocumentData): [string, string][] {
  return [
    ['Judul', c.title],
    ['Tempat kejadian', [c.eventPlace, c.eventRegionName].filter(Boolean).join(', ')],
    ['Tanggal kejadian', dateId(c.eventDate)],
    ['Tanggal diketahui', dateId(c.knownDate)],
    ['Dugaan perbuatan', c.acts.map(actLabel).join('; ') || '-'],
  ];
}
