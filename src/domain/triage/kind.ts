// Kind of a relevant article.
//   incident    a specific suspected violation: a named or identified person or group did
//               something on a given occasion (reported, found, clarified, sanctioned)
//   statistics  counts of reports, findings, cases or sanctioned people as the main content
//   appeal      warnings, imbauan, sosialisasi, pledges, declarations of neutrality
//   other       relevant but none of these (analysis, regulation explainers); also the kind
//               of every irrelevant article
// Many stored articles have no title or a slug title, so the decision reads the whole body:
//   1. an explainer/analysis title → other;
//   2. body cue counts per kind, scaled by the square root of the length (incident cues inside a
//      threatened or conditional sanction do not count: "yang melanggar akan dilaporkan");
//   3. title cues (+4; count-led titles +2 more for statistics);
//   4. the lead frame (leadFrame), scaled like the body cues in short excerpts: a tally (count
//      or count over a period) → statistics; an appeal addressed to apparatus in general naming
//      no case → appeal; a ceremony or briefing → appeal (weaker); an act on a day → incident.
//      In a tally the incident cues describe the counted cases and weigh half.
// The highest score wins, ties broken incident > statistics > appeal.

import { APPEAL_RE, INCIDENT_RE, STATISTICS_RE, countMatches } from './cues.ts';
import { countInSpan } from './phrases.ts';
import type { CountResult } from './numbers.ts';
import { findAll, type Doc } from './text.ts';

export type Kind = 'incident' | 'statistics' | 'appeal' | 'other';

const TITLE_APPEAL_RE =
  /\b(?:imbau\w*|himbau\w*|ingatkan|diingatkan|tekankan|tegaskan|ajak|minta|diminta|wanti-wanti)\b.*\b(?:netral\w*|jaga|jangan|tak|tidak|bijak|hindari|tolak|awasi|dilarang)\b|\b(?:harus netral|wajib netral|jaga netralitas|tetap netral|deklarasi netralitas|ikrar|apel|sosialisasi\w*|pakta|surat edaran|satgas|tim pengawas|dilarang|larangan|komitmen)\b/;
const TITLE_APPEAL_TO_APPARATUS_RE =
  /\b(?:imbau|himbau|ingatkan|minta|ajak|tekankan)\s+(?:para\s+|seluruh\s+)?(?:asn|pns|pppk|kades|kepala desa|perangkat desa|camat|lurah|tni|polri|aparatur|pegawai|personel)\b/;
const TITLE_INCIDENT_RE =
  /\b(?:diduga|dilaporkan|terlapor|viral|kedapatan|kepergok|terekam|dipanggil|diperiksa|klarifikasi|disanksi|dicopot|terbukti|tersangka|divonis|sanksi|langgar|melanggar|ketahuan|temukan|hentikan)\b/;
// Act verbs in a title without a prohibition: "Lurah Pasang Baliho Paslon", "Dua Kadus Jadi Jurkam".
const TITLE_ACT_RE =
  /\b(?:pasang|memasang|pakai|memakai|kenakan|unggah|mengunggah|like|komentari|hadiri|menghadiri|ikut|foto|berfoto|pose|dukung|mendukung|deklarasi dukung|jadi (?:tim|jurkam|timses)|jurkam|terima|menerima|kumpulkan|arahkan|ajak|kampanyekan|bagikan|bagi-bagi|lantik|mutasi|copot|tuntut|vonis)\b/;
const TITLE_PROHIBITION_RE = /\b(?:dilarang|larang|jangan|tak|tidak|hindari|tolak)\b/;
const TITLE_OTHER_RE = /^(?:analisis|opini|kolom|tajuk|memahami|mengenal|apa itu|apa saja|begini|mengapa|kenapa|bagaimana)\b|\?\s*$/;
// Head counts of five or fewer in a title ("Rekomendasikan 4 ASN") name a case, not statistics.
const TITLE_STATISTICS_RE =
  /\b(?:\d[\d.]*|puluhan|ratusan|ribuan) (?:laporan|temuan|kasus|perkara|pelanggaran|dugaan|rekomendasi|aduan)\b|\b(?:[6-9]|\d{2,}|\d{1,3}(?:\.\d{3})+|puluhan|ratusan|ribuan) (?:asn|pns|kades|kepala desa)\b|\b(?:tertinggi|terbanyak|rekap|data)\b/;
