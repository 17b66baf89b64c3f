// Relevance to the neutrality of state apparatus in elections, as a score in 0..1.
//
// Relevant: an article about whether ASN/PNS/PPPK, village heads and staff, camat, lurah,
// TNI, Polri or acting regional heads stay neutral in an election: a suspected violation,
// statistics of such cases, an appeal or pledge to stay neutral.
// Not relevant: money politics by candidates or their teams, logistics, voter lists,
// organisers' ethics alone, and apparatus news without an election angle (ASN salaries,
// TNI disaster relief, a village head's corruption case).
//
// The score is a logistic function of sentence-level co-occurrence counts:
//   neutral   sentences with an apparatus mention and neutrality vocabulary
//   violation sentences with an apparatus mention and partisan/violation vocabulary
//   title     the title names apparatus with neutrality or partisan vocabulary
//   election  election vocabulary anywhere; without it (and without the phrase "netralitas
//             ASN"-like cue), the score is pushed down hard
// Weights were set by hand on the dev split (see docs/TRIAGE.md) and round to a probability
// that is well-calibrated only in the coarse sense (≥ 0.5 relevant).

import type { Act } from './acts.ts';
import type { ActorMention } from './actors.ts';
import { ELECTION_RE, NEUTRALITY_RE, VIOLATION_RE } from './cues.ts';
import { countInSpan, matchesInSpan } from './phrases.ts';
import { findAll, type Doc } from './text.ts';

// 0.35, not 0.5: on the first (untouched) runs of blind4 and blind9–blind11, eight relevant
// articles scored 0.23–0.46 (four of them ≥ 0.35), and no irrelevant one of blind9–blind11
// scored between 0.28 and 0.5; on all eval sets no irrelevant article scores between 0.28 and
// 0.8 (docs/TRIAGE.md, published-copy round 4). Scores themselves are unchanged.
export const RELEVANCE_THRESHOLD = 0.35;
/** Below this score the actors' own acts are looked for as extra evidence (index.ts). */
export const BORDERLINE_SCORE = 0.5;

export interface RelevanceFeatures {
  neutralSentences: number;
  violationSentences: number;
  titleHit: boolean;
  /** Sentences that tell apparatus what not to do ("ASN dilarang mengunggah …"). */
  directedSentences: number;
  /** The title names apparatus and an election ("12 Kepala Desa Terjerat Pidana Pilkada"). */
  titleElection: boolean;
  electionMentions: number;
  apparatusMentions: number;
  neutralityMentions: number;
  /** Apparatus sentences whose neighbour (not the sentence itself) has neutrality/violation words. */
  nearSentences: number;
  /** Apparatus sentences next to case-handling words (dilaporkan, diklarifikasi, Propam, sanksi …). */
  handledSentences: number;
  /** Actor sentences with partisan words and a suspicion cue ("terekam ikut konvoi kampanye"). */
  suspectedSentences: number;
  /** Actor sentences with neutrality words name only TNI/Polri, in a security/logistics article. */
  securityOnly: boolean;
  /** The group is the object of an appeal to stay neutral ("meminta perbekel … menjaga netralitas"). */
  addressedNeutral: boolean;
  /** Catalogue acts told in the actor's own sentence (set by the caller for borderline articles). */
  ownActs?: number;
  /**
   * Actor sentences that forbid or warn against a catalogue act ("melarang kepala desa ikut
   * berkampanye", "mengingatkan ASN agar tidak hadir dalam kampanye"): an appeal to neutrality
   * in substance, without the word. Set when the caller passes the actors' own acts.
   */
  prohibitedActs?: number;
}

const PROHIBITION_RE =
  /\b(?:dilarang|larangan|melarang|larang|diimbau|dihimbau|diingatkan|tidak boleh|jangan|imbau\w*|mengimbau|menghimbau|himbau\w*|diminta|mengingatkan|ingatkan|wajib|harus|tidak (?:menghadiri|mengunggah|memasang|berfoto|menggunakan|terlibat|ikut))\b/;
const APPARATUS_NEUTRALITY_PHRASE_RE =
  /\b(?:ikrar|apel|deklarasi|pakta integritas) netralitas\b|\b(?:netralitas|ketidaknetralan|kenetralan) (?:asn|aparatur|pns|pegawai|kepala desa|kades|perangkat desa|aparat|tni|polri|camat|lurah|birokrasi|pj|penjabat)|\b(?:asn|pns|pppk|kades|kepala desa|aparatur|pegawai|prajurit|tni|polri|camat|lurah) (?:yang )?(?:melanggar |tidak |terbukti (?:melanggar |tidak )?)netral/;
