// Actors: the groups of state apparatus whose neutrality the article is about.
//
// Definition used in labels and code: an actor is a group that is the suspect of a violation,
// the subject of statistics, or the addressee of an appeal/pledge to stay neutral. The
// official who issues the appeal or handles the case is not an actor: "Pj Bupati OKI
// mengingatkan ASN dan kepala desa" → ASN, kepala_desa (not penjabat_kepala_daerah);
// "Kapolres menegaskan anggota Polri harus netral" → Polri (via "anggota Polri").
// `penyelenggara` (KPU/Bawaslu/PPK/PPS/KPPS/Panwascam/PKD staff) is an actor only when their
// own neutrality is at issue (suspected or addressed next to the apparatus); Bawaslu or KPU
// as the institution that warns, supervises or counts is never an actor.
//
// A mention counts when its sentence has election or neutrality vocabulary, and it is not
// the speaker: an active speech/appeal verb right after it ("Camat X mengimbau"), or a
// reporting frame right before it ("disampaikan Pj Gubernur"), marks the speaker — unless the
// sentence carries a suspicion cue ("diduga", "dilaporkan", "tidak netral").

import { ELECTION_RE, NEUTRALITY_RE, SPEECH_AFTER_RE, SPEECH_BEFORE_RE, SUSPICION_RE } from './cues.ts';
import { indexedCandidates, matchesInSpan } from './phrases.ts';
import { isWordCode } from './prefixes.ts';
import { findAll, sentenceText, type Doc } from './text.ts';

export const ACTORS = [
  'ASN',
  'PNS',
  'PPPK',
  'kepala_desa',
  'perangkat_desa',
  'camat',
  'lurah',
  'TNI',
  'Polri',
  'penjabat_kepala_daerah',
  'penyelenggara',
] as const;
export type Actor = (typeof ACTORS)[number];
/** Mention classes: the output actors plus state-paid non-ASN staff (evidence only). */
export type MentionClass = Actor | 'non_ASN';

export interface ActorMention {
  actor: MentionClass;
  index: number;
  end: number;
  sentence: number;
}

