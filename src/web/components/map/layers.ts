// Map layers: where each layer's numbers come from, and how they become colours, legend entries
// and spoken values. Loaded data is cached for a short while per layer and level, so switching
// back and forth between layers does not refetch.
import { api } from '../../api/client.ts';
import { formatInstant, formatNumber } from '../../i18n/format.ts';
import type { Language, MessageKey } from '../../i18n/messages.ts';
import type { Params } from '../../i18n/store.ts';
import type { PledgeCoverage, PublicStats, RiskCategory, RiskLevel, RiskList } from '../../api/publicTypes.ts';
import type { RegionStyle } from './ChoroplethMap.tsx';

export type LayerId = 'risiko' | 'perkara' | 'petunjuk' | 'deklarasi';
export const LAYERS: readonly LayerId[] = ['risiko', 'perkara', 'petunjuk', 'deklarasi'];

export const RISK_COLORS: Record<RiskCategory, string> = { rendah: '#fde49b', sedang: '#f08a3c', tinggi: '#a50f15' };
export const NO_DATA_COLOR = '#d9dee4';
export const ZERO_COLOR = '#f1f4f7';
const BLUES = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const GREENS = ['#c7e9c0', '#74c476', '#31a354', '#006d2c'];
const PURPLE = '#b3a7d6';

/** IKP 2024 thresholds as used by the server's index (docs/RISK-INDEX.md). */
export const IKP_THRESHOLDS: Record<RiskLevel, { tinggi: number; sedang: number }> = {
  provinsi: { tinggi: 68.5, sedang: 21.7 },
  kabupaten_kota: { tinggi: 49.33, sedang: 13.47 },
};

/** GET /public/leads/by-region: relevant, not dismissed media leads per region. */
export type { LeadCounts } from '../../../contracts/leads.ts';
import type { LeadCounts } from '../../../contracts/leads.ts';

export type LayerData =
  | { layer: 'risiko'; level: RiskLevel; risk: RiskList }
  | { layer: 'petunjuk'; level: RiskLevel; leads: LeadCounts }
  | { layer: 'perkara'; level: RiskLevel; stats: PublicStats }
  | { layer: 'deklarasi'; level: RiskLevel; coverage: PledgeCoverage };

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; promise: Promise<LayerData> }>();

