// Case data → document model, one builder per document type (domain.md §1.4 "Forms": the
// function of each document is confirmed, the Perbawaslu model numbers are [UNCONFIRMED], so no
// "Model A.x" label is printed). Pure: the service loads the data, these only arrange it.
import { CASE_GUARDS } from '../../../domain/legal-clock/guards.ts';
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { NEUTRALITY_ACTS, sanctionTrackFor, type ElectionStagesLike } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import { DEADLINE_RULES } from '../../../domain/legal-clock/rules.ts';
import { assessFilingTimeliness } from '../../../domain/legal-clock/compute.ts';
import { formatLocalDateId } from '../../../domain/time/localDate.ts';
import { formatLocalDateTime, localDateOf, startOfLocalDay, zoneForRegion } from '../../../domain/time/zones.ts';
import type { DocumentModel, DocumentSection } from './render.ts';
import { truncateText } from './text.ts';
import { buildReceiptEn } from './receiptEn.ts';

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

const stateLabel = (state: string) => STATE_LABELS[state as CaseState]?.id ?? state;
const subjectLabel = (id: string) => SUBJECT_TYPE_CATALOGUE.find((s) => s.id === id)?.label ?? id;
const actLabel = (id: string) => NEUTRALITY_ACTS.find((a) => a.id === id)?.label ?? (id === 'lainnya' ? 'Perbuatan lain' : id);
const dateId = (d: string | null) => (d ? formatLocalDateId(d) : '-');
const sizeLabel = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const TEMUAN_SOURCES: Record<string, string> = {
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

function base(c: CaseDocumentData, kind: DocumentKind, title: string) {
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

const closing = (c: CaseDocumentData, role: string) => [
  `${c.officeName.replace(/^Bawaslu\s+(Kabupaten|Kota|Provinsi)\s+/i, '')}, ${formatLocalDateId(localDateOf(c.now, zoneForRegion(c.officeCode)))}`,
  role,
  '',
  '',
  '(.........................................)',
];

function terlaporTable(c: CaseDocumentData, withIdentity: boolean): DocumentSection['table'] {
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

function evidenceSection(c: CaseDocumentData, heading: string): DocumentSection {
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

function eventRows(c: CaseDocumentData): [string, string][] {
  return [
    ['Judul', c.title],
    ['Tempat kejadian', [c.eventPlace, c.eventRegionName].filter(Boolean).join(', ')],
    ['Tanggal kejadian', dateId(c.eventDate)],
    ['Tanggal diketahui', dateId(c.knownDate)],
    ['Dugaan perbuatan', c.acts.map(actLabel).join('; ') || '-'],
  ];
}

export function buildReceipt(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('tanda-bukti', c)) throw new DocumentNotApplicable();
  if (c.reporterLanguage === 'en') return buildReceiptEn(c);
  const zone = zoneForRegion(c.officeCode);
  const eventZone = zoneForRegion(c.eventRegionCode);
  const filing = c.knownDate
    ? assessFilingTimeliness({ knownAt: startOfLocalDay(c.knownDate, eventZone), receivedAt: c.receivedAt, regionCode: c.eventRegionCode })
    : null;
  const deadlineText = filing
    ? `Laporan disampaikan paling lama 7 (tujuh) hari sejak diketahui dan/atau ditemukannya dugaan pelanggaran (${filing.deadline.source}). Untuk peristiwa yang diketahui pada ${dateId(c.knownDate)}, batas akhir penyampaian adalah ${filing.deadline.dueLocal}.`
    : 'Laporan disampaikan paling lama 7 (tujuh) hari sejak diketahui dan/atau ditemukannya dugaan pelanggaran.';
  const sections: DocumentSection[] = [
    { heading: 'A. Terlapor', table: terlaporTable(c, false) },
    {
      heading: 'B. Peristiwa yang dilaporkan',
      rows: eventRows(c),
      paragraphs: [`Uraian singkat: ${truncateText(c.narrative, 1200, ' [...] (selengkapnya dalam berkas laporan)')}`],
    },
    evidenceSection(c, 'C. Bukti yang disampaikan'),
    // The filing deadline matters after filing only when it was missed; otherwise it is noise that
    // also pushed the signature onto a second page.
    ...(c.late
      ? [
          {
            heading: 'D. Batas waktu penyampaian',
            paragraphs: [
              deadlineText,
              `Catatan keterlambatan: ${c.proposedReason ?? 'laporan disampaikan melewati batas waktu penyampaian.'} Laporan tetap diterima dan dicatat; keputusan registrasi diambil oleh pengawas.`,
            ],
          },
        ]
      : []),
    {
      heading: c.late ? 'E. Keterangan' : 'D. Keterangan',
      paragraphs: [
        'Tanda bukti ini menyatakan laporan telah disampaikan dan diterima untuk kajian awal; laporan dinyatakan diterima secara resmi setelah dicatat dalam buku registrasi. Apabila syarat formil atau materiil belum lengkap, pelapor diberi tahu dan melengkapinya paling lama 2x24 jam.',
        'Simpan kode pelacakan dan PIN Anda untuk mengikuti perkembangan laporan. PIN tidak dicantumkan dalam dokumen ini; jangan bagikan PIN kepada siapa pun.',
      ],
    },
  ];
  return {
    ...base(c, 'tanda-bukti', 'Tanda Bukti Penyampaian Laporan'),
    subtitle: `Kode pelacakan: ${c.trackingCode ?? '-'}`,
    meta: [
      ['Kode pelacakan', c.trackingCode ?? '-'],
      ['Nomor registrasi', c.registrationNumber ?? 'belum diregistrasi'],
      ['Diterima pada', formatLocalDateTime(c.receivedAt, zone)],
      ['Diterima oleh', c.officeName],
      ['Nama pelapor', c.pelaporName ?? '(dirahasiakan)'],
      ['Status saat ini', stateLabel(c.state)],
    ],
    sections,
    closing: closing(c, 'Petugas penerima laporan'),
  };
}

export function buildCompletionNotice(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('pemberitahuan-kelengkapan', c) || !c.completionRequest) throw new DocumentNotApplicable();
  const zone = zoneForRegion(c.officeCode);
  const request = c.completionRequest;
  const clock =
    [...c.clocks].reverse().find((k) => k.ruleId === 'laporan.kelengkapan' && k.startedAt.getTime() >= request.at.getTime() - 60_000) ??
    [...c.clocks].reverse().find((k) => k.ruleId === 'laporan.kelengkapan');
  return {
    ...base(c, 'pemberitahuan-kelengkapan', 'Pemberitahuan Kelengkapan Laporan'),
    subtitle: `Kode pelacakan: ${c.trackingCode ?? '-'}`,
    meta: [
      ['Kode pelacakan', c.trackingCode ?? '-'],
      ['Laporan diterima', formatLocalDateTime(c.receivedAt, zone)],
      ['Tanggal pemberitahuan', formatLocalDateTime(request.at, zone)],
      ['Batas waktu kelengkapan', clock ? `${clock.dueLocal} (2x24 jam sejak pemberitahuan)` : '2x24 jam sejak pemberitahuan'],
      ['Dasar', clock?.source ?? 'Perbawaslu 8/2020 sebagaimana diubah Perbawaslu 9/2024'],
    ],
    sections: [
      {
        heading: 'Hal yang perlu dilengkapi',
        paragraphs: [
          'Berdasarkan kajian awal, laporan Anda belum memenuhi seluruh syarat formil dan/atau materiil. Mohon lengkapi hal berikut paling lama 2x24 jam sejak pemberitahuan ini:',
          request.reason ?? '(lihat catatan petugas)',
        ],
      },
      { heading: 'Laporan yang dimaksud', rows: eventRows(c) },
      {
        heading: 'Akibat apabila tidak dilengkapi',
        paragraphs: [
          'Apabila kelengkapan tidak disampaikan dalam batas waktu tersebut, laporan tidak ditindaklanjuti (dihentikan) dan pelapor diberi tahu secara tertulis. Informasi dalam laporan dapat dijadikan informasi awal oleh pengawas.',
        ],
      },
    ],
    closing: closing(c, 'Pengawas Pemilihan'),
  };
}

export function buildStatusNotice(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('pemberitahuan-status', c)) throw new DocumentNotApplicable();
  const zone = zoneForRegion(c.officeCode);
  const classification = c.classification ? CLASSIFICATIONS.find((k) => k.id === c.classification) : null;
  const reasonRows: [string, string][] = [
    ...(currentStateReason(c) ? [['Alasan', currentStateReason(c)!] as [string, string]] : []),
    ...(classification ? [['Klasifikasi', `${classification.label} (${classification.source})`] as [string, string]] : []),
  ];
  return {
    ...base(c, 'pemberitahuan-status', 'Pemberitahuan Status Laporan'),
    subtitle: `Kode pelacakan: ${c.trackingCode ?? '-'}`,
    meta: [
      ['Kode pelacakan', c.trackingCode ?? '-'],
      ['Nomor registrasi', c.registrationNumber ?? 'belum diregistrasi'],
      ['Laporan diterima', formatLocalDateTime(c.receivedAt, zone)],
      ['Status laporan', stateLabel(c.state)],
      ['Per tanggal', formatLocalDateTime(c.now, zone)],
    ],
    sections: [
      { heading: 'Keterangan status', rows: reasonRows.length ? reasonRows : [['Keterangan', 'Laporan sedang ditangani.']] },
      {
        heading: 'Riwayat penanganan',
        table: {
          columns: [
            { header: 'Waktu', width: 28 },
            { header: 'Status', width: 24 },
            { header: 'Keterangan', width: 48 },
          ],
          rows: c.events
            .filter((e) => e.publicNote)
            .map((e) => [formatLocalDateTime(e.at, zone), stateLabel(e.toState), e.publicNote ?? '']),
          empty: 'Belum ada riwayat.',
        },
      },
    ],
    closing: closing(c, 'Pengawas Pemilihan'),
  };
}

export function buildTemuanForm(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('formulir-temuan', c)) throw new DocumentNotApplicable();
  const zone = zoneForRegion(c.officeCode);
  return {
    ...base(c, 'formulir-temuan', 'Formulir Temuan'),
    subtitle: `Nomor: ${c.registrationNumber}`,
    meta: [
      ['Nomor temuan', c.registrationNumber ?? '-'],
      ['Ditetapkan (pleno)', c.registeredAt ? formatLocalDateTime(c.registeredAt, zone) : '-'],
      ['Sumber informasi awal', TEMUAN_SOURCES[c.source] ?? c.source],
      ['Dicatat pada', formatLocalDateTime(c.receivedAt, zone)],
      ['Pengawas', c.officeName],
      ['Status', stateLabel(c.state)],
    ],
    sections: [
      { heading: 'A. Peristiwa', rows: eventRows(c) },
      { heading: 'B. Uraian temuan', paragraphs: [truncateText(c.narrative, 6000)] },
      { heading: 'C. Terlapor', table: terlaporTable(c, true) },
      evidenceSection(c, 'D. Bukti'),
    ],
    closing: closing(c, 'Pengawas Pemilihan'),
  };
}

