import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, extractMainText, findDateline, looksLikeHtml, removeBoilerplate } from '../../src/domain/triage/clean.ts';

describe('triage: boilerplate removal', () => {
  const cases: Array<{ name: string; input: string; keeps: string[]; drops: string[] }> = [
    {
      name: 'BACA JUGA lines (with and without a space after the colon)',
      input: 'ASN harus netral.\nBACA JUGA:Kapolri Tunjuk 8 Pamen\nBACA JUGA: Harga Cabai di Pati Naik\nSelesai.',
      keeps: ['ASN harus netral.', 'Selesai.'],
      drops: ['Kapolri', 'Pati'],
    },
    {
      name: 'inline "Baca juga:" headline in a paragraph',
      input: 'Kades dilaporkan. Baca juga: Banjir di Muara Enim Rendam Rumah\nBawaslu memanggil kades.',
      keeps: ['Kades dilaporkan.', 'Bawaslu memanggil kades.'],
      drops: ['Muara Enim'],
    },
    {
      name: 'Google News prompt, editor and copyright lines',
      input:
        'Isi berita.\nCek Berita dan Artikel yang lain di Google News\nEditor: Budi\nCOPYRIGHT © ANTARA 2024\nSimak berita lainnya di sini',
      keeps: ['Isi berita.'],
      drops: ['Google News', 'Editor', 'ANTARA 2024', 'Simak'],
    },
    {
      name: 'related-news trailer at the end',
      input:
        'Paragraf satu tentang netralitas ASN di Kota Bengkulu yang cukup panjang untuk mengisi separuh teks.\nParagraf dua.\nBerita Terkait\nWarga Koba datang lebih awal ke TPS\n18 menit lalu',
      keeps: ['Paragraf dua.'],
      drops: ['Koba', 'menit lalu'],
    },
    {
      name: 'share/tag/follow lines',
      input: 'Isi.\nTag\nShare\nIkuti kami di Instagram\nBerita Terpopuler',
      keeps: ['Isi.'],
      drops: ['Share', 'Instagram', 'Terpopuler'],
    },
  ];
  for (const { name, input, keeps, drops } of cases) {
    test(name, () => {
      const out = removeBoilerplate(input);
      for (const kept of keeps) assert.ok(out.includes(kept), `kept ${kept}: ${out}`);
      for (const dropped of drops) assert.ok(!out.includes(dropped), `dropped ${dropped}: ${out}`);
    });
  }
});

describe('triage: HTML extraction', () => {
  test('keeps paragraphs, drops scripts, nav, footers and link lists; decodes entities', () => {
    const html = `<html><head><title>Judul Halaman</title><script>var x = "ASN";</script></head><body>
      <nav><a href="/">Beranda</a> <a href="/b">Berita Bengkulu</a></nav>
      <article><h1>Kades Diduga Hadiri Kampanye</h1>
      <p>Seorang kepala desa di Kabupaten Lahat dilaporkan ke Bawaslu karena diduga hadir &amp; ikut kampanye.</p>
      <div><a href="/1">Kota Medan Juara</a> <a href="/2">Pati Raih Adipura Lagi Tahun Ini</a></div></article>
      <footer>&copy; 2024 Media</footer></body></html>`;
    assert.equal(looksLikeHtml(html), true);
    const { title, text } = extractMainText(html);
    assert.equal(title, 'Kades Diduga Hadiri Kampanye');
    assert.match(text, /hadir & ikut kampanye/);
    for (const gone of ['var x', 'Beranda', 'Medan', 'Pati', '2024 Media']) assert.ok(!text.includes(gone), gone);
  });
  test('plain text is not HTML', () => {
    assert.equal(looksLikeHtml('ASN <b>harus netral'), false);
  });
});

describe('triage: datelines', () => {
  const cases: Array<[string, string | null]> = [
    ['PALEMBANG, KORANPALPOS.COM – Jelang pelaksanaan Pilkada', 'PALEMBANG'],
    ['Pangkalpinang (ANTARA) - Penjabat Gubernur', 'Pangkalpinang'],
    ['Kayuagung, gradasigo - Menjelang Pilkada', 'Kayuagung'],
    ['Liputan6.com, Jakarta - Bawaslu mencatat', 'Jakarta'],
    ['RADARUTARA.ID- Menjelang Pemilihan', null],
    ['Menjelang Pilkada, Bawaslu mengimbau ASN untuk tetap netral dan tidak ikut kampanye.', null],
  ];
  for (const [line, place] of cases) {
    test(line.slice(0, 30), () => assert.equal(findDateline(line)?.place ?? null, place));
  }
  test('cleanArticle puts the title first and shifts the dateline', () => {
    const cleaned = cleanArticle('MEDAN - Isi berita.', 'Judul');
    assert.equal(cleaned.text, 'Judul\n\nMEDAN - Isi berita.');
    assert.equal(cleaned.text.slice(cleaned.dateline!.start, cleaned.dateline!.end), 'MEDAN');
  });
});
