// Feed parsing (RSS 2.0, Atom 1.0, RSS 1.0) and the helpers that decide when to fetch the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, FeedParseError, parseFeed } from '../../src/domain/leads/feeds.ts';
import { decodeBody, isPrivateHost, mayFetchArticleLink } from '../../src/server/modules/leads/fetcher.ts';
import { nextPollAfterFailure } from '../../src/server/modules/leads/polling.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Berita Sumsel</title>
    <item>
      <title>Camat di OKI Diduga Ikut Kampanye &amp; Foto Bersama Paslon</title>
      <link>https://berita.example/oki-camat</link>
      <guid isPermaLink="false">berita-123</guid>
      <pubDate>Sun, 10 Nov 2024 08:30:00 +0700</pubDate>
      <description><![CDATA[<p>Ringkasan singkat.</p>]]></description>
      <content:encoded><![CDATA[<p>Isi lengkap <b>artikel</b>.</p>]]></content:encoded>
    </item>
    <item>
      <title>Tanpa guid</title>
      <link>https://berita.example/kedua</link>
      <dc:date>2024-11-11T01:00:00Z</dc:date>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Portal Atom</title>
  <entry>
    <title type="html">Kades Kampanye di Media Sosial</title>
    <link rel="self" href="https://atom.example/self/1"/>
    <link rel="alternate" type="text/html" href="https://atom.example/berita/1"/>
    <id>tag:atom.example,2024:1</id>
    <published>2024-11-09T10:00:00+08:00</published>
    <updated>2024-11-09T12:00:00+08:00</updated>
    <summary>Ringkasan atom.</summary>
    <content type="html">&lt;p&gt;Isi atom.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Hanya link</title>
    <link href="https://atom.example/berita/2"/>
    <updated>2024-11-10T00:00:00Z</updated>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://rdf.example/"><title>RDF</title></channel>
  <item rdf:about="https://rdf.example/a"><title>Satu</title><link>https://rdf.example/a</link><description>Teks.</description></item>
</rdf:RDF>`;

test('RSS 2.0: guid, link, entities, CDATA content, dates to ISO', () => {
  const feed = parseFeed(RSS);
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'Berita Sumsel');
  assert.equal(feed.items.length, 2);
  const [first, second] = feed.items;
  assert.equal(first.id, 'berita-123');
  assert.equal(first.link, 'https://berita.example/oki-camat');
  assert.equal(first.title, 'Camat di OKI Diduga Ikut Kampanye & Foto Bersama Paslon');
  assert.equal(first.summary, '<p>Ringkasan singkat.</p>');
  assert.equal(first.content, '<p>Isi lengkap <b>artikel</b>.</p>');
  assert.equal(first.publishedAt, '2024-11-10T01:30:00.000Z');
  assert.equal(second.id, 'https://berita.example/kedua', 'no guid: the link identifies the item');
  assert.equal(second.publishedAt, '2024-11-11T01:00:00.000Z');
});

test('Atom: alternate link, id, summary and content, published date', () => {
  const feed = parseFeed(ATOM);
  assert.equal(feed.format, 'atom');
  assert.equal(feed.title, 'Portal Atom');
  const [first, second] = feed.items;
  assert.equal(first.id, 'tag:atom.example,2024:1');
  assert.equal(first.link, 'https://atom.example/berita/1');
  assert.equal(first.title, 'Kades Kampanye di Media Sosial');
  assert.equal(first.summary, 'Ringkasan atom.');
  assert.equal(first.content, '<p>Isi atom.</p>');
  assert.equal(first.publishedAt, '2024-11-09T02:00:00.000Z');
  assert.equal(second.link, 'https://atom.example/berita/2');
  assert.equal(second.id, 'https://atom.example/berita/2');
  assert.equal(second.publishedAt, '2024-11-10T00:00:00.000Z');
});

test('RSS 1.0 (RDF) and refusals', () => {
  const feed = parseFeed(RDF);
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.items[0].link, 'https://rdf.example/a');
  assert.throws(() => parseFeed('<html><body>bukan feed</body></html>'), FeedParseError);
  assert.throws(() => parseFeed('<rss><channel><item></rss>'), FeedParseError);
  assert.deepEqual(parseFeed('<rss version="2.0"><channel><title>Kosong</title></channel></rss>').items, []);
});

test('word counts ignore markup; charset decoding; article-link safety; backoff', () => {
  assert.equal(countWords('<p>Satu <b>dua</b> tiga.</p>'), 3);
  assert.equal(countWords(null), 0);
  assert.equal(decodeBody(Buffer.from('caf\xe9', 'latin1'), 'text/html; charset=iso-8859-1'), 'café');
  assert.equal(decodeBody(Buffer.from('\uFEFFhalo', 'utf8'), 'text/plain'), 'halo');
  assert.ok(
    isPrivateHost('127.0.0.1') &&
      isPrivateHost('10.1.2.3') &&
      isPrivateHost('169.254.169.254') &&
      isPrivateHost('localhost') &&
      isPrivateHost('[::1]'),
  );
  assert.ok(!isPrivateHost('berita.example') && !isPrivateHost('8.8.8.8'));
  assert.ok(mayFetchArticleLink('https://berita.example/a', 'https://berita.example/feed'));
  assert.ok(!mayFetchArticleLink('http://169.254.169.254/latest/meta-data', 'https://berita.example/feed'));
  assert.ok(mayFetchArticleLink('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/feed.xml'), 'same host as the configured feed');
  assert.ok(!mayFetchArticleLink('file:///etc/passwd', 'https://berita.example/feed'));
  const now = new Date('2024-11-10T00:00:00Z');
  assert.equal(nextPollAfterFailure(now, 30, 1).getTime() - now.getTime(), 60 * 60_000);
  assert.equal(nextPollAfterFailure(now, 30, 3).getTime() - now.getTime(), 240 * 60_000);
  assert.equal(nextPollAfterFailure(now, 30, 20).getTime() - now.getTime(), 24 * 60 * 60_000);
});