/**
 * Overrides of legal-deadline guards (late laporan, late temuan) and back-dated steps, each with
 * its reason: the law's limits are printed with the reason they were set aside (guards.ts).
 */
function exceptionsSection(c: CaseDocumentData, zone: ReturnType<typeof zoneForRegion>) {
  const rows = c.events.flatMap((e) => {
    const out: string[][] = [];
    const override = e.data.override as { guard?: string; reason?: string } | undefined;
    if (override?.reason) {
      const guard = CASE_GUARDS.find((g) => g.id === override.guard);
      out.push([
        e.action,
        formatLocalDateTime(e.at, zone),
        `Pengecualian batas waktu: ${guard?.source ?? override.guard}${guard?.unconfirmed ? ` ${guard.unconfirmed}` : ''}`,
        override.reason,
      ]);
    }
    const effective = e.data.effectiveAt as { recordedAt?: string; reason?: string | null } | undefined;
    if (effective?.recordedAt) {
      out.push([
        e.action,
        formatLocalDateTime(e.at, zone),
        `Dicatat ${formatLocalDateTime(new Date(effective.recordedAt), zone)} (waktu kejadian berbeda dari waktu pencatatan)`,
        effective.reason ?? '-',
      ]);
    }
    return out;
  });
  if (!rows.length) return [];
  return [
    {
      heading: 'VII. Pengecualian batas waktu dan pencatatan mundur',
      table: {
        columns: [
          { header: 'Tindakan', width: 16 },
          { header: 'Waktu kejadian', width: 20 },
          { header: 'Dasar / keterangan', width: 34 },
          { header: 'Alasan', width: 30 },
        ],
        rows,
        empty: '-',
      },
    },
  ];
}