const ACTOR_PATTERNS: ReadonlyArray<{ actor: MentionClass; re: RegExp }> = [
  {
    actor: 'ASN',
    re: /\b(?:asn|aparatur sipil negara|aparatur sipil|pegawai negeri|aparatur pemerintah(?:an)?(?! desa)|kepala dinas|sekretaris dinas|kadis|kadin|kepala (?:organisasi )?(?:opd|perangkat daerah)|kepala opd|kepala puskesmas|kepala uptd|pimpinan opd|sekretaris daerah|sekda|sekdaprov|sekprov|sekretaris provinsi|sekkab|sekkot|asisten (?:i|ii|iii|pemerintahan|perekonomian|administrasi)|pejabat eselon|pejabat struktural|pejabat (?:pemkab|pemkot|pemprov|pemda|pemerintah)|pegawai (?:di )?(?:lingkungan )?(?:pemerintah (?:kabupaten|kota|provinsi|daerah)|pemkab|pemkot|pemprov|pemda|dinas|kecamatan|kelurahan|puskesmas|rsud|setda|sekretariat daerah|bappeda)|staf (?:kecamatan|kelurahan|dinas|pemkab|pemkot|pemprov|setda)|(?:staf|pegawai) kantor (?:camat|kecamatan|lurah|kelurahan|bupati|wali ?kota|gubernur|dinas)|kepala badan|kepala bagian|kabag|kepala bidang|kabid|kepala (?:sekolah|sd|smp|sma|smk|mi|mts)n?|satpol pp|satuan polisi pamong praja|polisi pamong praja|aparatur daerah|birokrat|birokrasi)\b/g,
  },
  { actor: 'PNS', re: /\b(?:pns|cpns|pegawai negeri sipil)\b(?! (?:nomor|no\.))/g },
  { actor: 'PPPK', re: /\b(?:pppk|p3k|pegawai pemerintah dengan perjanjian kerja)\b/g },
  {
    actor: 'kepala_desa',
    re: /\b(?:kepala desa|kades|pj kades|kepala kampung|kepala nagari|wali ?nagari|kepala pekon|keuchik|geuchik|perbekel|pembakal|kuwu|hukum tua|kepala gampong|lurah desa|petinggi desa|kepala-kepala desa|kepala ohoi|kepala lembang|kepala negeri|kepala tiyuh|kepala kampong|sangadi)\b/g,
  },
  {
    actor: 'perangkat_desa',
    re: /\b(?:perangkat desa|perangkat kampung|perangkat nagari|perangkat pekon|perangkat gampong|perangkat kelurahan|perangkat (?:ohoi|lembang|negeri|tiyuh|kampong)|aparatur desa|aparat desa|aparatur pemerintah desa|sekretaris desa|sekdes|kepala dusun|kadus|kaur (?:desa|umum|keuangan|pemerintahan)|kasi (?:pemerintahan|kesejahteraan|pelayanan)|staf desa|pamong desa|pamong praja desa|pamong kalurahan|pamong kelurahan)\b/g,
  },
  // Kepala distrik (Papua) and panewu (DIY) head a kecamatan.
  { actor: 'camat', re: /\b(?:camat|wakil camat|sekcam|sekretaris camat|pj camat|kepala distrik|panewu)\b/g },
  { actor: 'lurah', re: /\b(?:lurah(?! desa)|kepala kelurahan|sekretaris lurah|seklur)\b/g },
  {
    actor: 'TNI',
    re: /\b(?:tni|prajurit|tentara|babinsa|bintara pembina desa|dandim|danrem|pangdam|danramil|koramil|kodim|korem|kodam|panglima tni|polisi militer|denpom|subdenpom|puspom|pomdam)\b/g,
  },
  {
    actor: 'Polri',
    re: /\b(?:polri|polisi(?! (?:militer|pamong))|kepolisian|bhabin|polres|polresta|polrestabes|polda|polsek|bhabinkamtibmas|kapolres|kapolresta|kapolda|kapolri|kapolsek|brimob)\b/g,
  },
  {
    actor: 'penjabat_kepala_daerah',
    re: /\b(?:pj|pjs|plt|penjabat|penjabat sementara|pelaksana tugas)\.?(?:\s*\((?:pj|pjs|plt)\))?\s+(?:bupati|wali ?kota|gubernur|kepala daerah)\b/g,
  },
  {
    actor: 'penyelenggara',
    re: /\b(?:penyelenggara(?: pemilu| pemilihan| pilkada| ad ?hoc)?|badan ad ?hoc|kpps|anggota pps|ketua pps|pps|anggota ppk|ketua ppk|panwascam|panwaslu kecamatan|pengawas kelurahan(?:\/desa)?|pengawas desa|pkd|pengawas tps|ptps|anggota kpu|komisioner kpu|anggota bawaslu|komisioner bawaslu|pantarlih|petugas tps|petugas kpps)\b/g,
  },
  // State-paid staff who are not ASN (honorer, contract and daily workers). Their partisanship
  // is evidence of relevance, but they are not an actor of the vocabulary (never output).
  {
    actor: 'non_ASN',
    re: /\b(?:(?:guru|tenaga|pegawai|staf) honorer|honorer|pegawai non[- ]?asn|tenaga non[- ]?asn|non[- ]?asn|pegawai tidak tetap|tenaga harian lepas|tenaga kontrak (?:pemkab|pemkot|pemprov|pemda|daerah))\b/g,
  },
];

// "perangkatnya" after "kepala desa … beserta perangkatnya".
const VILLAGE_STAFF_PRONOUN_RE = /\b(?:kepala desa|kades)\b[^.!?\n]{0,40}\bperangkatnya\b/g;

const PLACE_BEFORE_RE = /\b(?:jalan|jl|jln|gang|gg|aula|kantor|balai|halaman|rumah dinas|lapangan)\.?\s+$/;
const NOT_A_MENTION_BEFORE_RE =
  /(?:\bbukan|\bnon-?|\btidak berstatus|\bbelum berstatus|\btentang(?: disiplin| manajemen)?|\bdisiplin|\b(?:aturan|ketentuan|regulasi|prinsip) netralitas)\s*$/;