// "pelanggaran netralitas" without the group named next to it: weaker than the phrase above.
const NEUTRALITY_CASE_RE = /\b(?:pelanggaran|dugaan pelanggaran|kasus|penanganan|pengawasan|sanksi) netralitas\b/;
// Case handling: the apparatus member is reported, examined or sanctioned.
const HANDLING_RE =
  /\b(?:dilaporkan|melaporkan|laporan\w*|terlapor|pelapor|diklarifikasi|mengklarifikasi|klarifikasi|dipanggil|memanggil|pemanggilan|diperiksa|memeriksa|pemeriksaan|temuan|diregistrasi|meregistrasi|registrasi|kajian|rekomendasi\w*|merekomendasikan|sanksi|disanksi|hukuman disiplin|teguran|ditegur|gakkumdu|propam|polisi militer|denpom|subdenpom|diproses|ditangani|ditindaklanjuti|menindaklanjuti|terbukti|tersangka|divonis|vonis|kasus)\b/g;
// Security and logistics vocabulary: TNI/Polri securing an election is not a neutrality issue.
const SECURITY_RE =
  /\b(?:pengamanan|mengamankan|personel|pasukan|kerawanan|rawan|logistik|patroli|kamtibmas|gelar pasukan|pengawalan|dikawal|mengawal|menyiagakan|disiagakan|siaga|bersiaga|mengerahkan|dikerahkan|pengerahan personel|kondusivitas|kondusif)\b/g;
// A suspected act, not a rule or a plan: "terekam ikut konvoi kampanye", "diduga menghadiri".
// Evidence that circulates ("Video … beredar luas"), a person identified by initials and a
// judged breach ("dinilai melanggar") are suspicions too.
const SUSPECTED_RE =
  /\b(?:diduga|dugaan keterlibatan|menyelidiki|diselidiki|beredar|berinisial|dinilai melanggar|dianggap melanggar|menemukan|ditemukan|temuan|mengkaji|dikaji|dilaporkan|terekam|kedapatan|kepergok|tertangkap|terbukti|ketahuan|viral|terlihat|tampak|disebut|memeriksa|diperiksa|memanggil|dipanggil|menelusuri|memproses|diproses|mengklarifikasi|diklarifikasi)\b/;
// A breakdown that continues the previous sentence's count ("Enam di antaranya menyangkut ASN",
// "Empat dilakukan ASN"): the neutrality word of the sentence before belongs to it.
const BREAKDOWN_RE =
  /^\W*(?:\d[\d.]*|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\w+ (?:belas|puluh)|sebanyak|dari (?:jumlah|total)|rinciannya|di antaranya)\b|\b(?:di antaranya|dari jumlah (?:itu|tersebut)|masing-masing)\b/;
// Village-head elections (Pilkades, pemilihan lurah/Pilur in DIY) also ask village officials to
// be neutral, but they are neither Pilkada nor Pemilu.
const VILLAGE_ELECTION_RE =
  /\b(?:pilkades|pemilihan kepala desa|pemilihan kades|pemilihan lurah|pilur|calon kepala desa|calon kades|calon lurah|panitia pilkades|pemilihan perbekel|pemilihan kepala kampung|pemilihan wali nagari|pilwanag|pilkakon)\b/g;
const GENERAL_ELECTION_RE =
  /\b(?:pilkada|pemilu|pilgub|pilbup|pilwalkot|pilwako|pileg|pilpres|pemilihan (?:umum|kepala daerah|gubernur|bupati|wali ?kota|serentak 2024|presiden|legislatif)|paslon|pasangan calon|calon (?:bupati|wali ?kota|gubernur|kepala daerah|legislatif|presiden)|cabup|cagub|cawalkot|bawaslu|panwaslu|kpu)\b/;
