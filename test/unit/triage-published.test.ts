// Error classes of published copy (issue 16, second round): one case per class fixed, written
// for this file (not copied from the eval sets).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../../src/domain/triage/index.ts';
import { buildDoc } from '../../src/domain/triage/text.ts';
import { extractActors, findActorMentions, selectActorMentions } from '../../src/domain/triage/actors.ts';
import { extractActs } from '../../src/domain/triage/acts.ts';
import { findDateline } from '../../src/domain/triage/clean.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const triage = (text: string, title?: string) => triageArticle({ text, title }, gazetteer);
const doc = (text: string) => buildDoc(text, 0, null);
const actorsOf = (text: string) => {
  const d = doc(text);
  return extractActors(selectActorMentions(d, findActorMentions(d)));
};
const actsOf = (text: string) => {
  const d = doc(text);
  return extractActs(d, findActorMentions(d));
};

describe('triage published copy: page furniture', () => {
  test('the outlet part of a dateline is never a place, whatever its name', () => {
    assert.deepEqual(
      triage('SENTANI, Cahaya Papua – Bawaslu Kabupaten Jayapura menggelar rapat koordinasi pengawasan.').regions.map((r) => r.code),
      ['91.03'],
    );
    assert.deepEqual(
      triage('SAROLANGUN, Jambi Independent – Bawaslu Sarolangun menggelar rapat koordinasi.').regions.map((r) => r.code),
      ['15.03'],
    );
  });
  test('a photo caption above the dateline does not hide the dateline', () => {
    assert.equal(findDateline('Foto: Sejumlah warga di lokasi acara. (Dok/Istimewa)\nSIGLI - Bawaslu menggelar rapat.')?.place, 'SIGLI');
  });
});

describe('triage published copy: actors', () => {
  test('"anggota Polres X" is a member of the unit, not its commander', () => {
    assert.deepEqual(actorsOf('Seorang anggota Polres Sarolangun terekam mengajak warga memilih salah satu pasangan calon bupati.'), [
      'Polri',
    ]);
  });
});

