// Page furniture (outlet names, photo credits, bylines): ranges of the text whose words are never
// a place of events.

// Page furniture is not a place of events: outlet names that contain a place ("Radar Bogor",
// "Pos Kupang", "Lampung Post", "Tribun-Medan.com", "RIAUPOS.CO"), photo credits and bylines
// ("Foto: Dok. Radar Bogor", "Laporan Wartawan …", "Pewarta: Kurniawan Bima").
const OUTLET_ALTERNATIVES = [
  /\b(?:Radar|Pos|Tribun|Harian|Suara|Koran|Warta|Serambi|Kabar|Jurnal)[ -]?[A-Z][\w]+(?: [A-Z][a-z]+)?/,
  /\b[A-Z][\w]+(?: [A-Z][\w]+)? ?(?:Post|Pos|Ekspres|Express|Today|News|Online|Terkini|Times)\b/,
  /(?<![\w-])[\w-]+\.(?:com|co\.id|co|id|net)\b/,
];
// The outlet pattern is their alternation (OUTLET_VARIANTS[7]). Speed: OUTLET_NEEDS[k] is what
// alternative k cannot match without; an alternative that cannot match anywhere in the text is
// left out of the scan, which changes no match (OUTLET_VARIANTS[mask]: the alternatives whose
// bit is set, in their order).
const OUTLET_NEEDS = [
  /(?:Radar|Pos|Tribun|Harian|Suara|Koran|Warta|Serambi|Kabar|Jurnal)[ -]?[A-Z]/,
  /(?:Post|Pos|Ekspres|Express|Today|News|Online|Terkini|Times)\b/,
  /\.(?:com|co\.id|co|id|net)\b/,
];
const OUTLET_VARIANTS = Array.from({ length: 8 }, (_, mask) => {
  const kept = OUTLET_ALTERNATIVES.filter((_, k) => mask & (1 << k));
  return kept.length === 0 ? null : new RegExp(kept.map((re) => re.source).join('|'), 'g');
});
const CREDIT_LINE_RE =
  /(?:^|\n|\()\s*(?:(?:foto|photo|fotografer|sumber foto|penulis|editor|reporter|pewarta|laporan|wartawan|kontributor)\s*:|laporan (?:wartawan|reporter|kontributor))[^\n)]*/gi;

// What every credit line contains (its words then a colon, or "laporan" and a reporter word):
// without it the credit scan is skipped.
const CREDIT_NEEDS =
  /(?:foto|photo|fotografer|penulis|editor|reporter|pewarta|laporan|wartawan|kontributor)\s*:|laporan (?:wartawan|reporter|kontributor)/i;

export function furnitureRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let mask = 0;
  for (let k = 0; k < OUTLET_NEEDS.length; k++) if (OUTLET_NEEDS[k].test(text)) mask |= 1 << k;
  for (const re of [OUTLET_VARIANTS[mask], CREDIT_NEEDS.test(text) ? CREDIT_LINE_RE : null]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

export function inRanges(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  for (const [start, end] of ranges) if (at >= start && at < end) return true;
  return false;
}
