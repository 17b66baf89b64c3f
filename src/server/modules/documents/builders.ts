// Case data → document model, one builder per document type (domain.md §1.4 "Forms": the
// function of each document is confirmed, the Perbawaslu model numbers are [UNCONFIRMED], so no
// "Model A.x" label is printed). Pure: the service loads the data, these only arrange it.
import { CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import type { DocumentModel } from './render.ts';
import { truncateText } from './text.ts';
import {
  base,
  closing,
  currentStateReason,
  documentApplies,
  DocumentNotApplicable,
  eventRows,
  evidenceSection,
  stateLabel,
  TEMUAN_SOURCES,
  terlaporTable,
  type CaseDocumentData,
  type DocumentKind,
} from './parts.ts';
import { buildReceipt } from './receipt.ts';
import { buildKajian } from './kajian.ts';

export { DOCUMENT_KINDS, DocumentNotApplicable, currentStateReason, documentApplies } from './parts.ts';
export type { CaseDocumentData, DocumentKind } from './parts.ts';
export { buildReceipt } from './receipt.ts';
export { buildKajian } from './kajian.ts';

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

export const DOCUMENT_BUILDERS: Record<DocumentKind, (c: CaseDocumentData) => DocumentModel> = {
  'tanda-bukti': buildReceipt,
  'pemberitahuan-kelengkapan': buildCompletionNotice,
  'pemberitahuan-status': buildStatusNotice,
  'formulir-temuan': buildTemuanForm,
  kajian: buildKajian,
};