const TITLE_LEADING_COUNT_RE = /^\W*(?:\d{2,}|\d{1,3}(?:\.\d{3})+|puluhan|ratusan|ribuan)\b/;
const LEAD_COUNT_RE =
  /\b(?:mencatat|tercatat|merekap|merekapitulasi|menerima|menangani|meregistrasi)\s+(?:sebanyak\s+|total\s+|sedikitnya\s+|setidaknya\s+)?(?:\d{2,}|\d{1,3}(?:\.\d{3})+|sepuluh|sebelas|seratus|\w+ (?:belas|puluh)|puluhan|ratusan|ribuan)\b/;
// A tally over a period: a count of cases or people with a span or cut-off ("Selama masa kampanye,
// Polda memeriksa 14 anggota …", "mencatat lima temuan … hingga Jumat (22/11)"), whatever the verb.
const LEAD_TALLY_RE =
  /\b(?:\d[\d.]*|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\w+ (?:belas|puluh)|puluhan|ratusan|ribuan)\s+(?:temuan|laporan|kasus|perkara|dugaan|pelanggaran|rekomendasi|aduan|asn|pns|pegawai|anggota|personel|prajurit|kepala desa|kades|perangkat desa|camat|lurah|orang)\b/;
const LEAD_PERIOD_RE =
  /\b(?:selama|sepanjang) (?:masa|tahapan|pilkada|pemilu|pemilihan|kampanye|tahun|bulan|pekan|periode|\d)|\bsejauh ini\b|\bhingga (?:kini|saat ini|sekarang|akhir|awal|pertengahan|pekan|bulan)\b|\b(?:hingga|sampai|per) (?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|tanggal|\d{1,2}[ /])|\bsejak (?:awal|dimulainya|tahapan|masa)\b/;
const LEAD_EVENT_VERB_RE =
  /\b(?:menghadiri|hadir|memasang|mengunggah|berfoto|berpose|menandatangani|membagikan|mengumpulkan|memakai|menggunakan|terekam|kedapatan|kepergok|ikut|mengajak|mengarahkan)\b/;
