// Creates the referrals when Bawaslu forwards a case ('teruskan'): one per terlapor, routed by
// the decision date (routing.ts), with a gapless recommendation number, the proposed SKB track,
// the first step's legal due date, a conflict-of-interest flag and the letter's data. Runs inside
// the caller's transaction; needs only a Tx and plain data.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { appendAudit, type AuditActor } from '../audit/index.ts';
import { officeName, type CaseRow, type TerlaporRow } from '../cases/index.ts';
import { insertNotice } from '../notices/index.ts';
import { referralNotice } from '../../../domain/referrals/notices.ts';
import { routeReferral } from '../../../domain/catalogues/routing.ts';
import { CLASSIFICATIONS, type ViolationClassification } from '../../../domain/catalogues/classifications.ts';
import { NEUTRALITY_ACTS, PILKADA_2024_STAGES } from '../../../domain/catalogues/skb2022.ts';
import { subjectTypeEntry, isSubjectType, type SubjectType } from '../../../domain/catalogues/subjects.ts';
import { officeForEventRegion } from '../../../domain/cases/office.ts';
import { levelOfCode } from '../../../domain/regions/search.ts';
import { localDateOf, localPartsOf, zoneForRegion } from '../../../domain/time/zones.ts';
import { formatLocalDateId } from '../../../domain/time/localDate.ts';
import { initialStep, isAsnAuthority, isRegionalPpkAuthority } from '../../../domain/referrals/states.ts';
import { pemdaOfRegion, suggestInstansi } from '../../../domain/catalogues/instansi.ts';
import { proposeTrack } from '../../../domain/referrals/proposal.ts';
import { hasConflictOfInterest, ppkContestRegion } from '../../../domain/referrals/conflict.ts';
import { formatRecommendationNumber } from '../../../domain/referrals/numbering.ts';
import { sanctionByKey } from '../../../domain/catalogues/sanctions.ts';
import {
  candidatePairsIn,
  electionStages,
  insertReferral,
  insertStep,
  nextRecommendationSequence,
  referralsOfCase,
  regionNameOf,
} from './repository.ts';
import { stepDeadline } from './deadlines.ts';

export interface CreateReferralsInput {
  caseRow: CaseRow;
  terlapor: readonly TerlaporRow[];
  classification: ViolationClassification;
  /** When the decision took effect (the pleno); routing, numbering and deadlines use it. */
  decidedAt: Date;
  /** When it was entered, if later (the audit row keeps both). */
  recordedAt?: Date;
  actor: AuditActor;
  /** The instansi catalogue entry per terlapor id, as chosen or confirmed by the supervisor. */
  addresses?: ReadonlyMap<number, AgencyAddress>;
}

