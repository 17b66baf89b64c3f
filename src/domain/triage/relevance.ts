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

import type { ActorMention } from './actors.ts';
import { ELECTION_RE, NEUTRALITY_RE, VIOLATION_RE, countMatches } from './cues.ts';
import { findAll, type Doc } from './text.ts';

export const RELEVANCE_THRESHOLD = 0.5;

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
}

const PROHIBITION_RE = /\b(?:dilarang|larangan|tidak boleh|jangan|imbau\w*|mengimbau|menghimbau|himbau\w*|diminta|mengingatkan|ingatkan|wajib|harus|tidak (?:menghadiri|mengunggah|memasang|berfoto|menggunakan|terlibat|ikut))\b/;
const APPARATUS_NEUTRALITY_PHRASE_RE = /\b(?:netralitas|ketidaknetralan|kenetralan) (?:asn|aparatur|pns|pegawai|kepala desa|kades|perangkat desa|aparat|tni|polri|camat|lurah|birokrasi|pj|penjabat)/;
const NON_ELECTION_RE = /\b(?:gaji|tunjangan kinerja|tukin|thr|gaji ke-13|kenaikan pangkat|seleksi cpns|formasi|banjir|longsor|gempa|bencana|korupsi (?:dana desa|add)|narkoba|pencurian|pembunuhan|kecelakaan)\b/g;

/** `selected`: the mentions that count as actors (selectActorMentions). */
export function relevanceFeatures(doc: Doc, selected: readonly ActorMention[]): RelevanceFeatures {
  const apparatusSentences = new Set<number>();
  let apparatusMentions = 0;
  // Only mentions that are actors count: organisers, and officials who speak or act as the
  // authority, do not make an article relevant.
  for (const mention of selected) {
    if (mention.actor === 'penyelenggara') continue;
    apparatusSentences.add(mention.sentence);
    apparatusMentions++;
  }
  const neutralitySentences = new Set(findAll(doc, NEUTRALITY_RE).map((hit) => hit.sentence));
  const violationSentences = new Set(findAll(doc, VIOLATION_RE).map((hit) => hit.sentence));
  // A cue in the apparatus sentence or the next one ("Pejabat itu berstatus ASN. Penggunaan
  // fasilitas negara untuk kampanye dilarang …").
  let neutralSentences = 0;
  let violation = 0;
  let directed = 0;
  for (const sentence of apparatusSentences) {
    if (neutralitySentences.has(sentence) || neutralitySentences.has(sentence + 1)) neutralSentences++;
    if (violationSentences.has(sentence)) {
      violation++;
      if (PROHIBITION_RE.test(doc.lower.slice(doc.sentences[sentence].start, doc.sentences[sentence].end))) directed++;
    }
  }
  const title = doc.lower.slice(0, doc.bodyStart);
  const titleApparatus = selected.some((mention) => mention.index < doc.bodyStart && mention.actor !== 'penyelenggara');
  NEUTRALITY_RE.lastIndex = 0;
  VIOLATION_RE.lastIndex = 0;
  const titleHit = titleApparatus && (NEUTRALITY_RE.test(title) || VIOLATION_RE.test(title));
  NEUTRALITY_RE.lastIndex = 0;
  VIOLATION_RE.lastIndex = 0;
  ELECTION_RE.lastIndex = 0;
  const titleElection = titleApparatus && ELECTION_RE.test(title);
  ELECTION_RE.lastIndex = 0;
  return {
    neutralSentences,
    violationSentences: violation,
    titleHit,
    titleElection,
    directedSentences: directed,
    electionMentions: countMatches(ELECTION_RE, doc.lower),
    apparatusMentions,
    neutralityMentions: neutralitySentences.size,
  };
}

export function relevanceScore(doc: Doc, features: RelevanceFeatures): number {
  const { neutralSentences, violationSentences, titleHit, titleElection, directedSentences, electionMentions, apparatusMentions } = features;
  if (apparatusMentions === 0) return 0.02;
  const phrase = APPARATUS_NEUTRALITY_PHRASE_RE.test(doc.lower);
  const sentences = Math.max(doc.sentences.length, 1);
  let z = -3.8;
  z += 1.5 * Math.min(neutralSentences, 4);
  z += 0.8 * Math.min(violationSentences, 4);
  z += 0.9 * Math.min(directedSentences, 2);
  z += titleHit ? 1.6 : titleElection ? 0.8 : 0;
  z += phrase ? 1.2 : 0;
  z += electionMentions > 0 ? 0.6 + 0.15 * Math.min(electionMentions, 6) : 0;
  if (electionMentions === 0 && !phrase) z -= 3;
  // Long articles that mention apparatus neutrality once in passing are about something else.
  const density = (neutralSentences + violationSentences) / sentences;
  if (density < 0.08 && !titleHit) z -= 1.2;
  // Apparatus news (pay, recruitment, disasters, crime) with a passing election word.
  const offTopic = countMatches(NON_ELECTION_RE, doc.lower);
  if (offTopic >= 2 && neutralSentences === 0) z -= 1.5;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
