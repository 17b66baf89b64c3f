// Naive keyword baseline for the evaluation: what a first attempt with string search does.
// Exact official region names (case-sensitive substring), keyword lists for actors and acts,
// one count regex, "netral" + an apparatus keyword for relevance, and the first
// "dd Month yyyy" as the date. No cleaning, no context.

import type { Gazetteer } from './gazetteer.ts';
import type { TriageArticle, TriageResult } from './index.ts';
import type { Actor } from './actors.ts';
import type { Act } from './acts.ts';
import type { CountResult, NumberUnit } from './numbers.ts';

const ACTOR_KEYWORDS: ReadonlyArray<[Actor, string[]]> = [
  ['ASN', ['ASN', 'aparatur sipil negara']],
  ['PNS', ['PNS']],
  ['PPPK', ['PPPK']],
  ['kepala_desa', ['kepala desa', 'kades']],
  ['perangkat_desa', ['perangkat desa']],
  ['camat', ['camat']],
  ['lurah', ['lurah']],
  ['TNI', ['TNI']],
  ['Polri', ['Polri']],
  ['penjabat_kepala_daerah', ['Pj Bupati', 'Pj Wali Kota', 'Pj Gubernur', 'Penjabat']],
  ['penyelenggara', ['KPPS', 'PPS', 'penyelenggara']],
];
const ACT_KEYWORDS: ReadonlyArray<[Act, string[]]> = [
  ['hadir_kampanye', ['hadir kampanye', 'menghadiri kampanye']],
  ['media_sosial', ['media sosial', 'medsos']],
  ['atribut', ['atribut', 'baliho']],
  ['fasilitas_negara', ['fasilitas negara', 'mobil dinas']],
  ['mobilisasi', ['mobilisasi']],
  ['menerima_bantuan', ['menerima bantuan']],
  ['keputusan_menguntungkan', ['menguntungkan']],
  ['foto_bersama', ['foto bersama', 'berfoto']],
  ['deklarasi_dukungan', ['deklarasi dukungan']],
];
const COUNT_RE = /(\d[\d.]*)\s+(laporan|temuan|kasus|perkara|rekomendasi|pelanggaran)/gi;
const DATE_RE = /(\d{1,2}) (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) (\d{4})/;
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export function baselineTriage(article: TriageArticle, gazetteer: Gazetteer): TriageResult {
  const text = `${article.title ?? ''}\n${article.text}`;
  const lower = text.toLowerCase();
  const relevant = lower.includes('netral') && /\b(asn|pns|kepala desa|kades|tni|polri|camat|lurah)\b/.test(lower);
  const regions = [...gazetteer.regions.values()]
    .filter((region) => text.includes(region.name))
    .map(({ code, name, level }) => ({ code, name, level }));
  const actors = ACTOR_KEYWORDS.filter(([, words]) => words.some((word) => lower.includes(word.toLowerCase()))).map(([actor]) => actor);
  const acts = ACT_KEYWORDS.filter(([, words]) => words.some((word) => lower.includes(word))).map(([act]) => act);
  const numbers: CountResult[] = [];
  for (const match of text.matchAll(COUNT_RE)) {
    const unit = match[2].toLowerCase();
    numbers.push({ value: Number(match[1].replace(/\./g, '')), unit: (unit === 'pelanggaran' ? 'other' : unit) as NumberUnit });
  }
  const dateMatch = DATE_RE.exec(text);
  const date = dateMatch
    ? `${dateMatch[3]}-${String(MONTHS.indexOf(dateMatch[2]) + 1).padStart(2, '0')}-${dateMatch[1].padStart(2, '0')}`
    : null;
  const kind = !relevant ? 'other' : /imbau|himbau/.test(lower) ? 'appeal' : numbers.length >= 2 ? 'statistics' : 'incident';
  return {
    relevant,
    score: relevant ? 1 : 0,
    kind,
    regions,
    actors: relevant ? actors : [],
    acts: relevant ? acts : [],
    numbers: relevant ? numbers : [],
    date,
    people: [],
    language: 'id',
    cleanedLength: text.length,
  };
}