describe('triage published copy: relevance', () => {
  test('an appeal whose addressees are asked to stay neutral is relevant without "netralitas ASN"', () => {
    const result = triage(
      'MAKASSAR, Fajar – "Saya minta seluruh ASN di lingkup pemprov tidak terlibat politik praktis dan menjaga netralitas menjelang Pilkada," kata Sekda dalam apel pagi, Senin (23/9/2024).\nFajar | Penulis: Rahmat',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
    assert.deepEqual(result.actors, ['ASN']);
  });
  test('the same appeal in a village-head election stays irrelevant', () => {
    const result = triage(
      'BLITAR – Sebanyak 20 desa menggelar Pilkades serentak, Minggu (5/11/2023). Bupati meminta kepala desa dan perangkat desa menjaga netralitas dan tidak menjadi tim sukses calon kepala desa.',
      'Pilkades Serentak, Bupati Minta Perangkat Desa Netral',
    );
    assert.equal(result.relevant, false);
  });
  test('an act told first and the apparatus member named as the one examined next is an incident', () => {
    const result = triage(
      'PALU – Bawaslu menelusuri penggunaan truk milik dinas untuk mengangkut dan memasang baliho calon bupati, Rabu (30/10/2024). Seorang pegawai dinas yang mengemudikan truk itu sudah dipanggil.',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.actors, ['ASN']);
    assert.deepEqual(result.acts, ['atribut', 'fasilitas_negara']);
  });
  test('a catalogue act by the member himself lifts a borderline incident', () => {
    const result = triage(
      'MUARA TEWEH – Seorang kepala sekolah SMP negeri diduga menekan guru honorer di sekolahnya untuk memilih salah satu calon bupati dalam rapat guru, Selasa (29/10/2024). Bawaslu sudah menerima laporannya.',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.acts, ['mobilisasi']);
  });
});

describe('triage published copy: acts', () => {
  test('threatening staff who do not vote for a candidate is mobilisation, not a rotation', () => {
    assert.deepEqual(actsOf('Seorang camat diduga mengancam mencopot kepala seksi yang tidak memilih calon bupati petahana.'), [
      'mobilisasi',
    ]);
    assert.deepEqual(actsOf('Kepala dinas diduga mengancam akan memindahkan stafnya yang tidak memilih pasangan calon petahana.'), [
      'mobilisasi',
    ]);
  });
  test('school halls and office letterheads written concretely are state facilities', () => {
    assert.deepEqual(actsOf('Kepala sekolah diduga mengizinkan aula sekolahnya dipakai rapat tim pemenangan calon bupati.'), [
      'fasilitas_negara',
    ]);
    assert.deepEqual(actsOf('Camat diduga mengirim surat berkop kecamatan berisi dukungan kepada pasangan calon bupati.'), [
      'fasilitas_negara',
    ]);
  });
  test('a banner on the fence of a public building is not the use of the building', () => {
    assert.deepEqual(actsOf('Seorang Babinsa diduga memasang spanduk calon bupati di pagar balai desa.'), ['atribut']);
  });
  test('inviting residents to a candidate meeting is mobilisation, not attendance', () => {
    assert.deepEqual(
      actsOf(
        'Seorang lurah diduga menyebarkan undangan berkop kelurahan kepada warga untuk menghadiri pertemuan pasangan calon wali kota.',
      ),
      ['fasilitas_negara', 'mobilisasi'],
    );
  });
});

describe('triage published copy: kind and counts without a headline', () => {
  test('a lead that records a count is statistics', () => {
    const result = triage(
      'JAKARTA – BKN mencatat 312 ASN dijatuhi sanksi karena terbukti melanggar netralitas pada Pilkada 2024 hingga Senin (2/12/2024). Sanksi terbanyak berupa penundaan kenaikan pangkat.',
    );
    assert.equal(result.kind, 'statistics');
  });
  test('a lead that tells what a counted group did on a day is an incident; keuchik are counted', () => {
    const result = triage(
      'Foto: Para keuchik di lokasi acara. (Dok)\nBIREUEN - Sebanyak 12 keuchik di Kabupaten Bireuen menghadiri dan ikut menandatangani deklarasi dukungan untuk salah satu pasangan calon bupati, Minggu (13/10/2024). Panwaslih sedang mengkaji temuan itu.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
    assert.deepEqual(result.numbers, [{ value: 12, unit: 'other' }]);
    assert.deepEqual(
      result.regions.map((r) => r.code),
      ['11.11'],
    );
  });
});

describe('triage published copy, third round (blind9 classes)', () => {
  test('police making an arrest in a money-politics case are not a suspect', () => {
    assert.deepEqual(
      actorsOf('Polisi mengamankan tiga anggota tim pemenangan pasangan calon yang diduga membagikan uang kepada warga.'),
      [],
    );
  });
  test('an instruction not to take sides addresses the group; "pembakal" is a village head', () => {
    assert.deepEqual(actorsOf('Sekprov menginstruksikan seluruh ASN tidak memberi dukungan kepada pasangan calon.'), ['ASN']);
    assert.deepEqual(actorsOf('Tujuh pembakal diperiksa Bawaslu karena diduga berpose dengan calon bupati.'), ['kepala_desa']);
  });
  test('campaigning for a legislative candidate is partisan in an election article', () => {
    const result = triage(
      'MAROS – Dua ASN guru di Kabupaten Maros terekam mengampanyekan calon anggota legislatif di grup WhatsApp wali murid, Senin (5/2). Bawaslu menyebut keduanya akan diklarifikasi.',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.acts, ['media_sosial']);
  });
  test('transporting people to a campaign and calling on residents to vote are mobilisation, also when a video of it circulated', () => {
    assert.deepEqual(actsOf('Kepala desa diduga mengangkut massa ke lokasi kampanye calon bupati dengan truk pribadi.'), ['mobilisasi']);
    assert.deepEqual(actsOf('Video seorang lurah yang menyerukan warga memilih salah satu calon wali kota viral di media sosial.'), [
      'mobilisasi',
    ]);
  });
  test('classrooms, village offices and photos of a group with a candidate', () => {
    assert.deepEqual(actsOf('Kadis mengingatkan guru PNS tidak menggunakan ruang kelas untuk berkampanye bagi calon bupati.'), [
      'fasilitas_negara',
    ]);
    assert.deepEqual(actsOf('Wali nagari diingatkan tidak memfasilitasi kegiatan kampanye di kantor wali nagari.'), ['fasilitas_negara']);
    assert.deepEqual(actsOf('Kepala desa diperiksa setelah foto mereka bersama calon bupati beredar.'), ['foto_bersama']);
    assert.deepEqual(actsOf('Laporan terbanyak berupa keikutsertaan kepala desa dalam kampanye pasangan calon.'), ['hadir_kampanye']);
  });
  test('a year-less date takes the year of "Pilkada <region> <year>"', () => {
    assert.equal(
      triage(
        'KUDUS – Bawaslu memanggil dua kepala desa yang hadir dalam kampanye pasangan calon, Jumat (30/10). Pemungutan suara Pilkada Kudus 2020 tinggal sebulan.',
      ).date,
      '2020-10-30',
    );
  });
});