export function buildKajian(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('kajian', c)) throw new DocumentNotApplicable();
  const zone = zoneForRegion(c.officeCode);
  const stages = c.electionStages && c.electionStages.length ? { stages: c.electionStages, regionCode: c.officeCode } : null;
  const actRows = c.acts.map((actId) => {
    if (actId === 'lainnya' || !c.eventDate) return [actLabel(actId), 'Di luar katalog SKB 2022; kaji ketentuan lain', '-', '-'];
    try {
      const track = sanctionTrackFor(
        actId,
        c.eventDate,
        stages ?? { stages: [{ code: 'penetapan_paslon', startsOn: '2024-09-22' }], regionCode: c.officeCode },
      );
      return [
        actLabel(actId),
        `${track.track === 'kode_etik' ? 'Kode etik' : 'Disiplin'} (${track.stage === 'calon' ? 'setelah' : 'sebelum'} penetapan paslon ${formatLocalDateId(track.candidateDeterminationDate)}): ${track.item.text}`,
        track.level,
        `${track.source}${stages ? '' : ' [tahapan pemilihan tidak tercatat; dipakai jadwal Pilkada 2024]'}`,
      ];
    } catch {
      return [actLabel(actId), 'Tidak dapat dipetakan ke katalog SKB 2022', '-', '-'];
    }
  });
  const ruleTitle = (id: string) => DEADLINE_RULES.find((r) => r.id === id)?.title ?? id;
  const classification = c.classification ? CLASSIFICATIONS.find((k) => k.id === c.classification) : null;
  // The assessment written with the latest 'kaji' action (a case may return to kajian).
  const kajianText = [...c.events].reverse().find((e) => e.action === 'kaji' && typeof e.data.kajian === 'string')?.data.kajian as
    string | undefined;
  const referrals = c.events
    .filter((e) => e.action === 'teruskan')
    .flatMap((e) => (Array.isArray(e.data.referrals) ? (e.data.referrals as { authorityName?: string; source?: string }[]) : []));
  return {
    ...base(c, 'kajian', 'Kajian Dugaan Pelanggaran'),
    subtitle: `Nomor registrasi: ${c.registrationNumber}`,
    meta: [
      ['Nomor registrasi', c.registrationNumber ?? '-'],
      ['Jenis', c.kind === 'laporan' ? `Laporan (kode ${c.trackingCode ?? '-'})` : `Temuan (${TEMUAN_SOURCES[c.source] ?? c.source})`],
      ['Diregistrasi', c.registeredAt ? formatLocalDateTime(c.registeredAt, zone) : '-'],
      ['Status', stateLabel(c.state)],
    ],
    sections: [
      { heading: 'I. Fakta dan peristiwa', rows: eventRows(c), paragraphs: [truncateText(c.narrative, 8000)] },
      { heading: 'II. Terlapor', table: terlaporTable(c, true) },
      {
        heading: 'III. Perbuatan dan ketentuan yang diduga dilanggar',
        table: {
          columns: [
            { header: 'Perbuatan', width: 22 },
            { header: 'Ketentuan SKB 2022', width: 40 },
            { header: 'Tingkat', width: 10 },
            { header: 'Sumber', width: 28 },
          ],
          rows: actRows,
          empty: 'Tidak ada perbuatan tercatat.',
        },
      },
      {
        heading: 'IV. Batas waktu penanganan',
        table: {
          columns: [
            { header: 'Tahap', width: 26 },
            { header: 'Batas waktu', width: 22 },
            { header: 'Dasar hukum', width: 32 },
            { header: 'Keadaan', width: 20 },
          ],
          rows: c.clocks.map((k) => [
            ruleTitle(k.ruleId),
            k.dueLocal,
            k.source,
            k.stoppedAt ? `selesai ${formatLocalDateTime(k.stoppedAt, zone)}` : k.extended ? 'berjalan (diperpanjang 2 hari)' : 'berjalan',
          ]),
          empty: 'Tidak ada batas waktu tercatat.',
        },
      },
      evidenceSection(c, 'V. Bukti'),
      { heading: 'VI. Kajian', paragraphs: [kajianText ? truncateText(kajianText, 20_000) : 'Kajian belum ditulis.'] },
      {
        heading: 'VII. Klasifikasi dan kesimpulan',
        rows: [
          ['Klasifikasi', classification ? `${classification.label} (${classification.source})` : 'belum ditetapkan'],
          ['Kesimpulan', c.decisionSummary ?? 'belum ada'],
          ...(currentStateReason(c) ? [['Alasan', currentStateReason(c)!] as [string, string]] : []),
          ...(referrals.length
            ? [['Diteruskan kepada', [...new Set(referrals.map((r) => r.authorityName ?? '-'))].join('; ')] as [string, string]]
            : []),
        ],
      },
      ...exceptionsSection(c, zone),
    ],
    closing: closing(c, 'Pengawas Pemilihan'),
  };
}

export const DOCUMENT_BUILDERS: Record<DocumentKind, (c: CaseDocumentData) => DocumentModel> = {
  'tanda-bukti': buildReceipt,
  'pemberitahuan-kelengkapan': buildCompletionNotice,
  'pemberitahuan-status': buildStatusNotice,
  'formulir-temuan': buildTemuanForm,
  kajian: buildKajian,
};