// One scan for all actors: the patterns joined as capture groups, in the order above.
const ALL_ACTORS_RE = new RegExp(ACTOR_PATTERNS.map(({ re }) => `(${re.source})`).join('|'), 'g');

/** All apparatus mentions, including speakers; `selectActorMentions` decides which count. */
export function findActorMentions(doc: Doc): ActorMention[] {
  const mentions: ActorMention[] = [];
  for (const hit of findAll(doc, ALL_ACTORS_RE)) {
    const group = hit.groups.findIndex((value) => value !== undefined);
    const actor = ACTOR_PATTERNS[group]?.actor;
    if (!actor) continue;
    if (actor === 'ASN' && /komisi\s+$/.test(doc.lower.slice(Math.max(0, hit.index - 8), hit.index))) continue;
    // "bukan ASN", "non-PNS", "PP 94/2021 tentang Disiplin PNS": not a mention of the group.
    if (NOT_A_MENTION_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 24), hit.index))) continue;
    // "Jalan Lurah Z", "kantor Camat X", "aula Kelurahan Y": a place named after the office.
    if (
      PLACE_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 16), hit.index)) &&
      /^\s+[A-Z]/.test(doc.text.slice(hit.end, hit.end + 2))
    )
      continue;
    mentions.push({ actor, index: hit.index, end: hit.end, sentence: hit.sentence });
  }
  for (const hit of findAll(doc, VILLAGE_STAFF_PRONOUN_RE)) {
    mentions.push({ actor: 'perangkat_desa', index: hit.end - 'perangkatnya'.length, end: hit.end, sentence: hit.sentence });
  }
  addOwnGroups(doc, mentions);
  mentions.sort((a, b) => a.index - b.index);
  return mentions;
}

// "Kapolres … melarang anggotanya …", "Dandim mengingatkan prajuritnya …", "Sekda meminta
// seluruh pegawai …": the head's own people belong to the head's group (a village head's staff
// to the village staff, an association's members to the head's). The head is the nearest
// earlier mention in the sentence.
const OWN_GROUP_RE =
  /\b(?:(?:anggota|prajurit|personel|jajaran|bawahan|pegawai|staf|anak buah|aparat)nya|(?:para|seluruh|semua|segenap) (?:pegawai|staf))\b/g;
const OWN_GROUP_OF: Partial<Record<MentionClass, Actor>> = {
  TNI: 'TNI',
  Polri: 'Polri',
  ASN: 'ASN',
  PNS: 'ASN',
  camat: 'ASN',
  lurah: 'ASN',
  penjabat_kepala_daerah: 'ASN',
  kepala_desa: 'perangkat_desa',
};

function addOwnGroups(doc: Doc, mentions: ActorMention[]): void {
  const count = mentions.length;
  for (const hit of findAll(doc, OWN_GROUP_RE)) {
    let head: ActorMention | undefined;
    for (let k = 0; k < count; k++) {
      const mention = mentions[k];
      if (mention.sentence === hit.sentence && mention.end <= hit.index && (!head || mention.index > head.index)) head = mention;
    }
    const actor = head?.actor === 'kepala_desa' && hit.text.startsWith('anggota') ? 'kepala_desa' : head && OWN_GROUP_OF[head.actor];
    if (actor) mentions.push({ actor, index: hit.index, end: hit.end, sentence: hit.sentence });
  }
}

// The verb alternation of SPEECH_AFTER_RE alone: the phrase index (phrases.ts) lists where it can
// start in the document.
const SPEECH_VERB_START_RE = new RegExp(
  SPEECH_AFTER_RE.source.slice(SPEECH_AFTER_RE.source.indexOf('\\b(?:'), SPEECH_AFTER_RE.source.indexOf(')\\b(?!') + 1),
  'g',
);

/**
 * False when SPEECH_AFTER_RE cannot match `doc.lower.slice(from, to)`: its verb starts at most 90
 * characters in, after a word boundary that (past the first character) is one in `doc.lower` too,
 * so at a candidate of SPEECH_VERB_START_RE. At the first character the slice has a boundary the
 * text may lack: a word character there is always tried.
 */
