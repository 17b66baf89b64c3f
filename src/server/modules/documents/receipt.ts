// The receipt (tanda bukti) in the language the reporter filed in: one structure, the fixed texts
// per language. Names of offices, agencies, regions and legal sources stay as officially written;
// the English receipt says the Indonesian one is the official record.
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import { assessFilingTimeliness } from '../../../domain/legal-clock/compute.ts';
import { parseLocalDate } from '../../../domain/time/localDate.ts';
import {
  formatLocalDateTime,
  localDateOf,
  localPartsOf,
  startOfLocalDay,
  zoneForRegion,
  type TimeZoneInfo,
  type ZoneLabel,
} from '../../../domain/time/zones.ts';
import type { DocumentModel, DocumentSection } from './render.ts';
import { truncateText } from './text.ts';
import {
  dateId,
  documentApplies,
  DocumentNotApplicable,
  eventRows,
  evidenceSection,
  stateLabel,
  terlaporTable,
  type CaseDocumentData,
} from './parts.ts';

type Filing = ReturnType<typeof assessFilingTimeliness> | null;

/** Everything on the receipt that depends on the language. */
interface ReceiptTexts {
  language?: 'en';
  title: string;
  dateTime: (instant: Date, zone: ZoneLabel | TimeZoneInfo) => string;
  date: (value: string | null) => string;
  meta: [
    tracking: string,
    registration: string,
    notRegistered: string,
    receivedAt: string,
    receivedBy: string,
    reporter: string,
    withheld: string,
    state: string,
  ];
  stateLabel: (state: string) => string;
  terlapor: (c: CaseDocumentData) => DocumentSection;
  event: (c: CaseDocumentData) => DocumentSection;
  evidence: (c: CaseDocumentData) => DocumentSection;
  deadline: (c: CaseDocumentData, filing: Filing) => string;
  lateNote: (c: CaseDocumentData) => string;
  /** The Indonesian receipt shows the filing deadline only when it was missed (it pushed the signature onto a second page). */
  deadlineAlways: boolean;
  deadlineHeading: string;
  notesHeading: string;
  notes: string[];
  signer: string;
}

