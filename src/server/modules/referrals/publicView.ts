// Public follow-up pages: one referral's timeline by its unguessable public key (letter numbers
// are sequential, so they would let anyone list every timeline), and compliance
// statistics per authority and region. No personal data: the terlapor appears only as position
// and agency unless the policy setting public.show_terlapor_names is true.
import type { Queryable } from '../../db/client.ts';
import { REFERRAL_STATE_LABELS, isAsnAuthority, type ReferralState } from '../../../domain/referrals/states.ts';
import { referralSanctionByKey } from '../../../domain/referrals/sanctions.ts';
import { complianceFigures, groupFigures, type StatReferral } from '../../../domain/referrals/stats.ts';
import { isOverdue } from '../../../domain/referrals/escalation.ts';
import { subjectTypeEntry, isSubjectType } from '../../../domain/catalogues/subjects.ts';
import {
  findReferralByPublicKey,
  findSanction,
  listSteps,
  regionNameOf,
  terlaporIdentity,
  type ReferralRow,
  type SanctionRow,
  type StepRow,
} from './repository.ts';
import { readSetting } from './repository/settings.ts';
import { statsRows } from './repository/stats.ts';
import { SHOW_NAMES_KEY } from './deadlines.ts';
import { referralNotFound } from './policy.ts';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The public timeline: recommended, handed over, verified and forwarded (ASN), decided, applied. */
function timelineOf(row: ReferralRow, steps: StepRow[], sanction: SanctionRow | null, now: Date) {
  const stepOf = (name: string) => steps.find((s) => s.step === name);
  const entry = (
    step: string,
    label: { id: string; en: string },
    at: Date | null,
    due: { due_at: Date | null; done_at: Date | null } | undefined,
    extra: Record<string, unknown> = {},
  ) => {
    const dueAt = due?.due_at ? new Date(due.due_at) : null;
    return {
      step,
      label,
      at: iso(at),
      done: at !== null,
      dueAt: iso(dueAt),
      overdue: isOverdue({ dueAt, doneAt: due?.done_at ? new Date(due.done_at) : null }, now),
      ...extra,
    };
  };
  const decisionStep = stepOf('tindak_lanjut_ppk') ?? stepOf('tindak_lanjut_instansi');
  const sanctionEntry = sanction ? referralSanctionByKey(sanction.sanction_key) : undefined;
  return [
    entry('recommended', { id: 'Direkomendasikan Bawaslu', en: 'Recommended by Bawaslu' }, row.recommended_at, undefined),
    // The law moved the function on 25 Aug 2024; the file was handed over, not lost.
    ...(row.handed_over_from
      ? [
          entry(
            'handed_over',
            { id: `Dialihkan dari ${row.handed_over_from} ke BKN`, en: `Handed over from ${row.handed_over_from} to BKN` },
            row.handed_over_at ?? null,
            undefined,
            { source: 'Perpres 91/2024 dan 92/2024; SE MenPANRB 4/2024' },
          ),
        ]
      : []),
    ...(isAsnAuthority(row.authority)
      ? [
          entry('verified', { id: 'Diverifikasi BKN', en: 'Verified by BKN' }, row.verified_at, stepOf('verifikasi_bkn')),
          entry('forwarded_to_ppk', { id: 'Diteruskan ke PPK', en: 'Forwarded to the PPK' }, row.forwarded_at, stepOf('penerusan_ppk')),
        ]
      : []),
    entry(
      'decided',
      { id: 'Diputus', en: 'Decided' },
      row.decided_at,
      decisionStep,
      sanction
        ? {
            outcome: {
              key: sanction.sanction_key,
              label: sanctionEntry?.label ?? sanction.sanction_key,
              labelEn: sanctionEntry?.labelEn ?? sanction.sanction_key,
              level: sanction.level,
              decreeDate: sanction.decree_date,
            },
          }
        : {},
    ),
    ...(row.state === 'tidak_terbukti'
      ? []
      : [
          entry(
            'sanction_applied',
            { id: 'Sanksi dilaksanakan', en: 'Sanction applied' },
            row.sanction_applied_at,
            stepOf('pelaksanaan_sanksi'),
          ),
        ]),
  ];
}

