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
import { candidatePairsIn, electionStages, insertStep, nextRecommendationSequence, referralsOfCase, regionNameOf } from './repository.ts';
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

export async function createReferralsForDecision(tx: Tx, input: CreateReferralsInput): Promise<CreatedReferral[]> {
  const { caseRow, classification, decidedAt } = input;
  if (classification === 'bukan_pelanggaran') return [];
  // Idempotent: a second call for the same decision creates nothing and consumes no number.
  const existing = new Set((await referralsOfCase(tx, caseRow.id)).map((r) => Number(r.terlapor_id)));
  const officeCode = caseRow.office_code;
  const officeZone = zoneForRegion(officeCode);
  const parts = localPartsOf(decidedAt, officeZone);
  const office = await officeName(tx, officeCode);
  const stages = caseRow.election_id ? await electionStages(tx, caseRow.election_id) : [];
  const stageSource = stages.length
    ? { stages, regionCode: caseRow.event_region_code }
    : { ...PILKADA_2024_STAGES, regionCode: caseRow.event_region_code };
  const created: CreatedReferral[] = [];

  for (const t of input.terlapor) {
    if (existing.has(Number(t.id))) continue;
    const subjectType = (isSubjectType(t.subject_type) ? t.subject_type : 'lainnya') as SubjectType;
    const route = routeReferral({ classification, subjectType, decidedAt, regionCode: officeCode });
    if (route.authority === 'TIDAK_ADA') continue;
    const regionCode = officeForEventRegion(t.region_code ?? caseRow.event_region_code);
    const regionName = (await regionNameOf(tx, regionCode)) ?? regionCode;
    const regionalPpk = isRegionalPpkAuthority(route.authority);
    const agency = regionalPpk ? governmentOf(regionCode, regionName) : t.agency.trim() || route.authorityName;
    const authorityRegionCode = route.level === 'pusat' ? null : regionalPpk ? regionCode : officeCode;
    const proposal = proposeTrack({ subjectType, acts: caseRow.acts ?? [], eventDate: caseRow.event_date, stages: stageSource });

    const contest = ppkContestRegion({ authority: route.authority, agency, regionCode });
    const pairs = caseRow.election_id && contest ? await candidatePairsIn(tx, caseRow.election_id, [contest]) : [];
    const conflict = hasConflictOfInterest(contest, pairs);

    const sequence = await nextRecommendationSequence(tx, officeCode, parts.year);
    const number = formatRecommendationNumber({ sequence, officeCode, month: parts.month, year: parts.year });
    const first = initialStep(route.authority, route.deadlineRuleId ?? null);
    const deadline = await stepDeadline(tx, first.ruleId, decidedAt, regionalPpk ? regionCode : officeCode);
    const id = randomUUID();
    const chosen =
      isRegionalPpkAuthority(route.authority) || isAsnAuthority(route.authority) ? input.addresses?.get(Number(t.id)) : undefined;
    const address = chosen ?? suggestedAddress(route.authority, t.agency, regionCode);
    const addressee =
      route.authority === 'BKN'
        ? 'Kepala Badan Kepegawaian Negara u.p. Deputi Bidang Pengawasan dan Pengendalian'
        : regionalPpk
          ? headOfRegion(regionCode, regionName)
          : authorityRegionCode
            ? `${route.authorityName} (${(await regionNameOf(tx, authorityRegionCode)) ?? authorityRegionCode})`
            : route.authorityName;
    const letter = {
      number,
      date: localDateOf(decidedAt, officeZone),
      dateLocal: formatLocalDateId(localDateOf(decidedAt, officeZone)),
      from: { officeCode, officeName: office },
      addressee,
      authority: route.authority,
      authorityName: route.authorityName,
      subject: `Penerusan dugaan pelanggaran ${CLASSIFICATIONS.find((c) => c.id === classification)?.label.toLowerCase() ?? classification}`,
      registrationNumber: caseRow.registration_number,
      classification: { id: classification, label: CLASSIFICATIONS.find((c) => c.id === classification)?.label ?? classification },
      terlapor: {
        name: t.name,
        nip: t.nip,
        position: t.position,
        agency: t.agency,
        subjectType,
        subjectLabel: subjectTypeEntry(subjectType).label,
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
      conflictOfInterest: conflict,
    };
    await tx.query(
      `INSERT INTO referrals (id, case_id, terlapor_id, office_code, election_id, region_code, authority, authority_name, authority_level,
         authority_region_code, routing_rule_id, routing_source, agency, terlapor_agency, terlapor_position, subject_type, classification,
         act_ids, proposed_regime, proposed_track, proposed_level, proposed_item_id, proposed_citation, proposed_stage,
         recommendation_number, recommended_at, letter, state, conflict_of_interest, conflict_region_code, verification_due_at, ppk_due_at,
         created_by, created_at, updated_at, agency_region_code, agency_key, public_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
         $25, $26, $27, 'direkomendasikan', $28, $29, $30, $31, $32, $26, $26, $33, $34, $35)`,
      [
        id,
        caseRow.id,
        t.id,
        officeCode,
        caseRow.election_id,
        regionCode,
        route.authority,
        route.authorityName,
        route.level ?? null,
        authorityRegionCode,
        route.ruleId,
        route.source,
        agency,
        t.agency,
        t.position,
        subjectType,
        classification,
        caseRow.acts ?? [],
        proposal.regime,
        proposal.track,
        proposal.level,
        proposal.itemId,
        proposal.citation,
        proposal.stage,
        number,
        decidedAt,
        JSON.stringify(letter),
        conflict,
        conflict ? contest : null,
        first.step === 'verifikasi_bkn' ? (deadline?.dueAt ?? null) : null,
        first.step === 'tindak_lanjut_ppk' ? (deadline?.dueAt ?? null) : null,
        input.actor.id,
        address?.regionCode ?? null,
        address?.key ?? null,
        newPublicKey(),
      ],
    );
    await insertStep(tx, {
      referralId: id,
      step: 'rekomendasi',
      ruleId: null,
      startedAt: decidedAt,
      dueAt: null,
      dueLocal: null,
      basis: null,
      doneAt: decidedAt,
      doneBy: input.actor.id,
    });
    await insertStep(tx, {
      referralId: id,
      step: first.step,
      ruleId: deadline ? first.ruleId : null,
      startedAt: decidedAt,
      dueAt: deadline?.dueAt ?? null,
      dueLocal: deadline?.dueLocal ?? null,
      basis: deadline?.basis ?? null,
    });
    // No names or NIPs in the audit trail: ids and the letter number identify the referral.
    await appendAudit(tx, {
      actor: input.actor,
      action: 'referral.created',
      entityType: 'referral',
      entityId: id,
      regionCode: officeCode,
      at: input.recordedAt ?? decidedAt,
      data: {
        caseId: caseRow.id,
        effectiveAt: decidedAt.toISOString(),
        terlaporId: t.id,
        authority: route.authority,
        recommendationNumber: number,
        routingRule: route.ruleId,
        proposedTrack: proposal.track,
        proposedLevel: proposal.level,
        conflictOfInterest: conflict,
        agencyAddress: address ? { regionCode: address.regionCode, key: address.key, by: chosen ? 'supervisor' : 'suggested' } : null,
      },
    });
    if (caseRow.kind === 'laporan') {
      const notice = referralNotice('sent', {
        caseRef: caseRow.registration_number ?? caseRow.tracking_code ?? '',
        recommendationNumber: number,
        authorityName: route.authorityName,
        dueLocal: deadline?.dueLocal ?? null,
      });
      await insertNotice(tx, { caseId: caseRow.id, at: input.recordedAt ?? decidedAt, ...notice, email: true });
    }
    created.push({ id, terlaporId: Number(t.id), authority: route.authority, recommendationNumber: number, state: 'direkomendasikan' });
  }
  return created;
}