function maySpeakAfter(doc: Doc, from: number, to: number): boolean {
  const candidates = indexedCandidates(doc, SPEECH_VERB_START_RE);
  if (!candidates || (from < to && isWordCode(doc.lower.charCodeAt(from)))) return true;
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candidates[mid] <= from) low = mid + 1;
    else high = mid;
  }
  return low < candidates.length && candidates[low] <= from + 90 && candidates[low] < to;
}

/** True when the mention is the speaker of its sentence rather than its subject. */
export function isSpeaker(doc: Doc, mention: ActorMention): boolean {
  const span = doc.sentences[mention.sentence];
  const after = doc.lower.slice(mention.end, span.end);
  const before = doc.lower.slice(Math.max(span.start, mention.index - 30), mention.index);
  if (SPEECH_BEFORE_RE.test(before)) return true;
  const verb = maySpeakAfter(doc, mention.end, span.end) ? SPEECH_AFTER_RE.exec(after) : null;
  if (!verb) return false;
  // Another apparatus word, a complementiser or a suspicion cue before the verb: the
  // mention is not its subject ("Kades yang diduga mendukung paslon mengatakan …").
  if (SUSPICION_RE.test(verb[1])) return false;
  // Another subject before the verb ("Pj Bupati Lantik 40 Pejabat, Bawaslu Minta Penjelasan").
  return !/\b(?:bahwa|agar|supaya|untuk|dan|serta|yang|dilarang|diminta|diimbau|diingatkan|harus|wajib|tidak boleh|jangan|asn|pns|kades|kepala desa|camat|lurah|bawaslu|panwaslu|panwascam|kpu|gakkumdu|bkn|kasn|kemendagri|mendagri|warga|pelapor|lantik|melantik|mutasi|memutasi)\b/.test(
    verb[1],
  );
}

const CONTEXT_RE = new RegExp(`${ELECTION_RE.source}|${NEUTRALITY_RE.source}|\\b(?:pelanggaran|dukung\\w*|deklarasi|sanksi|politik)\\b`);
const OWN_NEUTRALITY_RE = /\b(?:netral\w*|ketidaknetralan|berpihak|keberpihakan|memihak|kode etik|integritas|kemandirian)\b/;

// Officials and institutions that are usually the speaker or the authority: they count only
// as the object of an appeal/investigation or when a suspicion cue follows them directly.
export const AUTHORITY_RE =
  /^(?:sekprov|sekdaprov|sekretaris provinsi|sekkab|sekkot|pj|pjs|plt|penjabat|pelaksana|kepolisian|polisi militer|denpom|subdenpom|puspom|pomdam|dandim|danrem|pangdam|danramil|panglima|kodim|korem|kodam|koramil|kapolres|kapolresta|kapolda|kapolri|kapolsek|polres|polresta|polrestabes|polda|polsek|kepala dinas|kadis|sekda|sekretaris daerah|kepala badan|kepala opd)/;
const ADDRESSEE_BEFORE_RE =
  /\b(?:meminta|minta|mengingatkan|ingatkan|mengimbau|menghimbau|imbau|melaporkan|laporkan|memanggil|panggil|memeriksa|periksa|mengklarifikasi|klarifikasi|terhadap|kepada|ke|bagi|agar|supaya|sanksi|mencopot|memberhentikan|menonaktifkan|dugaan pelanggaran(?: netralitas)?(?: oleh| yang dilakukan)?|oknum|jangan(?: sampai)?(?: ada)?)\s+(?:(?:para|seluruh|semua|setiap|sejumlah)\s+)?(?:[\w.()-]+\s+){0,2}$/;
const AFTER_CUE_RE =
  /\b(?:diduga|dilaporkan|terlapor|terbukti|melanggar|tidak netral|dipanggil|diperiksa|diklarifikasi|membantah|mengaku|netral\w*|berpihak|memihak|dilarang|harus|wajib|tidak boleh|jangan|(?:meng)?hadiri|ikut|terlibat|mendukung (?:salah|paslon|calon|pasangan)|berfoto|berpose|mengarahkan|melantik|lantik|mutasi|(?:meng)?kampanyekan)\b/;