// Pledges and ceremonies by the group itself ("mengikuti apel dan menandatangani pakta integritas
// netralitas") address it like an appeal verb.
const APPEAL_VERB_RE =
  /\b(?:pakta integritas|apel|deklarasi netralitas|meminta|minta|diminta|mengingatkan|ingatkan|diingatkan|mengimbau|menghimbau|imbau|diimbau|menjaga|jaga|wajib|harus|tetap|jangan|dilarang|melarang|ikrar|surat edaran|edaran|imbauan)\b/;
const ADDRESSED_BEFORE_RE =
  /\b(?:meminta|minta|mengingatkan|ingatkan|mengimbau|menghimbau|imbau|mengajak|ajak|menginstruksikan|menekankan|menegaskan kepada|menyerukan|agar|supaya|kepada|bagi)\s+(?:(?:para|seluruh|semua|setiap|segenap|jajaran)\s+)?(?:[\w-]+\s+(?:dan|serta|,)\s+)*(?:[\w-]+\s+){0,2}$/;
const NEUTRAL_AFTER_RE =
  /^[^.!?\n]{0,120}?\b(?:menjaga netralitas|jaga netralitas|tetap netral|bersikap netral|harus netral|wajib netral|netral dan|tidak berpihak|tidak memihak|tidak terlibat politik praktis)/;
// A prohibition or a warning against the act told in the same sentence.
const PROHIBITED_ACT_RE =
  /\b(?:dilarang|melarang|larangan|tidak boleh|tak boleh|jangan|tidak diperbolehkan|tidak dibenarkan)\b|\b(?:meminta|minta|diminta|mengingatkan|ingatkan|diingatkan|mengimbau|menghimbau|imbau|diimbau|dihimbau|menginstruksikan|diinstruksikan|instruksi|menegaskan|agar|supaya)\b[^.!?\n]*?\b(?:tidak|tak)\b/;
const NON_ELECTION_RE =
  /\b(?:gaji|tunjangan kinerja|tukin|thr|gaji ke-13|kenaikan pangkat|seleksi cpns|formasi|banjir|longsor|gempa|bencana|korupsi (?:dana desa|add)|narkoba|pencurian|pembunuhan|kecelakaan)\b/g;

/** The features of an article with no apparatus actor: its score is fixed (relevanceScore). */
const NO_APPARATUS: RelevanceFeatures = {
  neutralSentences: 0,
  violationSentences: 0,
  titleHit: false,
  titleElection: false,
  directedSentences: 0,
  electionMentions: 0,
  apparatusMentions: 0,
  neutralityMentions: 0,
  nearSentences: 0,
  handledSentences: 0,
  suspectedSentences: 0,
  securityOnly: false,
  addressedNeutral: false,
};

/** What the per-sentence counting reads: the cue sentences of the article and the actors' own acts. */
interface SentenceScan {
  doc: Doc;
  apparatusSentences: ReadonlySet<number>;
  neutralitySentences: ReadonlySet<number>;
  violationSentences: ReadonlySet<number>;
  handlingSentences: ReadonlySet<number>;
  ownActs?: ReadonlyMap<number, readonly Act[]>;
  sentenceLower(index: number): string;
  /** SUSPECTED_RE.test(sentenceLower(index)), through the word index. */
  suspectedIn(index: number): boolean;
}

/** Counters over the apparatus sentences. */
interface SentenceTally {
  /** Distinct neutrality sentences tied to apparatus (the sentence itself or the one before it). */
  linkedNeutral: Set<number>;
  violation: number;
  directed: number;
  near: number;
  handled: number;
  suspected: number;
  prohibitedActs: number;
}

function sentenceScan(doc: Doc, apparatusSentences: Set<number>, ownActs?: ReadonlyMap<number, readonly Act[]>): SentenceScan {
  return {
    doc,
    apparatusSentences,
    ownActs,
    neutralitySentences: new Set(findAll(doc, NEUTRALITY_RE).map((hit) => hit.sentence)),
    violationSentences: new Set(findAll(doc, VIOLATION_RE).map((hit) => hit.sentence)),
    // A cue in the apparatus sentence or the next one ("Pejabat itu berstatus ASN. Penggunaan
    // fasilitas negara untuk kampanye dilarang …").
    handlingSentences: new Set(findAll(doc, HANDLING_RE).map((hit) => hit.sentence)),
    sentenceLower: (index) =>
      index >= 0 && index < doc.sentences.length ? doc.lower.slice(doc.sentences[index].start, doc.sentences[index].end) : '',
    suspectedIn: (index) =>
      index >= 0 && index < doc.sentences.length && matchesInSpan(doc, SUSPECTED_RE, doc.sentences[index].start, doc.sentences[index].end),
  };
}

