// Assembles risk-index inputs from the database and computes the explanation per region.
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { assertCanManageRisk } from './policy.ts';
import {
  checkRiskWeights,
  computeRiskIndex,
  DEFAULT_RISK_WEIGHTS,
  RISK_COMPONENTS,
  IKP_THRESHOLDS,
  COUNT_SATURATION,
  RATE_SATURATION_PER_1000,
  EKTP_SATURATION_PERCENT,
  type RiskExplanation,
  type RiskInput,
  type RiskLevel,
  type RiskWeights,
} from '../../../domain/risk/index.ts';
import { statsCacheFor } from '../stats/index.ts';
import { publishedFiguresByRegion, type PublishedFigure } from '../../reference/figures.ts';
import {
  contestShapes,
  latestElection,
  latestIndicators,
  mediaLeadCounts,
  pledgeTotals,
  readWeights,
  regionsAtLevel,
  upsertWeight,
} from './repository.ts';

export interface RegionRisk extends RiskExplanation {
  name: string;
  /** The IKP category as imported (Bawaslu's own), beside the computed one. */
  ikpCategory: string | null;
  /** Figures Bawaslu published for this region (reference/figures), newest first; empty: belum ada data. */
  published: PublishedFigure[];
}

export async function computeRegionRisks(
  db: Queryable,
  level: RiskLevel,
  onlyCode?: string,
): Promise<{ items: RegionRisk[]; weights: RiskWeights; electionId: string | null }> {
  const [regions, indicators, pledges, election, leads, weightInfo, snapshot] = await Promise.all([
    regionsAtLevel(db, level, onlyCode),
    latestIndicators(db, onlyCode ? [onlyCode] : undefined),
    pledgeTotals(db, level),
    latestElection(db),
    mediaLeadCounts(db, level),
    readWeights(db),
    statsCacheFor(db).get(),
  ]);
  const published = await publishedFiguresByRegion(db, onlyCode ? [onlyCode] : undefined);
  const shapes = election ? await contestShapes(db, election.id) : new Map<string, { pairs: number; incumbent: boolean }>();
  const caseCounts = new Map((level === 'provinsi' ? snapshot.data.byProvince : snapshot.data.byRegency).map((r) => [r.code, r.count]));
  const liveSource = `Netra: laporan dan temuan (rekap ${snapshot.data.generatedAt})`;
  const items = regions.map((region): RegionRisk => {
    const ind = indicators.get(region.code);
    const sourced = (key: string) => {
      const v = ind?.get(key);
      return v ? { value: v.value, source: `${v.source} (impor ${v.importedAt.slice(0, 10)})` } : undefined;
    };
    const pastCases = ind?.get('past_cases');
    // Imported recap sheets are the finer source of past cases: the most recent imported cycle.
    const history = snapshot.regionHistory.get(region.code);
    const lastCycle = history ? [...history.keys()].sort().at(-1) : undefined;
    const regionPublished = published.get(region.code) ?? [];
    const publishedIkp = regionPublished.find((f) => f.series.startsWith('ikp-') && f.value !== null);
    const shape = shapes.get(region.code);
    const pledge = pledges.get(region.code);
    const contestSource = election ? `Netra: pasangan calon ${election.id} (impor CSV)` : '';
    const input: RiskInput = {
      regionCode: region.code,
      level,
      ikpScore:
        sourced('ikp_score') ??
        (publishedIkp
          ? {
              value: publishedIkp.value!,
              source: `${publishedIkp.publisher}, ${publishedIkp.title} (${publishedIkp.publishedOn}${publishedIkp.partial ? ', publikasi sebagian' : ''}): ${publishedIkp.source}`,
            }
          : undefined),
      pastCases:
        history && lastCycle
          ? {
              value: history.get(lastCycle)!.cases,
              source: `Netra: ${history.get(lastCycle)!.cases} perkara riwayat ${lastCycle} (impor rekap kantor, rekap ${snapshot.data.generatedAt})`,
            }
          : pastCases
            ? {
                value: pastCases.value,
                source: `${pastCases.source}${pastCases.textValue ? ` — ${pastCases.textValue}` : ''} (impor ${pastCases.importedAt.slice(0, 10)})`,
              }
            : undefined,
      liveCases: { value: caseCounts.get(region.code) ?? 0, source: liveSource },
      mediaLeads: { value: leads.get(region.code) ?? 0, source: 'Netra: petunjuk pemantauan media (relevan, tidak diabaikan)' },
      pledgeSignatories: pledge
        ? { value: pledge.signatories, source: `Netra: ${pledge.pledges} deklarasi netralitas, ${pledge.agencies} instansi` }
        : undefined,
      asnHeadcount: sourced('asn_headcount'),
      votersWithoutEktpPercent: sourced('voters_without_ektp_pct'),
      incumbentRunning: shape && shape.pairs > 0 ? { value: shape.incumbent, source: contestSource } : undefined,
      candidatePairs: shape && shape.pairs > 0 ? { value: shape.pairs, source: contestSource } : undefined,
    };
    const explanation = computeRiskIndex(input, weightInfo.weights);
    if (!shape && election) {
      explanation.missingNotes.incumbent = `Tidak ada pemilihan ${election.id} di wilayah ini.`;
      explanation.missingNotes.candidate_pairs = `Tidak ada pemilihan ${election.id} di wilayah ini.`;
    }
    return { ...explanation, name: region.name, ikpCategory: ind?.get('ikp_score')?.textValue ?? null, published: regionPublished };
  });
  return { items, weights: weightInfo.weights, electionId: election?.id ?? null };
}