const RECEIPT_ID: ReceiptTexts = {
  title: 'Tanda Bukti Penyampaian Laporan',
  dateTime: formatLocalDateTime,
  date: dateId,
  meta: [
    'Kode pelacakan',
    'Nomor registrasi',
    'belum diregistrasi',
    'Diterima pada',
    'Diterima oleh',
    'Nama pelapor',
    '(dirahasiakan)',
    'Status saat ini',
  ],
  stateLabel,
  terlapor: (c) => ({ heading: 'A. Terlapor', table: terlaporTable(c, false) }),
  event: (c) => ({
    heading: 'B. Peristiwa yang dilaporkan',
    rows: eventRows(c),
    paragraphs: [`Uraian singkat: ${truncateText(c.narrative, 1200, ' [...] (selengkapnya dalam berkas laporan)')}`],
  }),
  evidence: (c) => evidenceSection(c, 'C. Bukti yang disampaikan'),
  deadline: (c, filing) =>
    filing
      ? `Laporan disampaikan paling lama 7 (tujuh) hari sejak diketahui dan/atau ditemukannya dugaan pelanggaran (${filing.deadline.source}). Untuk peristiwa yang diketahui pada ${dateId(c.knownDate)}, batas akhir penyampaian adalah ${filing.deadline.dueLocal}.`
      : 'Laporan disampaikan paling lama 7 (tujuh) hari sejak diketahui dan/atau ditemukannya dugaan pelanggaran.',
  lateNote: (c) =>
    `Catatan keterlambatan: ${c.proposedReason ?? 'laporan disampaikan melewati batas waktu penyampaian.'} Laporan tetap diterima dan dicatat; keputusan registrasi diambil oleh pengawas.`,
  deadlineAlways: false,
  deadlineHeading: 'Batas waktu penyampaian',
  notesHeading: 'Keterangan',
  notes: [
    'Tanda bukti ini menyatakan laporan telah disampaikan dan diterima untuk kajian awal; laporan dinyatakan diterima secara resmi setelah dicatat dalam buku registrasi. Apabila syarat formil atau materiil belum lengkap, pelapor diberi tahu dan melengkapinya paling lama 2x24 jam.',
    'Simpan kode pelacakan dan PIN Anda untuk mengikuti perkembangan laporan. PIN tidak dicantumkan dalam dokumen ini; jangan bagikan PIN kepada siapa pun.',
  ],
  signer: 'Petugas penerima laporan',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad2 = (n: number) => String(n).padStart(2, '0');
const dateEn = (value: string | null) => {
  if (!value) return '-';
  const { year, month, day } = parseLocalDate(value);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};
const dateTimeEn = (instant: Date, zone: ZoneLabel | TimeZoneInfo) => {
  const p = localPartsOf(instant, zone);
  return `${dateEn(p.date)} ${pad2(p.hour)}:${pad2(p.minute)} ${typeof zone === 'string' ? zone : zone.label}`;
};
const subjectEn = (id: string) => SUBJECT_TYPE_CATALOGUE.find((s) => s.id === id)?.labelEn ?? id;
const actEn = (id: string) => NEUTRALITY_ACTS.find((a) => a.id === id)?.labelEn ?? (id === 'lainnya' ? 'Other act' : id);
const sizeEn = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

const RECEIPT_EN: ReceiptTexts = {
  language: 'en',
  title: 'Receipt of a Submitted Report',
  dateTime: dateTimeEn,
  date: dateEn,
  meta: [
    'Tracking code',
    'Registration number',
    'not registered yet',
    'Received at',
    'Received by',
    'Reporter',
    '(withheld)',
    'Current state',
  ],
  stateLabel: (state) => STATE_LABELS[state as CaseState]?.en ?? state,
  terlapor: (c) => ({
    heading: 'A. Reported persons',
    table: {
      columns: [
        { header: 'No', width: 5 },
        { header: 'Position', width: 40 },
        { header: 'Agency', width: 40 },
        { header: 'Type', width: 15 },
      ],
      rows: c.terlapor.map((t, i) => [String(i + 1), t.position, t.agency, subjectEn(t.subjectType)]),
    },
  }),
  event: (c) => ({
    heading: 'B. The reported event',
    rows: [
      ['Title', c.title],
      ['Place', [c.eventPlace, c.eventRegionName].filter(Boolean).join(', ')],
      ['Date of the event', dateEn(c.eventDate)],
      ['Date it became known', dateEn(c.knownDate)],
      ['Suspected acts', c.acts.map(actEn).join('; ') || '-'],
    ],
    paragraphs: [`Summary: ${truncateText(c.narrative, 1200, ' [...] (in full in the report file)')}`],
  }),
  evidence: (c) => ({
    heading: 'C. Evidence submitted',
    table: {
      columns: [
        { header: 'No', width: 4 },
        { header: 'File', width: 26 },
        { header: 'Type', width: 14 },
        { header: 'Size', width: 10 },
        { header: 'SHA-256', width: 46 },
      ],
      rows: [
        ...c.evidence.map((e, i) => [String(i + 1), e.name, e.mimeType, sizeEn(e.size), e.sha256]),
        ...c.evidenceUrls.map((url, i) => [String(c.evidence.length + i + 1), url, 'link', '-', '-']),
      ],
      empty: 'No evidence attached.',
    },
  }),
  deadline: (c, filing) =>
    filing
      ? `A report must be filed within 7 (seven) days of the suspected violation becoming known or being found (${filing.deadline.source}). For an event that became known on ${dateEn(c.knownDate)}, the last moment to file is ${dateTimeEn(filing.deadline.dueAt, filing.deadline.zone)}.`
      : 'A report must be filed within 7 (seven) days of the suspected violation becoming known or being found.',
  lateNote: () =>
    'Late filing: the report was filed after the deadline. It is still received and recorded; the supervisor decides on registration.',
  deadlineAlways: true,
  deadlineHeading: 'Filing deadline',
  notesHeading: 'Notes',
  notes: [
    'This receipt states that the report has been submitted and received for the initial review; the report is formally accepted once it is entered in the register. If formal or material requirements are missing, the reporter is notified and completes them within 2x24 hours.',
    'Keep your tracking code and PIN to follow the report. The PIN is not printed in this document; never share it with anyone.',
    'This document is a translation for the reporter; the Indonesian version is the official record.',
  ],
  signer: 'Receiving officer',
};

export function buildReceipt(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('tanda-bukti', c)) throw new DocumentNotApplicable();
  const t = c.reporterLanguage === 'en' ? RECEIPT_EN : RECEIPT_ID;
  const zone = zoneForRegion(c.officeCode);
  const filing = c.knownDate
    ? assessFilingTimeliness({
        knownAt: startOfLocalDay(c.knownDate, zoneForRegion(c.eventRegionCode)),
        receivedAt: c.receivedAt,
        regionCode: c.eventRegionCode,
      })
    : null;
  const withDeadline = c.late || t.deadlineAlways;
  const sections: DocumentSection[] = [
    t.terlapor(c),
    t.event(c),
    t.evidence(c),
    ...(withDeadline
      ? [{ heading: `D. ${t.deadlineHeading}`, paragraphs: [t.deadline(c, filing), ...(c.late ? [t.lateNote(c)] : [])] }]
      : []),
    { heading: `${withDeadline ? 'E' : 'D'}. ${t.notesHeading}`, paragraphs: t.notes },
  ];
  const [tracking, registration, notRegistered, receivedAt, receivedBy, reporter, withheld, state] = t.meta;
  return {
    kind: 'tanda-bukti',
    title: t.title,
    officeName: c.officeName,
    createdAt: c.now,
    ...(t.language ? { language: t.language } : {}),
    generatedLocal: t.dateTime(c.now, zone),
    reference: c.registrationNumber ?? c.trackingCode ?? undefined,
    subtitle: `${tracking}: ${c.trackingCode ?? '-'}`,
    meta: [
      [tracking, c.trackingCode ?? '-'],
      [registration, c.registrationNumber ?? notRegistered],
      [receivedAt, t.dateTime(c.receivedAt, zone)],
      [receivedBy, c.officeName],
      [reporter, c.pelaporName ?? withheld],
      [state, t.stateLabel(c.state)],
    ],
    sections,
    closing: [
      `${c.officeName.replace(/^Bawaslu\s+(Kabupaten|Kota|Provinsi)\s+/i, '')}, ${t.date(localDateOf(c.now, zone))}`,
      t.signer,
      '',
      '',
      '(.........................................)',
    ],
  };
}
