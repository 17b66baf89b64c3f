// 'teruskan': a violation decision forwards each terlapor to the authority that decides the
// sanction (routing by classification and subject type) and opens their referrals.
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import type { ViolationClassification } from '../../../domain/catalogues/classifications.ts';
import { routeReferral } from '../../../domain/catalogues/routing.ts';
import type { SubjectType } from '../../../domain/catalogues/subjects.ts';
import { assertAgencyAddress, createReferralsForDecision, type AgencyAddress } from '../referrals/index.ts';
import { listTerlapor, type CaseRow, type TerlaporRow } from './repository.ts';

/** The agency address given for each terlapor, checked against the catalogue. */
async function agencyAddresses(tx: Tx, terlapor: TerlaporRow[], given: { terlaporId: number; kodeWilayah: string; instansi: string }[]) {
  const addresses = new Map<number, AgencyAddress>();
  for (const [i, a] of given.entries()) {
    if (!terlapor.some((t) => Number(t.id) === a.terlaporId)) {
      throw new AppError(
        'validation_failed',
        { id: 'Terlapor tidak ada pada perkara ini.', en: 'No such terlapor in this case.' },
        { field: `alamatInstansi.${i}.terlaporId` },
      );
    }
    await assertAgencyAddress(tx, a.kodeWilayah, a.instansi, `alamatInstansi.${i}`);
    addresses.set(a.terlaporId, { regionCode: a.kodeWilayah, key: a.instansi });
  }
  return addresses;
}

/** Creates the referrals of a decision; resolves to the routing recorded in the case event. */
export async function decideForwarding(
  tx: Tx,
  principal: Principal,
  caseRow: CaseRow,
  input: { classification?: ViolationClassification; alamatInstansi?: { terlaporId: number; kodeWilayah: string; instansi: string }[] },
  when: { at: Date; now: Date },
) {
  const classification = input.classification!;
  const terlapor = await listTerlapor(tx, caseRow.id);
  const addresses = await agencyAddresses(tx, terlapor, input.alamatInstansi ?? []);
  const routing = terlapor.map((t) => {
    const route = routeReferral({
      classification,
      subjectType: t.subject_type as SubjectType,
      decidedAt: when.at,
      regionCode: caseRow.office_code,
    });
    return {
      terlaporId: t.id,
      authority: route.authority,
      authorityName: route.authorityName,
      source: route.source,
      deadlineRuleId: route.deadlineRuleId ?? null,
    };
  });
  await createReferralsForDecision(tx, {
    caseRow,
    terlapor,
    classification,
    decidedAt: when.at,
    recordedAt: when.now,
    actor: { id: principal.id, role: principal.role },
    addresses,
  });
  return routing;
}
