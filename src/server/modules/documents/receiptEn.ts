// The receipt (tanda bukti) for a reporter who filed in English: the same facts and legal texts
// as the Indonesian receipt, with every fixed text in English. Names of offices, agencies,
// regions and legal sources stay as officially written.
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import { assessFilingTimeliness } from '../../../domain/legal-clock/compute.ts';
import { parseLocalDate } from '../../../domain/time/localDate.ts';
import {
  localDateOf,
  localPartsOf,
  startOfLocalDay,
  zoneForRegion,
  type TimeZoneInfo,
  type ZoneLabel,
} from '../../../domain/time/zones.ts';
import type { CaseDocumentData } from './builders.ts';
import type { DocumentModel, DocumentSection } from './render.ts';
import { truncateText } from './text.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad2 = (n: number) => String(n).padStart(2, '0');
const dateEn = (value: string | null) => {
  if (!value) return '-';
  const { year, month, day } = parseLocalDate(value);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};
export const dateTimeEn = (instant: Date, zone: ZoneLabel | TimeZoneInfo) => {
  const p = localPartsOf(instant, zone);
  return `${dateEn(p.date)} ${pad2(p.hour)}:${pad2(p.minute)} ${typeof zone === 'string' ? zone : zone.label}`;
};
const subjectEn = (id: string) => SUBJECT_TYPE_CATALOGUE.find((s) => s.id === id)?.labelEn ?? id;
const actEn = (id: string) => NEUTRALITY_ACTS.find((a) => a.id === id)?.labelEn ?? (id === 'lainnya' ? 'Other act' : id);
const sizeEn = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function buildReceiptEn(c: CaseDocumentData): DocumentModel {
  const zone = zoneForRegion(c.officeCode);
  const eventZone = zoneForRegion(c.eventRegionCode);
  const filing = c.knownDate
    ? assessFilingTimeliness({ knownAt: startOfLocalDay(c.knownDate, eventZone), receivedAt: c.receivedAt, regionCode: c.eventRegionCode })
    : null;
  const deadlineText = filing
    ? `A report must be filed within 7 (seven) days of the suspected violation becoming known or being found (${filing.deadline.source}). For an event that became known on ${dateEn(c.knownDate)}, the last moment to file is ${dateTimeEn(filing.deadline.dueAt, filing.deadline.zone)}.`
    : 'A report must be filed within 7 (seven) days of the suspected violation becoming known or being found.';
  const sections: DocumentSection[] = [
    {
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
    },
    {
      heading: 'B. The reported event',
      rows: [
        ['Title', c.title],
        ['Place', [c.eventPlace, c.eventRegionName].filter(Boolean).join(', ')],
        ['Date of the event', dateEn(c.eventDate)],
        ['Date it became known', dateEn(c.knownDate)],
        ['Suspected acts', c.acts.map(actEn).join('; ') || '-'],
      ],
      paragraphs: [`Summary: ${truncateText(c.narrative, 1200, ' [...] (in full in the report file)')}`],
    },
    {
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
    },
    {
      heading: 'D. Filing deadline',
      paragraphs: [
        deadlineText,
        ...(c.late
          ? [
              'Late filing: the report was filed after the deadline. It is still received and recorded; the supervisor decides on registration.',
            ]
          : []),
      ],
    },
    {
      heading: 'E. Notes',
      paragraphs: [
        'This receipt states that the report has been submitted and received for the initial review; the report is formally accepted once it is entered in the register. If formal or material requirements are missing, the reporter is notified and completes them within 2x24 hours.',
        'Keep your tracking code and PIN to follow the report. The PIN is not printed in this document; never share it with anyone.',
        'This document is a translation for the reporter; the Indonesian version is the official record.',
      ],
    },
  ];
  return {
    kind: 'tanda-bukti',
    title: 'Receipt of a Submitted Report',
    officeName: c.officeName,
    createdAt: c.now,
    language: 'en',
    generatedLocal: dateTimeEn(c.now, zone),
    reference: c.registrationNumber ?? c.trackingCode ?? undefined,
    subtitle: `Tracking code: ${c.trackingCode ?? '-'}`,
    meta: [
      ['Tracking code', c.trackingCode ?? '-'],
      ['Registration number', c.registrationNumber ?? 'not registered yet'],
      ['Received at', dateTimeEn(c.receivedAt, zone)],
      ['Received by', c.officeName],
      ['Reporter', c.pelaporName ?? '(withheld)'],
      ['Current state', STATE_LABELS[c.state as CaseState]?.en ?? c.state],
    ],
    sections,
    closing: [
      `${c.officeName.replace(/^Bawaslu\s+(Kabupaten|Kota|Provinsi)\s+/i, '')}, ${dateEn(localDateOf(c.now, zone))}`,
      'Receiving officer',
      '',
      '',
      '(.........................................)',
    ],
  };
}