export async function explainRegionRisk(db: Queryable, code: string): Promise<RegionRisk | null> {
  const level: RiskLevel | null = /^\d{2}$/.test(code) ? 'provinsi' : /^\d{2}\.\d{2}$/.test(code) ? 'kabupaten_kota' : null;
  if (!level) return null;
  const { items } = await computeRegionRisks(db, level, code);
  return items[0] ?? null;
}

/** The published method: components, default and current weights, saturation constants, thresholds. */
export async function describeWeights(db: Queryable) {
  const { weights, updatedAt, custom } = await readWeights(db);
  return {
    weights,
    defaults: DEFAULT_RISK_WEIGHTS,
    customized: custom,
    updatedAt,
    components: RISK_COMPONENTS.map((c) => ({ ...c, defaultWeight: c.weight, weight: weights[c.key] })),
    constants: {
      countSaturation: COUNT_SATURATION,
      ratePer1000Saturation: RATE_SATURATION_PER_1000,
      ektpSaturationPercent: EKTP_SATURATION_PERCENT,
    },
    thresholds: IKP_THRESHOLDS,
    method: {
      id: 'Skor = Σ (nilai ternormalisasi × bobot) × 100. Komponen tanpa data dikeluarkan dan bobot sisanya dinormalkan ulang agar berjumlah 1. Kategori memakai ambang IKP Bawaslu 2024.',
      en: 'Score = Σ (normalised value × weight) × 100. Components without data are left out and the remaining weights renormalised to sum to 1. Categories use Bawaslu’s IKP 2024 thresholds.',
    },
    documentation: 'docs/RISK-INDEX.md',
  };
}

export async function updateWeights(db: Db, weights: Partial<RiskWeights>, principal: Principal, now: Date) {
  assertCanManageRisk(principal);
  const actor = { id: principal.id, role: principal.role };
  const problem = checkRiskWeights(weights);
  if (problem)
    throw new AppError(
      'validation_failed',
      { id: `Bobot tidak valid: ${problem}`, en: `Invalid weights: ${problem}` },
      { field: 'weights' },
    );
  const before = await readWeights(db);
  const merged = { ...before.weights, ...weights };
  if (Object.values(merged).every((w) => w <= 0)) {
    throw new AppError(
      'validation_failed',
      { id: 'Setidaknya satu bobot harus lebih dari 0.', en: 'At least one weight must be above 0.' },
      { field: 'weights' },
    );
  }
  await db.transaction(async (tx) => {
    for (const [key, weight] of Object.entries(weights)) {
      await upsertWeight(tx, key, weight, now, actor.id);
    }
    await appendAudit(tx, {
      actor,
      action: 'risk.weights_updated',
      entityType: 'risk_weights',
      at: now,
      data: { before: before.weights, after: merged },
    });
  });
  return describeWeights(db);
}
