import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../../src/domain/triage/index.ts';
import { buildDoc } from '../../src/domain/triage/text.ts';
import { extractActors, findActorMentions, selectActorMentions } from '../../src/domain/triage/actors.ts';
import { removeBoilerplate } from '../../src/domain/triage/clean.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const triage = (text: string, title?: string) => triageArticle({ text, title }, gazetteer);
const actorsOf = (text: string) => {
  const d = buildDoc(text, 0, null);
  return extractActors(selectActorMentions(d, findActorMentions(d)));
};
const codes = (text: string) => triage(text).regions.map((region) => region.code);

describe('triage: role vocabulary', () => {
  test('Satpol PP and pegawai Pemkab are ASN; Babinsa TNI; Bhabinkamtibmas Polri', () => {
    assert.deepEqual(actorsOf('Seorang anggota Satpol PP terekam ikut konvoi kampanye pasangan calon bupati.'), ['ASN']);
    assert.deepEqual(actorsOf('Seorang pegawai di lingkungan Pemerintah Kabupaten diduga mengunggah dukungan kepada calon bupati.'), [
      'ASN',
    ]);
    assert.deepEqual(actorsOf('Babinsa itu kedapatan berfoto dengan calon bupati sambil mengacungkan jari.'), ['TNI']);
    assert.deepEqual(actorsOf('Seorang Bhabinkamtibmas diduga menghadiri pertemuan tim pemenangan paslon.'), ['Polri']);
  });
  test('Polisi Militer is TNI, not Polri', () => {
    assert.deepEqual(actorsOf('Polisi Militer memeriksa seorang prajurit TNI yang diduga berfoto dengan calon gubernur.'), ['TNI']);
  });
  test('honorer is not ASN and "bukan ASN" is no mention', () => {
    assert.deepEqual(actorsOf('Guru honorer itu diduga mengunggah video kampanye paslon. "Guru honorer memang bukan ASN," katanya.'), []);
  });
  test('a Pj who receives a recommendation is not an actor; one who is reported is', () => {
    assert.deepEqual(
      actorsOf('Bawaslu menyerahkan rekomendasi dugaan pelanggaran netralitas dua lurah kepada Penjabat Wali Kota Kendari.'),
      ['lurah'],
    );
    assert.deepEqual(
      actorsOf('Sebanyak 12 sudah kami teruskan rekomendasinya ke BKN dan Pj Bupati, sisanya masih diklarifikasi terkait Pilkada.'),
      [],
    );
    assert.deepEqual(actorsOf('Penjabat Bupati Lahat dilaporkan ke Bawaslu karena diduga melantik pejabat menjelang Pilkada.'), [
      'penjabat_kepala_daerah',
    ]);
  });
});

describe('triage: relevance without the word "netral"', () => {
  test('short incident with a Satpol PP member is relevant', () => {
    const result = triage(
      'KAYUAGUNG – Seorang anggota Satpol PP terekam ikut dalam konvoi kampanye salah satu pasangan calon bupati. Bawaslu akan mengklarifikasi yang bersangkutan.',
      'Anggota Satpol PP Ikut Konvoi Kampanye Paslon',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.actors, ['ASN']);
  });
  test('the same incident without a title is relevant too', () => {
    const result = triage(
      'KAYUAGUNG, Sumeks.co – Seorang anggota Satpol PP terekam ikut konvoi kampanye salah satu pasangan calon bupati. Bawaslu OKI akan mengklarifikasi yang bersangkutan.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
  });
  test('security article with one passing "netralitas TNI-Polri" line stays irrelevant', () => {
    const text =
      'LAMONGAN – Polres menyiapkan 1.800 personel pengamanan Pilkada dan patroli di TPS rawan. Logistik dikawal personel gabungan. Dandim menyatakan siap mendukung Polri dalam pengamanan. Ia juga menyinggung pentingnya netralitas TNI-Polri selama tahapan berlangsung. Kapolres memaparkan pemetaan kerawanan di 27 kecamatan dan pengawalan logistik KPU.';
    assert.equal(triage(text).relevant, false);
  });
});

describe('triage: kabupaten seats', () => {
  test('every seat row resolves to a kabupaten', () => {
    assert.deepEqual(gazetteer.unresolvedCapitals, []);
  });
  test('seat as dateline or after "di" maps to its kabupaten', () => {
    assert.deepEqual(codes('KAYUAGUNG, Sumeks.co – Bawaslu menggelar rapat.'), ['16.02']);
    assert.deepEqual(codes('Bawaslu menggelar rapat di Cibinong, Senin.'), ['32.01']);
    assert.deepEqual(codes('TANJUNG SELOR – Bawaslu menggelar rapat.'), ['65.01']);
  });
  test('a seat name elsewhere is not a mention', () => {
    assert.deepEqual(codes('Rapat dihadiri warga Cibinong dan tokoh Sampit.'), []);
  });
  test('village and kecamatan names are not region mentions', () => {
    assert.deepEqual(codes('Kampanye digelar di Kecamatan Way Jepara, Kabupaten Lampung Timur.'), ['18.07']);
  });
});

describe('triage: read-also blocks', () => {
  test('a bare "Baca juga:" line drops the headline after it and keeps the article', () => {
    const out = removeBoilerplate(
      'Paragraf satu tentang kampanye.\n\nBaca juga:\nHarga Garam di Madura Anjlok\n\nParagraf dua tentang Bawaslu.\n\nSimak Video "Video: Bawaslu"\n[Gambas:Video 20detik]\nBagikan artikel ini:\nFacebook | X | WhatsApp',
    );
    assert.equal(out, 'Paragraf satu tentang kampanye.\n\nParagraf dua tentang Bawaslu.');
  });
});