const LEAD_EVENT_DAY_RE = /(?<!\b(?:hingga|sampai|per|sejak|pada)\s)\b(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)\s*\(\d{1,2}\/\d{1,2}/;
// An appeal lead: a speaker tells apparatus in general what to do or not to do ("melarang
// anggotanya berfoto …", "mengingatkan pegawai … agar tidak …", "meminta camat dan lurah tidak …").
// The addressee is a group word (or "mereka", the group just named), not a named or identified
// person; an instruction or circular "agar ASN …" is the same.
const LEAD_APPEAL_RE =
  /\b(?:mengimbau|menghimbau|mengingatkan|meminta|melarang|menginstruksikan|menegaskan|mengajak|menyerukan|berpesan|mewanti-wanti|menekankan|memerintahkan|instruksi|imbauan|himbauan|edaran|larangan|seruan)\s+(?:kepada\s+|agar\s+|supaya\s+|bagi\s+|untuk\s+)?(?:(?:para|seluruh|semua|setiap|segenap|jajaran|kalangan)\s+)?(?:mereka|asn|pns|pppk|aparatur|pegawai|anggota|personel|prajurit|bawahan|staf|jajaran|pejabat|kepala (?:desa|dinas|opd|sekolah|kampung|puskesmas)|kades|perangkat desa|aparat desa|camat|lurah|guru|honorer|tni|polri|keuchik|perbekel|wali nagari|pamong|(?:warga|masyarakat|publik) (?:untuk |agar |supaya )?(?:melapor|melaporkan|mengawasi|ikut mengawasi|berani melapor|aktif))/;
// Words that make a lead a case rather than an appeal, even with an appeal verb in it.
const LEAD_CASE_RE =
  /\b(?:diduga|dugaan|dilaporkan|terlapor|terekam|kedapatan|kepergok|tertangkap|viral|beredar|dipanggil|diperiksa|memeriksa|diklarifikasi|disanksi|dijatuhi|terbukti|berinisial|inisial|oknum|seorang)\b/;
// Events that are appeals in form: ceremonies and briefings ("mengikuti apel dan menandatangani
// pakta integritas netralitas, Senin (14/10)").
const LEAD_NEGATED_RE = /\b(?:tidak|tak|jangan|dilarang|melarang|larangan)\b/;
const LEAD_CEREMONY_RE =
  /\b(?:apel|ikrar|pakta integritas|sosialisasi|deklarasi netralitas|bimtek|bimbingan teknis|rakor|rapat koordinasi)\b/;
// A sanction threatened or conditional belongs to an appeal's warning, not to a case: "Pegawai
// yang melanggar akan dilaporkan ke BKN", "Jika terbukti berpihak, …", "bisa dijatuhi hukuman
// disiplin". Their incident cues do not count. ("Kades itu akan dipanggil" is a case: only a
// generic subject — yang melanggar/terbukti … — makes a future summons a threat.)
const THREAT_RE =
  /\b(?:jika|bila|apabila|kalau|bilamana|manakala|seandainya)\s+(?:[\w-]+\s+){0,3}?(?:terbukti|kedapatan|kepergok|tertangkap|terekam|dilaporkan|diduga)\b|\b(?:akan|bakal|dapat|bisa|terancam)\s+(?:[\w-]+\s+)?(?:dijatuhi|disanksi|dicopot|dinonaktifkan|diberhentikan)\b|\byang (?:melanggar|terbukti|kedapatan|tidak netral|terlibat|berpihak)\b(?:\s+[\w-]+){0,4}?\s+(?:akan|bakal|dapat|bisa|terancam)\s+(?:[\w-]+\s+)?(?:dilaporkan|diproses|dipanggil|diperiksa|diklarifikasi)\b/g;
const SPECIFIC_SUBJECT_RE =
  /\b(?:oknum|seorang|berinisial|inisial|yang bersangkutan|terlapor|pelapor|kronologi|rekaman|video|foto yang beredar|tangkapan layar)\b/g;

/** True when lower[start, end) has at least `n` space-separated words (no regex, no slice). */
function wordsAtLeast(lower: string, start: number, end: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = lower.charCodeAt(i) <= 32;
    if (!space && !inWord && ++words >= n) return true;
    inWord = !space;
  }
  return false;
}

/** Incident cues in the body that sit inside a threatened or conditional sanction. */
function threatenedCues(doc: Doc): number {
  let n = 0;
  for (const hit of findAll(doc, THREAT_RE)) if (hit.index >= doc.bodyStart) n += countMatches(INCIDENT_RE, hit.text);
  return n;
}

type LeadFrame = 'tally' | 'appeal' | 'ceremony' | 'event' | null;

/**
 * What the first body sentence (not a caption, at least six words) does, in order of precedence:
 * records a count or a tally over a period (statistics), addresses apparatus in general without
 * naming a case (appeal), reports a ceremony or briefing (appeal in form), or tells what someone
 * did on a day (incident).
 */
function leadFrame(doc: Doc): LeadFrame {
  const lead = doc.sentences.find(
    (sentence) =>
      sentence.start >= doc.bodyStart &&
      !/^\W*(?:foto|photo|ilustrasi|keterangan foto|caption)\s*:/.test(doc.lower.slice(sentence.start, sentence.end)) &&
      wordsAtLeast(doc.lower, sentence.start, sentence.end, 6),
  );
  const text = lead ? doc.lower.slice(lead.start, lead.end) : '';
  // "BKN mencatat 256 ASN dijatuhi sanksi …", "Bawaslu menerima 87 laporan …", "Selama masa
  // kampanye, Polda memeriksa 14 anggota …".
  if (LEAD_COUNT_RE.test(text) || (LEAD_TALLY_RE.test(text) && LEAD_PERIOD_RE.test(text))) return 'tally';
  const namesCase = LEAD_CASE_RE.test(text);
  // Its act verbs ("melarang anggotanya berfoto …") and a ceremony's ("menandatangani pakta
  // integritas") are not events.
  if (LEAD_APPEAL_RE.test(text) && !namesCase) return 'appeal';
  if (LEAD_CEREMONY_RE.test(text) && !namesCase) return 'ceremony';
  // "Sebanyak 14 keuchik … menghadiri … deklarasi dukungan …, Minggu (13/10/2024)" (not "hingga
  // Jumat (15/11/2024)", a tally's cut-off date).
  // A forbidden or negated act ("agar ASN … tidak memasang …") is not an event.
  if (LEAD_EVENT_VERB_RE.test(text) && LEAD_EVENT_DAY_RE.test(text) && !LEAD_NEGATED_RE.test(text)) return 'event';
  return null;
}