// "mengarahkan para kepala desa …": the group is the target of mobilisation, not a suspect;
// "memutasi 32 pejabat eselon": officials moved by a Pj are not suspects either.
const TARGET_BEFORE_RE =
  /\b(?:melalui|mengarahkan|mengumpulkan|kumpulkan|mengerahkan|memobilisasi|menekan|mengajak|ajak|arahkan|menginstruksikan|melantik|memutasi|merotasi|mengganti|menggeser)\s+(?:(?:para|seluruh|semua|sejumlah|beberapa|puluhan|ratusan|\d[\d.]*|\w+ puluh(?: \w+)?)\s+)?$/;
// "rekomendasi … kepada Pj Wali Kota", "diteruskan ke BKN dan Pj Bupati": the official who
// receives a recommendation or a case file is the authority, not an addressee of an appeal.
const RECIPIENT_BEFORE_RE =
  /\b(?:rekomendasi\w*|merekomendasikan|meneruskan|teruskan|diteruskan|mengirim\w*|dikirim|kirim|menyerahkan|serahkan|diserahkan|melimpahkan|dilimpahkan|tembusan|menyurati|disurati|melaporkan hasil)\b[^.!?\n]{0,90}$/;
const RECIPIENT_TO_RE = /\b(?:ke|kepada)\s+(?:[\w.()-]+\s+){0,3}$/;
// "meminta Pj Bupati selaku PPK menjatuhkan sanksi": asked to act as the authority.
// "Kadis mengaku sudah memanggil guru itu": an official acting on the case is the authority.
const AUTHORITY_ROLE_AFTER_RE =
  /^[^.!?\n]{0,60}?\b(?:selaku (?:ppk|pejabat pembina)|menjatuhkan|menindaklanjuti|menindak|memproses|mengeksekusi|memberikan sanksi|memberi sanksi|(?:mengaku |mengatakan )?(?:sudah |telah )(?:memanggil|menegur|memeriksa|mengklarifikasi|memberi|memberikan|menyerahkan))\b/;

// "… tidak memberi dukungan"; "mengumpulkan Babinsa dan mengingatkan mereka …": gathered to be warned.
const VOTE_AHEAD_RE = /\b(?:memilih|mencoblos|mendukung|memenangkan|menangkan|mengarahkan|menggalang|mengerahkan)\b/;
const NOT_TO_AFTER_RE =
  /^[^.!?\n]{0,30}?\b(?:tidak|tak|jangan|netral\w*|dilarang)\b|^\s*(?:[\w-]+\s+){0,3}?(?:dan|lalu|kemudian|serta|untuk)\s+(?:mengingatkan|meminta|mengimbau|menghimbau|menegaskan|berpesan|memberi(?:kan)? (?:arahan|pembekalan))\b/;
const ENFORCEMENT_AFTER_RE =
  /^\s*(?:[\w.-]+\s+){0,2}?(?:mengamankan|menangkap|menahan|menetapkan|menyita|mengusut|menyelidiki|menyidik|meringkus|membekuk)\b/;
const TAKE_DOWN_AFTER_RE = /^\s*(?:[\w.-]+\s+){0,4}?(?:menertibkan|mencopot|menurunkan|membongkar|merazia|penertiban)\b/;
const MEMBER_OF_UNIT_BEFORE_RE = /\b(?:anggota|personel|oknum|bintara|perwira|polisi|petugas)\s+$/;

function hasContext(doc: Doc, sentence: number, cache: Map<number, boolean>): boolean {
  let value = cache.get(sentence);
  if (value === undefined) {
    const span = doc.sentences[sentence];
    value = span ? matchesInSpan(doc, CONTEXT_RE, span.start, span.end) : false;
    cache.set(sentence, value);
  }
  return value;
}

