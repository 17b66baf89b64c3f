// The recommendation letter (surat rekomendasi/penerusan) as a PDF, built from the letter data
// stored with the referral when Bawaslu forwarded the case. Pure: data in, document model out.
import type { DocumentModel } from './render.ts';

/** The letter data stored with the referral (contracts/referrals.ts referralLetterSchema); nulls where the law proposes no track. */
export interface RecommendationLetterData {
  number: string;
  dateLocal: string;
  from: { officeCode: string; officeName: string };
  addressee: string;
  subject: string;
  registrationNumber: string | null;
  classification: { id: string; label: string };
  terlapor: { name: string; nip: string | null; position: string; agency: string; subjectLabel: string };
  kajianSummary: string | null;
  event: { date: string | null; place: string | null; regionCode: string };
  acts: { id: string; label: string }[];
  proposedTrack: {
    track: string | null;
    level: string | null;
    citation: string | null;
    sanctions: { key: string; label: string }[];
  } | null;
  legalBasis: string;
  followUpDeadline: { dueLocal: string; source: string } | null;
  conflictOfInterest?: boolean;
}

/** "disiplin (berat)"; a desa or non-ASN proposal has no SKB track or level. */
const trackLabel = (track: { track: string | null; level: string | null }) =>
  [track.track?.replace('_', ' '), track.level ? `(${track.level})` : null].filter(Boolean).join(' ') || '-';

export function buildRecommendationLetter(letter: RecommendationLetterData, generatedLocal: string, createdAt: Date): DocumentModel {
  const track = letter.proposedTrack;
  return {
    kind: 'surat-rekomendasi',
    title: 'SURAT REKOMENDASI / PENERUSAN',
    subtitle: letter.subject,
    officeName: letter.from.officeName,
    meta: [
      ['Nomor', letter.number],
      ['Tanggal', letter.dateLocal],
      ['Kepada Yth.', letter.addressee],
      ['Perihal', letter.subject],
      ['Nomor registrasi perkara', letter.registrationNumber ?? '-'],
    ],
    sections: [
      {
        heading: 'Terlapor',
        // The addressee needs the identity of the official to act on (the public timeline does not show it).
        rows: [
          ['Nama', letter.terlapor.name],
          ['NIP', letter.terlapor.nip ?? '-'],
          ['Jabatan', letter.terlapor.position],
          ['Instansi', letter.terlapor.agency],
          ['Jenis subjek', letter.terlapor.subjectLabel],
        ],
      },
      {
        heading: 'Peristiwa dan hasil kajian',
        rows: [
          ['Tanggal kejadian', letter.event.date ?? '-'],
          ['Tempat', letter.event.place || '-'],
          ['Klasifikasi', letter.classification.label],
          ['Perbuatan', letter.acts.map((a) => a.label).join('; ') || '-'],
        ],
        paragraphs: [letter.kajianSummary ?? 'Ringkasan kajian terlampir dalam berkas perkara.'],
      },
      {
        heading: 'Rekomendasi',
        paragraphs: [
          `Berdasarkan ${letter.legalBasis}, ${letter.from.officeName} meneruskan dugaan pelanggaran ini untuk ditindaklanjuti sesuai ketentuan peraturan perundang-undangan.`,
          ...(track
            ? [
                `Usulan jalur sanksi: ${trackLabel(track)}; dasar: ${track.citation ?? '-'}.${track.sanctions.length ? ` Pilihan sanksi: ${track.sanctions.map((s) => s.label).join('; ')}.` : ''}`,
              ]
            : []),
          ...(letter.followUpDeadline
            ? [
                `Mohon tindak lanjut paling lambat ${letter.followUpDeadline.dueLocal} (${letter.followUpDeadline.source}) dan penyampaian hasilnya melalui Netra.`,
              ]
            : []),
          ...(letter.conflictOfInterest
            ? [
                'Catatan: pejabat pembina kepegawaian di wilayah ini tercatat sebagai calon/petahana dalam Pemilihan yang sama (potensi konflik kepentingan).',
              ]
            : []),
        ],
      },
    ],
    closing: [`${letter.from.officeName}, ${letter.dateLocal}`, '', 'Ketua', '', '', '(ditandatangani secara elektronik)'],
    generatedLocal,
    reference: letter.number,
    createdAt,
  };
}