/** Neutrality and violation cues of one apparatus sentence and its neighbours. */
function countCues(scan: SentenceScan, sentence: number, own: string, tally: SentenceTally): void {
  const { neutralitySentences, violationSentences, suspectedIn } = scan;
  // "Pejabat itu berstatus ASN. Ia dilarang bersikap tidak netral …": the sentence or the next.
  const breakdown = neutralitySentences.has(sentence - 1) && BREAKDOWN_RE.test(own);
  const neutral = neutralitySentences.has(sentence) || neutralitySentences.has(sentence + 1) || breakdown;
  if (neutralitySentences.has(sentence)) {
    tally.linkedNeutral.add(sentence);
    // An appeal to the group itself: "meminta ASN … menjaga netralitas".
    if (APPEAL_VERB_RE.test(own)) tally.directed++;
  } else if (neutralitySentences.has(sentence + 1)) tally.linkedNeutral.add(sentence + 1);
  else if (breakdown) {
    // A breakdown of neutrality cases by group is itself about violations.
    tally.linkedNeutral.add(sentence - 1);
    if (!violationSentences.has(sentence)) tally.violation++;
  }
  if (violationSentences.has(sentence)) {
    tally.violation++;
    // The suspicion may be told in the next sentence ("Pernyataan itu terekam …").
    if (suspectedIn(sentence) || suspectedIn(sentence + 1)) tally.suspected++;
    if (PROHIBITION_RE.test(own)) tally.directed++;
    // Asking the group not to take a partisan step ("meminta … kepala sekolah dan guru berstatus
    // ASN tidak memanfaatkan kegiatan sekolah untuk mengenalkan pasangan calon") is an appeal to
    // neutrality in substance, catalogued act or not.
    else if (PROHIBITED_ACT_RE.test(own)) {
      tally.directed++;
      tally.linkedNeutral.add(sentence);
    }
  } else if (violationSentences.has(sentence - 1) && suspectedIn(sentence) && suspectedIn(sentence - 1)) {
    // The act is told first and the apparatus member is named as the one examined in the next
    // sentence ("… menelusuri penggunaan mobil derek milik dinas untuk memasang baliho calon.
    // Seorang pegawai dinas yang mengemudikan mobil itu sudah dipanggil.").
    tally.suspected++;
  }
  // A neighbour with neutrality words (a statistics breakdown after "pelanggaran netralitas")
  // weighs more than one with partisan words.
  if (!neutral && neutralitySentences.has(sentence - 1)) tally.near += 2;
  else if (!neutral && !violationSentences.has(sentence) && (violationSentences.has(sentence - 1) || violationSentences.has(sentence + 1)))
    tally.near += 1;
  const { handlingSentences } = scan;
  if (handlingSentences.has(sentence) || handlingSentences.has(sentence - 1) || handlingSentences.has(sentence + 1)) tally.handled++;
}

/**
 * The actor's own catalogue act: told in the actor's sentence, or in the one before when the actor
 * sentence points back to it ("Mobil dinas … kedapatan mengangkut kaos paslon. Sopirnya, seorang
 * ASN dinas tersebut, …"; ownActSentences only returns that sentence for such a back-reference).
 * The member pointed back is the one handled or suspected, in his sentence or the next ("sudah
 * dimintai klarifikasi"); the police looking into "uang tersebut" did not do the act.
 */