export interface AgencyAddress {
  regionCode: string;
  key: string;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 128 random bits as 26 base32 characters: the public timeline's key. */
export function newPublicKey(): string {
  const bytes = randomBytes(16);
  let bits = 0,
    value = 0,
    out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The catalogue entry a referral goes to when the supervisor did not name one: the kepala daerah
 * for desa/honorer referrals, the suggestion from the reporter's free text for ASN referrals
 * (null when nothing matches: BKN only). Other authorities are not addressed to a PPK.
 */
export function suggestedAddress(authority: string, terlaporAgency: string, regionCode: string): AgencyAddress | null {
  if (isRegionalPpkAuthority(authority)) return { regionCode: pemdaOfRegion(regionCode), key: 'pemerintah_daerah' };
  if (isAsnAuthority(authority)) return suggestInstansi(terlaporAgency, regionCode);
  return null;
}

export interface CreatedReferral {
  id: string;
  terlaporId: number;
  authority: string;
  recommendationNumber: string;
  state: string;
}

/** "Bupati Ogan Komering Ilir" / "Wali Kota Palembang" / "Gubernur Sumatera Selatan". */
export function headOfRegion(regionCode: string, regionName: string): string {
  if (levelOfCode(regionCode) === 'provinsi') return `Gubernur ${regionName}`;
  if (/^Kota\s/i.test(regionName)) return `Wali Kota ${regionName.replace(/^Kota\s+/i, '')}`;
  return `Bupati ${regionName.replace(/^Kabupaten\s+/i, '')}`;
}

function governmentOf(regionCode: string, regionName: string): string {
  return levelOfCode(regionCode) === 'provinsi' ? `Pemerintah Provinsi ${regionName}` : `Pemerintah ${regionName}`;
}

interface DecisionContext {
  input: CreateReferralsInput;
  officeCode: string;
  officeName: string;
  parts: { year: number; month: number };
  stageSource: Parameters<typeof proposeTrack>[0]['stages'];
}

export async function createReferralsForDecision(tx: Tx, input: CreateReferralsInput): Promise<CreatedReferral[]> {
  const { caseRow, classification, decidedAt } = input;
  if (classification === 'bukan_pelanggaran') return [];
  // Idempotent: a second call for the same decision creates nothing and consumes no number.
  const existing = new Set((await referralsOfCase(tx, caseRow.id)).map((r) => Number(r.terlapor_id)));
  const officeCode = caseRow.office_code;
  const parts = localPartsOf(decidedAt, zoneForRegion(officeCode));
  const office = await officeName(tx, officeCode);
  const stages = caseRow.election_id ? await electionStages(tx, caseRow.election_id) : [];
  const stageSource = stages.length
    ? { stages, regionCode: caseRow.event_region_code }
    : { ...PILKADA_2024_STAGES, regionCode: caseRow.event_region_code };
  const ctx: DecisionContext = { input, officeCode, officeName: office, parts, stageSource };
  const created: CreatedReferral[] = [];
  for (const t of input.terlapor) {
    if (existing.has(Number(t.id))) continue;
    const plan = await planReferral(tx, ctx, t);
    if (plan) created.push(await createReferral(tx, ctx, t, plan));
  }
  return created;
}

type ReferralPlan = NonNullable<Awaited<ReturnType<typeof planReferral>>>;

/** Route, addressee, proposal, conflict check, number and first deadline of one terlapor's referral; null when nobody is competent. */
async function planReferral(tx: Tx, ctx: DecisionContext, t: TerlaporRow) {
  const { caseRow, classification, decidedAt } = ctx.input;
  const { officeCode } = ctx;
  const subjectType = (isSubjectType(t.subject_type) ? t.subject_type : 'lainnya') as SubjectType;
  const route = routeReferral({ classification, subjectType, decidedAt, regionCode: officeCode });
  if (route.authority === 'TIDAK_ADA') return null;
  const regionCode = officeForEventRegion(t.region_code ?? caseRow.event_region_code);
  const regionName = (await regionNameOf(tx, regionCode)) ?? regionCode;
  const regionalPpk = isRegionalPpkAuthority(route.authority);
  const agency = regionalPpk ? governmentOf(regionCode, regionName) : t.agency.trim() || route.authorityName;
  const authorityRegionCode = route.level === 'pusat' ? null : regionalPpk ? regionCode : officeCode;
  const proposal = proposeTrack({ subjectType, acts: caseRow.acts ?? [], eventDate: caseRow.event_date, stages: ctx.stageSource });

  const contest = ppkContestRegion({ authority: route.authority, agency, regionCode });
  const pairs = caseRow.election_id && contest ? await candidatePairsIn(tx, caseRow.election_id, [contest]) : [];
  const conflict = hasConflictOfInterest(contest, pairs);

  const sequence = await nextRecommendationSequence(tx, officeCode, ctx.parts.year);
  const number = formatRecommendationNumber({ sequence, officeCode, month: ctx.parts.month, year: ctx.parts.year });
  const first = initialStep(route.authority, route.deadlineRuleId ?? null);
  const deadline = await stepDeadline(tx, first.ruleId, decidedAt, regionalPpk ? regionCode : officeCode);
  const chosen =
    isRegionalPpkAuthority(route.authority) || isAsnAuthority(route.authority) ? ctx.input.addresses?.get(Number(t.id)) : undefined;
  const address = chosen ?? suggestedAddress(route.authority, t.agency, regionCode);
  const addressee =
    route.authority === 'BKN'
      ? 'Kepala Badan Kepegawaian Negara u.p. Deputi Bidang Pengawasan dan Pengendalian'
      : regionalPpk
        ? headOfRegion(regionCode, regionName)
        : authorityRegionCode
          ? `${route.authorityName} (${(await regionNameOf(tx, authorityRegionCode)) ?? authorityRegionCode})`
          : route.authorityName;
  return {
    subjectType,
    route,
    regionCode,
    agency,
    authorityRegionCode,
    proposal,
    contest,
    conflict,
    number,
    first,
    deadline,
    chosen,
    address,
    addressee,
  };
}

/** The letter's data, stored with the referral (read back through schemas.ts storedLetterSchema). */
function letterOf(ctx: DecisionContext, t: TerlaporRow, plan: ReferralPlan) {
  const { caseRow, classification, decidedAt } = ctx.input;
  const { route, proposal, deadline } = plan;
  const date = localDateOf(decidedAt, zoneForRegion(ctx.officeCode));
  const classificationLabel = CLASSIFICATIONS.find((c) => c.id === classification)?.label;
  return {
    number: plan.number,
    date,
    dateLocal: formatLocalDateId(date),
    from: { officeCode: ctx.officeCode, officeName: ctx.officeName },
    addressee: plan.addressee,
    authority: route.authority,
    authorityName: route.authorityName,
    subject: `Penerusan dugaan pelanggaran ${classificationLabel?.toLowerCase() ?? classification}`,
    registrationNumber: caseRow.registration_number,
    classification: { id: classification, label: classificationLabel ?? classification },
    terlapor: {
      name: t.name,
      nip: t.nip,
      position: t.position,
      agency: t.agency,
      subjectType: plan.subjectType,
      subjectLabel: subjectTypeEntry(plan.subjectType).label,
    },
    kajianSummary: caseRow.decision_summary ?? null,
    event: { date: caseRow.event_date, place: caseRow.event_place, regionCode: caseRow.event_region_code },
    acts: (caseRow.acts ?? []).map((a) => ({ id: a, label: NEUTRALITY_ACTS.find((n) => n.id === a)?.label ?? a })),
    proposedTrack: {
      regime: proposal.regime,
      track: proposal.track,
      level: proposal.level,
      itemId: proposal.itemId,
      stage: proposal.stage,
      citation: proposal.citation,
      sanctions: proposal.sanctionKeys.map((key) => ({ key, label: sanctionByKey(key)?.label ?? key })),
    },
    legalBasis: route.source,
    routingNote: route.note ?? null,
    followUpDeadline: deadline
      ? {
          ruleId: deadline.ruleId,
          dueAt: deadline.dueAt.toISOString(),
          dueLocal: deadline.dueLocal,
          basis: deadline.basis,
          source: deadline.source,
        }
      : null,
    conflictOfInterest: plan.conflict,
  };
}

async function createReferral(tx: Tx, ctx: DecisionContext, t: TerlaporRow, plan: ReferralPlan): Promise<CreatedReferral> {
  const { caseRow, classification, decidedAt, actor } = ctx.input;
  const { route, proposal, deadline, first, conflict, address } = plan;
  const id = randomUUID();
  await insertReferral(tx, {
    id,
    case_id: caseRow.id,
    terlapor_id: t.id,
    office_code: ctx.officeCode,
    election_id: caseRow.election_id,
    region_code: plan.regionCode,
    authority: route.authority,
    authority_name: route.authorityName,
    authority_level: route.level ?? null,
    authority_region_code: plan.authorityRegionCode,
    routing_rule_id: route.ruleId,
    routing_source: route.source,
    agency: plan.agency,
    terlapor_agency: t.agency,
    terlapor_position: t.position,
    subject_type: plan.subjectType,
    classification,
    act_ids: caseRow.acts ?? [],
    proposed_regime: proposal.regime,
    proposed_track: proposal.track,
    proposed_level: proposal.level,
    proposed_item_id: proposal.itemId,
    proposed_citation: proposal.citation,
    proposed_stage: proposal.stage,
    recommendation_number: plan.number,
    recommended_at: decidedAt,
    letter: JSON.stringify(letterOf(ctx, t, plan)),
    state: 'direkomendasikan',
    conflict_of_interest: conflict,
    conflict_region_code: conflict ? plan.contest : null,
    verification_due_at: first.step === 'verifikasi_bkn' ? (deadline?.dueAt ?? null) : null,
    ppk_due_at: first.step === 'tindak_lanjut_ppk' ? (deadline?.dueAt ?? null) : null,
    created_by: actor.id,
    created_at: decidedAt,
    updated_at: decidedAt,
    agency_region_code: address?.regionCode ?? null,
    agency_key: address?.key ?? null,
    public_key: newPublicKey(),
  });
  const step = { referralId: id, startedAt: decidedAt, dueAt: null, dueLocal: null, basis: null };
  await insertStep(tx, { ...step, step: 'rekomendasi', ruleId: null, doneAt: decidedAt, doneBy: actor.id });
  await insertStep(tx, {
    ...step,
    step: first.step,
    ruleId: deadline ? first.ruleId : null,
    dueAt: deadline?.dueAt ?? null,
    dueLocal: deadline?.dueLocal ?? null,
    basis: deadline?.basis ?? null,
  });
  await auditAndNotify(tx, ctx, t, plan, id);
  return { id, terlaporId: Number(t.id), authority: route.authority, recommendationNumber: plan.number, state: 'direkomendasikan' };
}

async function auditAndNotify(tx: Tx, ctx: DecisionContext, t: TerlaporRow, plan: ReferralPlan, id: string) {
  const { caseRow, decidedAt, recordedAt, actor } = ctx.input;
  const { route, proposal, address } = plan;
  // No names or NIPs in the audit trail: ids and the letter number identify the referral.
  await appendAudit(tx, {
    actor,
    action: 'referral.created',
    entityType: 'referral',
    entityId: id,
    regionCode: ctx.officeCode,
    at: recordedAt ?? decidedAt,
    data: {
      caseId: caseRow.id,
      effectiveAt: decidedAt.toISOString(),
      terlaporId: t.id,
      authority: route.authority,
      recommendationNumber: plan.number,
      routingRule: route.ruleId,
      proposedTrack: proposal.track,
      proposedLevel: proposal.level,
      conflictOfInterest: plan.conflict,
      agencyAddress: address ? { regionCode: address.regionCode, key: address.key, by: plan.chosen ? 'supervisor' : 'suggested' } : null,
    },
  });
  if (caseRow.kind !== 'laporan') return;
  const notice = referralNotice('sent', {
    caseRef: caseRow.registration_number ?? caseRow.tracking_code ?? '',
    recommendationNumber: plan.number,
    authorityName: route.authorityName,
    dueLocal: plan.deadline?.dueLocal ?? null,
  });
  await insertNotice(tx, { caseId: caseRow.id, at: recordedAt ?? decidedAt, ...notice, email: true });
}
