// Media-monitoring triage: one news article in, one structured verdict out. Pure: no I/O,
// no clock. Build the gazetteer once (`buildGazetteer(rows)`) and reuse it for every article.

import { extractActors, findActorMentions, selectActorMentions, type Actor } from './actors.ts';
import { extractActs, ownActSentences, type Act } from './acts.ts';
import { cleanArticle } from './clean.ts';
import { extractEventDate } from './dates.ts';
import type { Gazetteer } from './gazetteer.ts';
import { classifyKind, type Kind } from './kind.ts';
import { detectLanguage } from './language.ts';
import { extractNumbers, type CountResult } from './numbers.ts';
import { extractPeople, type Person } from './people.ts';
import { resolveRegions, type RegionResult } from './regions.ts';
import { BORDERLINE_SCORE, RELEVANCE_THRESHOLD, relevanceFeatures, relevanceScore } from './relevance.ts';
import { buildDoc } from './text.ts';

export { buildGazetteer, type Gazetteer, type GazetteerRow } from './gazetteer.ts';
export type { Actor, Act, Kind, CountResult, Person, RegionResult };

export interface TriageArticle {
  id?: string | null;
  text: string;
  title?: string | null;
  url?: string | null;
}

export interface TriageOptions {
  /** Score at or above which an article is relevant. */
  threshold?: number;
  /** Voting day, the anchor of "H-n" (Pilkada 2024: 27 November 2024). */
  votingDay?: string;
  /** Longest text analysed, in characters; longer texts are cut. */
  maxChars?: number;
}

export interface TriageResult {
  relevant: boolean;
  score: number;
  kind: Kind;
  regions: RegionResult[];
  actors: Actor[];
  acts: Act[];
  numbers: CountResult[];
  date: string | null;
  people: Person[];
  /** 'id' for Indonesian, 'other' when the text is not Indonesian (then irrelevant). */
  language: 'id' | 'other';
  /** Length of the cleaned text; 0 means nothing was left after cleaning. */
  cleanedLength: number;
}

export const DEFAULT_TRIAGE_OPTIONS: Required<TriageOptions> = {
  threshold: RELEVANCE_THRESHOLD,
  votingDay: '2024-11-27',
  maxChars: 100_000,
};

export function triageArticle(article: TriageArticle, gazetteer: Gazetteer, options: TriageOptions = {}): TriageResult {
  const settings: Required<TriageOptions> = {
    threshold: options.threshold ?? DEFAULT_TRIAGE_OPTIONS.threshold,
    votingDay: options.votingDay ?? DEFAULT_TRIAGE_OPTIONS.votingDay,
    maxChars: options.maxChars ?? DEFAULT_TRIAGE_OPTIONS.maxChars,
  };
  const raw = article.text.length > settings.maxChars * 4 ? article.text.slice(0, settings.maxChars * 4) : article.text;
  // A title rebuilt from a URL slug ("bupati-ingatkan-asn-pilkada") reads as words.
  const title =
    article.title && !/\s/.test(article.title.trim()) && article.title.includes('-') ? article.title.replace(/-/g, ' ') : article.title;
  const cleaned = cleanArticle(raw, title);
  const text = cleaned.text.length > settings.maxChars ? cleaned.text.slice(0, settings.maxChars) : cleaned.text;
  const doc = buildDoc(text, cleaned.bodyStart, cleaned.dateline);
  const language = detectLanguage(doc.lower, doc);
  const regions = resolveRegions(doc, gazetteer);
  const date = extractEventDate(doc, { votingDay: settings.votingDay });
  const cleanedLength = text.length - cleaned.bodyStart;
  if (language !== 'id' || cleanedLength === 0) {
    return {
      relevant: false,
      score: 0,
      kind: 'other',
      regions,
      actors: [],
      acts: [],
      numbers: [],
      date,
      people: [],
      language,
      cleanedLength,
    };
  }
  const mentions = findActorMentions(doc);
  const selected = selectActorMentions(doc, mentions);
  const features = relevanceFeatures(doc, selected);
  let score = relevanceScore(doc, features);
  // Borderline incidents: look for a catalogue act in the actor's own sentence (only then,
  // the act scan is not needed for clear or hopeless articles).
  // Below the threshold in an election article: acts told in the actors' own sentences are
  // evidence by themselves (a prohibited act is an appeal, a reported act a violation).
  if (score < Math.max(settings.threshold, BORDERLINE_SCORE) && features.electionMentions > 0 && features.apparatusMentions > 0) {
    const actors = selected.filter((mention) => mention.actor !== 'penyelenggara');
    const own = ownActSentences(doc, actors);
    if (own.size > 0) {
      const distinct = new Set([...own.values()].flat()).size;
      const ownActs = score >= 0.1 && features.suspectedSentences + features.handledSentences > 0 ? distinct : 0;
      score = relevanceScore(doc, { ...relevanceFeatures(doc, selected, own), ownActs });
    }
  }
  const relevant = score >= settings.threshold;
  // People are only extracted for relevant articles (they feed case files, not filtering).
  if (!relevant) {
    return { relevant, score, kind: 'other', regions, actors: [], acts: [], numbers: [], date, people: [], language, cleanedLength };
  }
  const people = extractPeople(doc, gazetteer);
  const numbers = extractNumbers(doc);
  return {
    relevant,
    score,
    kind: classifyKind(doc, numbers),
    regions,
    actors: extractActors(selected),
    acts: extractActs(doc, mentions),
    numbers,
    date,
    people,
    language,
    cleanedLength,
  };
}