/** The mentions that count as actors (see the rules at the top of this file). */
export function selectActorMentions(doc: Doc, mentions: readonly ActorMention[]): ActorMention[] {
  const selected: ActorMention[] = [];
  const context = new Map<number, boolean>();
  mentions.forEach((mention, index) => {
    const s = mention.sentence;
    if (!hasContext(doc, s, context) && !hasContext(doc, s - 1, context) && !hasContext(doc, s + 1, context)) return;
    const span = doc.sentences[s];
    const before = doc.lower.slice(Math.max(span.start, mention.index - 50), mention.index);
    // "menginstruksikan seluruh ASN … tidak memberi dukungan": an instruction not to take sides
    // addresses the group; without the negation the group is the target of mobilisation.
    // The object of that verb is never the speaker of the appeal verb after it ("mengumpulkan para
    // Babinsa lalu mengingatkan mereka …").
    const object = TARGET_BEFORE_RE.test(before);
    const ahead = doc.lower.slice(mention.end, Math.min(span.end, mention.end + 60));
    // An instruction is mobilisation only when it is to vote or support ("menginstruksikan camat
    // dan lurah memantau pegawai" addresses them).
    const instructedOther = /\bmenginstruksikan\s+(?:\S+\s+){0,6}$/.test(before) && !VOTE_AHEAD_RE.test(ahead);
    if (object && !instructedOther && !NOT_TO_AFTER_RE.test(ahead.slice(0, 40))) return;
    // "Polisi mengamankan tiga anggota tim pemenangan": the police acting on a case.
    if (mention.actor === 'Polri' && ENFORCEMENT_AFTER_RE.test(doc.lower.slice(mention.end, Math.min(span.end, mention.end + 40)))) return;
    // "Satpol PP … menertibkan ratusan baliho": the municipal police enforcing the display rules.
    if (
      mention.actor === 'ASN' &&
      /^(?:satpol|satuan polisi|polisi pamong)/.test(doc.lower.slice(mention.index, mention.end)) &&
      TAKE_DOWN_AFTER_RE.test(doc.lower.slice(mention.end, Math.min(span.end, mention.end + 60)))
    )
      return;
    const text = doc.lower.slice(mention.index, mention.end);
    const next = mentions.slice(index + 1).find((other) => other.sentence === s && other.index >= mention.end);
    const after = doc.lower.slice(mention.end, next ? next.index : span.end);
    // Organisers count when their own neutrality is the topic of the sentence, or a suspicion
    // cue follows them before the next apparatus mention ("anggota PPS yang diduga hadir").
    if (mention.actor === 'penyelenggara' && !OWN_NEUTRALITY_RE.test(sentenceText(doc, s)) && !SUSPICION_RE.test(after)) return;
    // Witnesses are not suspects ("Dua perangkat pekon yang hadir … dimintai keterangan sebagai saksi").
    if (/\bsebagai saksi\b/.test(after)) return;
    // "anggota Polres Lahat", "personel Kodim": a member of the unit, not its commander.
    if (AUTHORITY_RE.test(text) && !MEMBER_OF_UNIT_BEFORE_RE.test(before)) {
      // "Sanksi dijatuhkan Pj Wali Kota": the official imposing the sanction.
      if (/\b(?:dijatuhkan|diberikan|dikeluarkan|diterbitkan|ditandatangani)\s+(?:oleh\s+)?$/.test(before)) return;
      if (AUTHORITY_ROLE_AFTER_RE.test(after)) return;
      // The recipient of a recommendation or case file ("… ke BKN dan Pj Bupati").
      if (
        RECIPIENT_TO_RE.test(before) &&
        RECIPIENT_BEFORE_RE.test(doc.lower.slice(Math.max(span.start, mention.index - 120), mention.index))
      )
        return;
      const addressed = ADDRESSEE_BEFORE_RE.test(before);
      if (!addressed && (!AFTER_CUE_RE.test(after) || isSpeaker(doc, mention))) return;
    } else if (!object && isSpeaker(doc, mention)) return;
    selected.push(mention);
  });
  return selected;
}

/** Actors from the selected mentions (see selectActorMentions). */
export function extractActors(selected: readonly ActorMention[]): Actor[] {
  const found = new Set<MentionClass>(selected.map((mention) => mention.actor));
  return ACTORS.filter((actor) => found.has(actor));
}