function countOwnAct(scan: SentenceScan, sentence: number, own: string, tally: SentenceTally): void {
  const { ownActs, apparatusSentences, handlingSentences, violationSentences, suspectedIn } = scan;
  const pointsBack =
    ownActs?.has(sentence - 1) === true &&
    !apparatusSentences.has(sentence - 1) &&
    (handlingSentences.has(sentence) || suspectedIn(sentence) || suspectedIn(sentence + 1));
  const actSentence = ownActs?.has(sentence) ? sentence : pointsBack ? sentence - 1 : -1;
  if (actSentence < 0) return;
  const actText = actSentence === sentence ? own : scan.sentenceLower(actSentence);
  if (PROHIBITED_ACT_RE.test(actText)) {
    if (!tally.linkedNeutral.has(actSentence)) tally.prohibitedActs++;
    // Forbidding the act to the group is an appeal addressed to it ("meminta camat dan lurah
    // tidak memakai kendaraan dinas …"), like "ASN dilarang …".
    if (!(violationSentences.has(actSentence) && PROHIBITION_RE.test(actText))) tally.directed++;
    return;
  }
  const wasViolation = actSentence === sentence && violationSentences.has(sentence);
  const wasSuspected = wasViolation && (suspectedIn(sentence) || suspectedIn(sentence + 1));
  if (!wasViolation) tally.violation++;
  // A reported, examined or caught act: "menerima laporan tentang seorang kepala desa yang
  // memasang baliho …", "terekam membagikan kaos caleg".
  if (
    !wasSuspected &&
    (suspectedIn(actSentence) ||
      suspectedIn(sentence) ||
      suspectedIn(sentence + 1) ||
      handlingSentences.has(sentence) ||
      handlingSentences.has(sentence + 1))
  )
    tally.suspected++;
}

/**
 * The apparatus group is the object of an appeal verb and the same sentence asks for neutrality
 * after it: "Saya minta seluruh ASN … menjaga netralitas", "meminta perbekel dan perangkat desa
 * menjaga netralitas".
 */
function isAddressedNeutral(doc: Doc, selected: readonly ActorMention[], neutralitySentences: ReadonlySet<number>): boolean {
  return selected.some((mention) => {
    if (mention.actor === 'penyelenggara' || !neutralitySentences.has(mention.sentence)) return false;
    const span = doc.sentences[mention.sentence];
    return (
      ADDRESSED_BEFORE_RE.test(doc.lower.slice(Math.max(span.start, mention.index - 40), mention.index)) &&
      NEUTRAL_AFTER_RE.test(doc.lower.slice(mention.end, span.end))
    );
  });
}

/**
 * Which actors carry the neutrality sentences: only TNI/Polri in an article about securing the
 * election ("Dandim … menyinggung pentingnya netralitas TNI-Polri").
 */
function isSecurityOnly(doc: Doc, selected: readonly ActorMention[], scan: SentenceScan): boolean {
  const neutralActors = new Set(
    selected
      .filter(
        (mention) =>
          mention.actor !== 'penyelenggara' &&
          (scan.neutralitySentences.has(mention.sentence) || scan.violationSentences.has(mention.sentence)),
      )
      .map((mention) => mention.actor),
  );
  return (
    neutralActors.size > 0 &&
    [...neutralActors].every((actor) => actor === 'TNI' || actor === 'Polri') &&
    // Four security words, three in an excerpt of up to three sentences.
    countInSpan(doc, SECURITY_RE, 0, doc.lower.length, 4) >= (doc.sentences.length <= 3 ? 3 : 4)
  );
}

/**
 * `selected`: the mentions that count as actors (selectActorMentions).
 * `ownActs`: catalogue acts in the actors' own sentences (ownActSentences), passed for articles
 * below the threshold: an act by the apparatus member is evidence by itself, whatever words
 * surround it (a prohibited act is an appeal; a reported or suspected act is a violation).
 */
export function relevanceFeatures(
  doc: Doc,
  selected: readonly ActorMention[],
  ownActs?: ReadonlyMap<number, readonly Act[]>,
): RelevanceFeatures {
  const apparatusSentences = new Set<number>();
  let apparatusMentions = 0;
  // Only mentions that are actors count: organisers, and officials who speak or act as the
  // authority, do not make an article relevant.
  for (const mention of selected) {
    if (mention.actor === 'penyelenggara') continue;
    apparatusSentences.add(mention.sentence);
    apparatusMentions++;
  }
  // No apparatus actor: the score is fixed (relevanceScore), skip the scans.
  if (apparatusMentions === 0) return { ...NO_APPARATUS };
  const scan = sentenceScan(doc, apparatusSentences, ownActs);
  const tally: SentenceTally = {
    linkedNeutral: new Set(),
    violation: 0,
    directed: 0,
    near: 0,
    handled: 0,
    suspected: 0,
    prohibitedActs: 0,
  };
  for (const sentence of apparatusSentences) {
    const own = scan.sentenceLower(sentence);
    countCues(scan, sentence, own, tally);
    countOwnAct(scan, sentence, own, tally);
  }
  const titleApparatus = selected.some((mention) => mention.index < doc.bodyStart && mention.actor !== 'penyelenggara');
  const titleHit =
    titleApparatus && (matchesInSpan(doc, NEUTRALITY_RE, 0, doc.bodyStart) || matchesInSpan(doc, VIOLATION_RE, 0, doc.bodyStart));
  const titleElection = titleApparatus && matchesInSpan(doc, ELECTION_RE, 0, doc.bodyStart);
  return {
    neutralSentences: tally.linkedNeutral.size,
    violationSentences: tally.violation,
    titleHit,
    titleElection,
    directedSentences: tally.directed,
    electionMentions: countInSpan(doc, ELECTION_RE),
    apparatusMentions,
    neutralityMentions: scan.neutralitySentences.size,
    nearSentences: tally.near,
    handledSentences: tally.handled,
    suspectedSentences: tally.suspected,
    securityOnly: isSecurityOnly(doc, selected, scan),
    addressedNeutral: isAddressedNeutral(doc, selected, scan.neutralitySentences),
    ...(ownActs ? { prohibitedActs: tally.prohibitedActs } : {}),
  };
}