export function classifyKind(doc: Doc, numbers: readonly CountResult[]): Kind {
  const title = doc.lower.slice(0, doc.bodyStart);
  if (TITLE_OTHER_RE.test(title.trim())) return 'other';

  // Body cue counts, scaled by the square root of the length (12 sentences = 1).
  const sentences = Math.max(doc.sentences.length, 1);
  const scale = Math.sqrt(sentences / 12);
  const frame = leadFrame(doc);
  let appeal = countInSpan(doc, APPEAL_RE, doc.bodyStart) / scale;
  const incidentCues = Math.max(0, countInSpan(doc, INCIDENT_RE, doc.bodyStart) - threatenedCues(doc));
  let incident = (incidentCues + 1.5 * countInSpan(doc, SPECIFIC_SUBJECT_RE, doc.bodyStart)) / scale;
  // In a tally the suspicion and sanction words describe the counted cases: half weight.
  if (frame === 'tally') incident *= 0.5;
  // A handful of people ("tiga ASN", "dua orang") is one case being handled, not statistics:
  // head counts up to five weigh half.
  const counted = numbers.reduce(
    (sum, number) => sum + (number.unit !== 'other' ? 1 : number.value <= 1 ? 0 : number.value <= 5 ? 0.5 : 1),
    0,
  );
  let statistics = (countInSpan(doc, STATISTICS_RE, doc.bodyStart) * 0.5 + counted * 2.2) / scale;
  if (counted <= 1) statistics *= 0.4;
  // Title cues: "Bupati Ingatkan ASN" (also a slug title), an appeal verb addressed to apparatus.
  const titleAppeal = TITLE_APPEAL_RE.test(title) || TITLE_APPEAL_TO_APPARATUS_RE.test(title);
  const titleIncident = TITLE_INCIDENT_RE.test(title) || (TITLE_ACT_RE.test(title) && !TITLE_PROHIBITION_RE.test(title) && !titleAppeal);
  const titleStatistics = TITLE_STATISTICS_RE.test(title);
  if (titleAppeal) appeal += 4;
  else if (/\bnetral\w*/.test(title) && !titleIncident && !titleStatistics) appeal += 2.5;
  if (titleIncident) incident += 4;
  if (titleStatistics) statistics += 4;
  // Statistics lead with counts: "1.156 ASN Dilaporkan …" is a tally, not one case.
  if (titleStatistics && TITLE_LEADING_COUNT_RE.test(title)) statistics += 2;
  // The lead frame, without a headline the main evidence. Body cues are scaled up in short texts
  // (1/scale), so the lead is too: it must not be outvoted by two cue words in a two-sentence
  // excerpt.
  const lead = Math.max(1, 1 / scale);
  if (frame === 'tally') statistics += 3 * lead;
  else if (frame === 'appeal') appeal += 3 * lead;
  else if (frame === 'ceremony') appeal += 1.5 * lead;
  else if (frame === 'event') incident += 2 * lead;
  const best = Math.max(appeal, incident, statistics);
  // Weak evidence still names the likelier kind (relevant explainers are told by their titles).
  if (best < 0.5) return 'other';
  // Ties: incident > statistics > appeal.
  if (incident === best) return 'incident';
  if (statistics === best) return 'statistics';
  return 'appeal';
}
