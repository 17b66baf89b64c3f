// The kajian (assessment) of a registered case: facts, terlapor, the acts against SKB 2022, the
// legal clocks, evidence, the written assessment, the conclusion and any deadline exceptions. Pure.
import { CASE_GUARDS } from '../../../domain/legal-clock/guards.ts';
import { CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { sanctionTrackFor } from '../../../domain/catalogues/skb2022.ts';
import { DEADLINE_RULES } from '../../../domain/legal-clock/rules.ts';
import { formatLocalDateId } from '../../../domain/time/localDate.ts';
import { formatLocalDateTime, zoneForRegion } from '../../../domain/time/zones.ts';
import type { DocumentModel, DocumentSection } from './render.ts';
import { truncateText } from './text.ts';
import {
  actLabel,
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
} from './parts.ts';

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

/** Each act mapped to its SKB 2022 item, level and source (the Pilkada 2024 schedule when the election's stages are not recorded). */
function actRowsOf(c: CaseDocumentData): string[][] {
  const stages = c.electionStages && c.electionStages.length ? { stages: c.electionStages, regionCode: c.officeCode } : null;
  return c.acts.map((actId) => {
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
}

/** Classification, conclusion, the reason behind the current state and where the case was forwarded. */
function conclusionRows(c: CaseDocumentData): [string, string][] {
  const classification = c.classification ? CLASSIFICATIONS.find((k) => k.id === c.classification) : null;
  const referrals = c.events
    .filter((e) => e.action === 'teruskan')
    .flatMap((e) => (Array.isArray(e.data.referrals) ? (e.data.referrals as { authorityName?: string; source?: string }[]) : []));
  return [
    ['Klasifikasi', classification ? `${classification.label} (${classification.source})` : 'belum ditetapkan'],
    ['Kesimpulan', c.decisionSummary ?? 'belum ada'],
    ...(currentStateReason(c) ? [['Alasan', currentStateReason(c)!] as [string, string]] : []),
    ...(referrals.length
      ? [['Diteruskan kepada', [...new Set(referrals.map((r) => r.authorityName ?? '-'))].join('; ')] as [string, string]]
      : []),
  ];
}

function clocksSection(c: CaseDocumentData, zone: ReturnType<typeof zoneForRegion>): DocumentSection {
  const ruleTitle = (id: string) => DEADLINE_RULES.find((r) => r.id === id)?.title ?? id;
  return {
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
  };
}

export function buildKajian(c: CaseDocumentData): DocumentModel {
  if (!documentApplies('kajian', c)) throw new DocumentNotApplicable();
  const zone = zoneForRegion(c.officeCode);
  // The assessment written with the latest 'kaji' action (a case may return to kajian).
  const kajianText = [...c.events].reverse().find((e) => e.action === 'kaji' && typeof e.data.kajian === 'string')?.data.kajian as
    string | undefined;
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
          rows: actRowsOf(c),
          empty: 'Tidak ada perbuatan tercatat.',
        },
      },
      clocksSection(c, zone),
      evidenceSection(c, 'V. Bukti'),
      { heading: 'VI. Kajian', paragraphs: [kajianText ? truncateText(kajianText, 20_000) : 'Kajian belum ditulis.'] },
      { heading: 'VII. Klasifikasi dan kesimpulan', rows: conclusionRows(c) },
      ...exceptionsSection(c, zone),
    ],
    closing: closing(c, 'Pengawas Pemilihan'),
  };
}
