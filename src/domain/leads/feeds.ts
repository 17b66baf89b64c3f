// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds → a flat list of items. Pure: the caller fetches.
// fast-xml-parser never resolves external entities, and its internal-entity expansion is capped
// (size and count), so a hostile feed cannot read files or blow up memory through entities.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface FeedItem {
  /** guid / id, else the link, else the title. */
  id: string;
  link: string | null;
  title: string | null;
  /** Short text from the feed (RSS description, Atom summary). */
  summary: string | null;
  /** Full body from the feed (content:encoded, Atom content), HTML or text. */
  content: string | null;
  publishedAt: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

export class FeedParseError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

/** Text of an element that may be a string, a {#text} node (with attributes), or absent. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return null;
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return textOf(links);
  const nodes: Node[] = links.map((l) => (typeof l === 'object' && l ? (l as Node) : { '@_href': l }));
  const alternate = nodes.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? nodes[0];
  return alternate ? (textOf(alternate['@_href']) ?? textOf(alternate)) : null;
}

function rssItem(item: Node): FeedItem {
  const link = textOf(item.link);
  const title = textOf(item.title);
  const guid = textOf(item.guid);
  return {
    id: guid ?? link ?? title ?? '',
    link,
    title,
    summary: textOf(item.description),
    content: textOf(item['content:encoded']),
    publishedAt: isoDate(textOf(item.pubDate) ?? textOf(item['dc:date'])),
  };
}

function atomEntry(entry: Node): FeedItem {
  const link = atomLink(entry.link);
  const title = textOf(entry.title);
  return {
    id: textOf(entry.id) ?? link ?? title ?? '',
    link,
    title,
    summary: textOf(entry.summary),
    content: textOf(entry.content),
    publishedAt: isoDate(textOf(entry.published) ?? textOf(entry.updated)),
  };
}

export function parseFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedParseError(`not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`);
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    throw new FeedParseError(`not well-formed XML: ${(error as Error).message}`);
  }
  const rss = document.rss as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (rss.channel ?? {}) as Node;
    const items = (channel.item ?? []) as Node[];
    return { format: 'rss', title: textOf(channel.title), items: items.map(rssItem).filter((i) => i.id) };
  }
  const feed = document.feed as Node | undefined;
  if (feed && typeof feed === 'object') {
    const entries = (feed.entry ?? []) as Node[];
    return { format: 'atom', title: textOf(feed.title), items: entries.map(atomEntry).filter((i) => i.id) };
  }
  const rdf = document['rdf:RDF'] as Node | undefined;
  if (rdf && typeof rdf === 'object') {
    const items = (rdf.item ?? []) as Node[];
    return { format: 'rdf', title: textOf((rdf.channel as Node | undefined)?.title), items: items.map(rssItem).filter((i) => i.id) };
  }
  throw new FeedParseError('neither an RSS nor an Atom feed');
}

const TAG_RE = /<[^>]*>/g;

/** Rough count of words in an HTML or text fragment (to decide whether the feed carries the full text). */
export function countWords(fragment: string | null): number {
  if (!fragment) return 0;
  return (fragment.replace(TAG_RE, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A feed body shorter than this is a teaser: the article page is fetched instead. */
export const FULL_TEXT_MIN_WORDS = 150;