export async function publicReferral(db: Queryable, key: string, now: Date) {
  const row = await findReferralByPublicKey(db, key);
  if (!row) throw referralNotFound();
  const timeline = timelineOf(row, await listSteps(db, row.id), await findSanction(db, row.id), now);
  const showNames = (await readSetting<boolean>(db, SHOW_NAMES_KEY, false)) === true;
  const identity = showNames ? await terlaporIdentity(db, row.terlapor_id) : null;
  const regionName = row.region_code ? await regionNameOf(db, row.region_code) : null;
  return {
    publicKey: row.public_key,
    recommendationNumber: row.recommendation_number,
    recommendedAt: new Date(row.recommended_at).toISOString(),
    authority: row.authority,
    authorityName: row.authority_name,
    handedOverFrom: row.handed_over_from ?? null,
    regionCode: row.region_code,
    regionName,
    classification: row.classification,
    state: row.state,
    stateLabel: REFERRAL_STATE_LABELS[row.state as ReferralState],
    terlapor: {
      position: row.terlapor_position,
      agency: row.terlapor_agency,
      subjectType: isSubjectType(row.subject_type) ? subjectTypeEntry(row.subject_type).label : row.subject_type,
      ...(identity ? { name: identity.name, nip: identity.nip } : {}),
    },
    proposedTrack: { track: row.proposed_track, level: row.proposed_level, citation: row.proposed_citation },
    conflictOfInterest: row.conflict_of_interest,
    timeline,
  };
}

export async function publicReferralStats(db: Queryable, now: Date, filter: { electionId?: string } = {}) {
  const { referrals: rows, steps } = await statsRows(db, filter.electionId);
  const stepsOf = new Map<string, { dueAt: Date | null; doneAt: Date | null }[]>();
  for (const s of steps) {
    stepsOf.set(s.referral_id, [
      ...(stepsOf.get(s.referral_id) ?? []),
      { dueAt: s.due_at ? new Date(s.due_at) : null, doneAt: s.done_at ? new Date(s.done_at) : null },
    ]);
  }
  const data: StatReferral[] = rows.map((r) => ({
    authority: r.authority,
    regionCode: r.region_code,
    state: r.state,
    recommendedAt: new Date(r.recommended_at),
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    steps: stepsOf.get(r.id) ?? [],
  }));
  const authorityNames = new Map(rows.map((r) => [r.authority, r.authority_name]));
  const regionNames = new Map(rows.map((r) => [r.region_code, r.region_name]));
  return {
    asOf: now.toISOString(),
    definitions: {
      complianceRate: {
        id: 'Diputus ÷ jatuh tempo (sudah diputus atau ada langkah yang melewati tenggat).',
        en: 'Decided ÷ due (decided, or a step is past its due date).',
      },
      onTimeRate: {
        id: 'Langkah selesai tepat waktu ÷ (langkah selesai bertenggat + langkah terbuka yang lewat tenggat).',
        en: 'Steps done on time ÷ (steps done with a due date + open steps past due).',
      },
      medianDaysToSanction: {
        id: 'Median hari dari rekomendasi sampai keputusan sanksi (tidak terbukti tidak dihitung).',
        en: 'Median days from recommendation to a sanction decision (not-proven excluded).',
      },
    },
    overall: complianceFigures(data, now),
    byAuthority: groupFigures(data, (r) => r.authority, now).map((g) => ({
      authority: g.key,
      authorityName: authorityNames.get(g.key) ?? g.key,
      ...g.figures,
    })),
    byRegion: groupFigures(data, (r) => r.regionCode, now).map((g) => ({
      regionCode: g.key,
      regionName: regionNames.get(g.key) ?? null,
      ...g.figures,
    })),
  };
}