export function loadLayer(layer: LayerId, level: RiskLevel): Promise<LayerData> {
  const key = `${layer}:${level}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.promise;
  let promise: Promise<LayerData>;
  if (layer === 'risiko') {
    promise = api.get<RiskList>('/risk', { level }).then((risk): LayerData => ({ layer, level, risk }));
  } else if (layer === 'petunjuk') {
    promise = api.get<LeadCounts>('/public/leads/by-region', { level }).then((leads): LayerData => ({ layer, level, leads }));
  } else if (layer === 'perkara') {
    promise = api.get<PublicStats>('/public/stats').then((stats) => ({ layer, level, stats }));
  } else {
    promise = api.get<PledgeCoverage>('/public/pledges/coverage', { level }).then((coverage) => ({ layer, level, coverage }));
  }
  promise.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), promise });
  return promise;
}

/** The server offers per-region lead counts (GET /public/leads/by-region); kept for callers. */
export const leadsAvailable = (_risk?: RiskList) => true;

export interface LegendEntry {
  color: string;
  label: string;
}

export interface LayerRow {
  code: string;
  name: string;
  valueText: string;
  sort: number;
}

export interface LayerView {
  styles: Map<string, RegionStyle>;
  fallback: RegionStyle;
  legend: LegendEntry[];
  rows: LayerRow[];
  source: string;
  /** A sentence shown above the map when the colours alone would mislead (e.g. everything grey). */
  note?: string;
}

type T = (key: MessageKey, params?: Params) => string;

/** Class breaks for counts: [1, …] up to four classes, never repeating a bound. */
export function countBreaks(max: number): number[] {
  if (max <= 0) return [];
  const raw = [1, Math.ceil(max * 0.25), Math.ceil(max * 0.5), Math.ceil(max * 0.75)];
  const breaks: number[] = [];
  for (const b of raw) if (b > (breaks.at(-1) ?? 0)) breaks.push(b);
  return breaks;
}

function countScale(values: Map<string, number>, palette: string[], language: Language) {
  const max = Math.max(0, ...values.values());
  const breaks = countBreaks(max);
  const colours = palette.slice(palette.length - breaks.length);
  const colourOf = (v: number) => {
    if (v <= 0) return ZERO_COLOR;
    let index = 0;
    for (let i = 0; i < breaks.length; i++) if (v >= breaks[i]) index = i;
    return colours[index];
  };
  const legend = breaks.map((from, i) => {
    const to = i + 1 < breaks.length ? breaks[i + 1] - 1 : max;
    return {
      color: colours[i],
      label: from === to ? formatNumber(from, language) : `${formatNumber(from, language)}–${formatNumber(to, language)}`,
    };
  });
  return { colourOf, legend };
}

export function buildLayerView(data: LayerData, t: T, language: Language): LayerView {
  const styles = new Map<string, RegionStyle>();
  const rows: LayerRow[] = [];
  const number = (n: number, digits = 0) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits }).format(n);
  if (data.layer === 'risiko') {
    const thresholds = IKP_THRESHOLDS[data.level];
    for (const item of data.risk.items) {
      const category = item.category;
      const valueText =
        category && item.score !== null
          ? t('map.value.risk', { category: t(`map.risk.${category}`), score: number(item.score, 1) })
          : t('map.value.noData');
      styles.set(item.regionCode, { fill: category ? RISK_COLORS[category] : NO_DATA_COLOR, valueText });
      rows.push({ code: item.regionCode, name: item.name, valueText, sort: item.score ?? -1 });
    }
    return {
      styles,
      rows,
      fallback: { fill: NO_DATA_COLOR, valueText: t('map.value.noData') },
      legend: [
        { color: RISK_COLORS.tinggi, label: t('map.legend.tinggi', { min: number(thresholds.tinggi, 2) }) },
        {
          color: RISK_COLORS.sedang,
          label: t('map.legend.sedang', { min: number(thresholds.sedang, 2), max: number(thresholds.tinggi, 2) }),
        },
        { color: RISK_COLORS.rendah, label: t('map.legend.rendah', { max: number(thresholds.sedang, 2) }) },
        { color: NO_DATA_COLOR, label: t('map.legend.noData') },
      ],
      source: t('map.source.risk'),
      // An all-grey map must not read as "nowhere at risk".
      ...(data.risk.items.some((i) => i.category) ? {} : { note: t('map.riskAllNoData') }),
    };
  }
  if (data.layer === 'petunjuk') {
    const values = new Map(data.leads.items.map((i) => [i.regionCode, i.count]));
    const scale = countScale(values, BLUES, language);
    for (const item of data.leads.items) {
      const n = item.count;
      const valueText = t('map.value.leads', { count: number(n) });
      styles.set(item.regionCode, { fill: scale.colourOf(n), valueText });
      rows.push({ code: item.regionCode, name: item.name, valueText, sort: n });
    }
    return {
      styles,
      rows,
      fallback: { fill: ZERO_COLOR, valueText: t('map.value.leads', { count: '0' }) },
      legend: [{ color: ZERO_COLOR, label: '0' }, ...scale.legend],
      source: t('map.source.leads'),
    };
  }
  if (data.layer === 'perkara') {
    const list = data.level === 'provinsi' ? data.stats.byProvince : data.stats.byRegency;
    const values = new Map(list.map((r) => [r.code, r.count]));
    const scale = countScale(values, BLUES, language);
    for (const region of list) {
      const valueText = t('map.value.cases', { count: number(region.count) });
      styles.set(region.code, { fill: scale.colourOf(region.count), valueText });
      rows.push({ code: region.code, name: region.name, valueText, sort: region.count });
    }
    return {
      styles,
      rows,
      fallback: { fill: ZERO_COLOR, valueText: t('map.value.cases', { count: '0' }) },
      legend: [{ color: ZERO_COLOR, label: t('map.legend.zeroCases') }, ...scale.legend],
      source: t('map.source.cases', { at: formatInstant(data.stats.generatedAt, language) }),
    };
  }
  const bins = [0, 25, 50, 75];
  for (const region of data.coverage.regions) {
    let fill = ZERO_COLOR;
    let valueText = t('map.value.noPledges');
    let sort = -1;
    if (region.pledges > 0 && region.coveragePercent !== null) {
      let index = 0;
      for (let i = 0; i < bins.length; i++) if (region.coveragePercent >= bins[i]) index = i;
      fill = GREENS[index];
      valueText = t('map.value.coverage', {
        percent: number(region.coveragePercent, 1),
        pledges: number(region.pledges),
        signatories: number(region.signatories),
      });
      sort = 1000 + region.coveragePercent;
    } else if (region.pledges > 0) {
      fill = PURPLE;
      valueText = t('map.value.pledges', { pledges: number(region.pledges), signatories: number(region.signatories) });
      sort = region.signatories;
    }
    styles.set(region.code, { fill, valueText });
    rows.push({ code: region.code, name: region.name, valueText, sort });
  }
  return {
    styles,
    rows,
    fallback: { fill: ZERO_COLOR, valueText: t('map.value.noPledges') },
    legend: [
      ...bins
        .map((from, i) => ({ color: GREENS[i], label: t('map.legend.coverage', { from, to: i + 1 < bins.length ? bins[i + 1] : 100 }) }))
        .reverse(),
      { color: PURPLE, label: t('map.legend.pledgesNoHeadcount') },
      { color: ZERO_COLOR, label: t('map.legend.noPledges') },
    ],
    source: t('map.source.pledges'),
  };
}