export function relevanceScore(doc: Doc, features: RelevanceFeatures): number {
  const {
    neutralSentences,
    violationSentences,
    titleHit,
    titleElection,
    directedSentences,
    electionMentions,
    apparatusMentions,
    nearSentences,
    handledSentences,
    suspectedSentences,
    securityOnly,
  } = features;
  if (apparatusMentions === 0) return 0.02;
  const phrase = matchesInSpan(doc, APPARATUS_NEUTRALITY_PHRASE_RE);
  const sentences = Math.max(doc.sentences.length, 1);
  let z = -3.8;
  z += 1.5 * Math.min(neutralSentences + (features.prohibitedActs ?? 0), 4);
  z += 0.8 * Math.min(violationSentences, 4);
  z += 0.9 * Math.min(directedSentences, 2);
  z += titleHit ? 1.6 : titleElection ? 0.8 : 0;
  z += phrase || features.addressedNeutral ? 1.2 : 0;
  z += electionMentions > 0 ? 0.6 + 0.15 * Math.min(electionMentions, 6) : 0;
  // Softer evidence: the apparatus sentence sits next to neutrality/partisan words, or next to
  // case handling (reported, clarified, sanctioned) in an election article.
  z += 0.45 * Math.min(nearSentences, 4);
  // "sanksi/pelanggaran netralitas" of apparatus is electoral even without the election named.
  const neutralityCase = !phrase && matchesInSpan(doc, NEUTRALITY_CASE_RE);
  const electoral = electionMentions > 0 || neutralityCase;
  if (electoral && neutralSentences + violationSentences + nearSentences > 0) z += 0.6 * Math.min(handledSentences, 3);
  if (neutralityCase) z += 0.8;
  if (electionMentions > 0) z += 1.5 * Math.min(suspectedSentences, 2);
  // A catalogue act done by the apparatus member in the same sentence, in an election article
  // where the case is suspected or handled ("14 keuchik menghadiri dan ikut menandatangani
  // deklarasi dukungan … Panwaslih sedang mengkaji temuan itu").
  if (electionMentions > 0 && (features.ownActs ?? 0) > 0 && suspectedSentences + handledSentences > 0) z += 0.9;
  if (securityOnly && neutralSentences + violationSentences <= 2 && !titleHit) z -= 3.5;
  if (!electoral && !phrase) z -= 3;
  // Long articles that mention apparatus neutrality once in passing are about something else.
  const density = (neutralSentences + (features.prohibitedActs ?? 0) + violationSentences + 0.25 * nearSentences) / sentences;
  if (density < 0.08 && !titleHit) z -= 1.2;
  // Apparatus news (pay, recruitment, disasters, crime) with a passing election word.
  const offTopic = countInSpan(doc, NON_ELECTION_RE, 0, doc.lower.length, 2);
  if (offTopic >= 2 && neutralSentences === 0) z -= 1.5;
  // Village-head elections without any Pilkada/Pemilu vocabulary.
  if (matchesInSpan(doc, VILLAGE_ELECTION_RE) && !GENERAL_ELECTION_RE.test(doc.lower.replace(VILLAGE_ELECTION_RE, ' ')))
    z = Math.min(z - 6, -2.5);
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
