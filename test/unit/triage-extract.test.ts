import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../../src/domain/triage/index.ts';
import { buildDoc } from '../../src/domain/triage/text.ts';
import { extractNumbers, parseIndonesianNumber } from '../../src/domain/triage/numbers.ts';
import { extractEventDate } from '../../src/domain/triage/dates.ts';
import { extractActors, findActorMentions, selectActorMentions } from '../../src/domain/triage/actors.ts';
import { extractActs } from '../../src/domain/triage/acts.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const triage = (text: string, title?: string) => triageArticle({ text, title }, gazetteer);
const doc = (text: string) => buildDoc(text, 0, null);
// Extractors alone (the pipeline runs them only on relevant articles).
const actorsOf = (text: string) => {
  const d = doc(text);
  return extractActors(selectActorMentions(d, findActorMentions(d)));
};
const actsOf = (text: string) => {
  const d = doc(text);
  return extractActs(d, findActorMentions(d));
};

describe('triage: numbers', () => {
  const cases: Array<[string, Array<{ value: number; unit: string }>]> = [
    ['Bawaslu mencatat 433 temuan dan laporan dugaan pelanggaran.', [{ value: 433, unit: 'temuan' }]],
    ['Sebanyak 1.158 ASN diduga melanggar netralitas.', [{ value: 1158, unit: 'other' }]],
    ['Pilkada 2020 terjadi sebanyak 1.010 perkara atau pelanggaran.', [{ value: 1010, unit: 'perkara' }]],
    ['Bawaslu telah menangani dua laporan kasus pelanggaran netralitas ASN.', [{ value: 2, unit: 'laporan' }]],
    [
      'Bawaslu menerbitkan 23 rekomendasi dan menangani 12 kasus serta 5 perkara.',
      [
        { value: 23, unit: 'rekomendasi' },
        { value: 12, unit: 'kasus' },
        { value: 5, unit: 'perkara' },
      ],
    ],
    ['Jumlah laporan yang masuk mencapai 15.', [{ value: 15, unit: 'laporan' }]],
    ['Dari 433 itu, sebanyak 314 merupakan pelanggaran.', [{ value: 314, unit: 'other' }]],
    ['Pasal 70 dan PP 94/2021 serta H-17 pada 27 November 2024, naik 30 persen, Rp 15 juta, usia 45 tahun.', []],
    ['Pemkab memiliki 8.000 ASN yang diminta hadir apel.', []],
    ['Sekitar 17.900 pemilih belum memiliki e-KTP di 170 wilayah.', []],
    // 2026-11-26 numbers round: breakdowns without a noun, remainders, reverse order with filler,
    // ranges, audiences, rotated officials.
    [
      'Bawaslu menerima 31 laporan dugaan pelanggaran. Dari jumlah itu, 18 melibatkan kepala desa dan 13 melibatkan ASN.',
      [
        { value: 31, unit: 'laporan' },
        { value: 18, unit: 'other' },
        { value: 13, unit: 'other' },
      ],
    ],
    [
      'Bawaslu menangani 12 dugaan pelanggaran. Dari jumlah tersebut, tujuh berasal dari laporan masyarakat dan lima merupakan temuan pengawas.',
      [
        { value: 12, unit: 'other' },
        { value: 7, unit: 'laporan' },
        { value: 5, unit: 'temuan' },
      ],
    ],
    [
      'Sebanyak 19 ASN dijatuhi sanksi, sementara 24 lainnya masih menunggu keputusan.',
      [
        { value: 19, unit: 'other' },
        { value: 24, unit: 'other' },
      ],
    ],
    ['Total laporan yang diterima jajarannya mencapai 48.', [{ value: 48, unit: 'laporan' }]],
    [
      'Bawaslu memproses dua laporan dan satu temuan dugaan pelanggaran netralitas.',
      [
        { value: 2, unit: 'laporan' },
        { value: 1, unit: 'temuan' },
      ],
    ],
    ['Setiap pekan Bawaslu menerima 10 sampai 15 laporan dugaan pelanggaran.', []],
    ['Pj Wali Kota dilaporkan karena lantik 40 pejabat tanpa izin Mendagri.', []],
    ['Kami sudah meminta keterangan sembilan kepala desa yang hadir. Mereka diundang.', []],
    ['Bawaslu mencatat sekitar 1,2 ribu laporan dugaan pelanggaran netralitas.', [{ value: 1200, unit: 'laporan' }]],
  ];
  for (const [text, expected] of cases) test(text.slice(0, 50), () => assert.deepEqual(extractNumbers(doc(text)), expected));
  test('number words', () => {
    assert.equal(parseIndonesianNumber('tiga'), 3);
    assert.equal(parseIndonesianNumber('dua belas'), 12);
    assert.equal(parseIndonesianNumber('tiga puluh lima'), 35);
    assert.equal(parseIndonesianNumber('1.010'), 1010);
    assert.equal(parseIndonesianNumber('1,5', 'ribu'), 1500);
  });
});

describe('triage: event date', () => {
  const options = { votingDay: '2024-11-27' };
  const cases: Array<[string, string | null]> = [
    ['Kades hadir kampanye, Senin (14/10/2024), di lapangan.', '2024-10-14'],
    ['Peristiwa terjadi Senin, 14 Oktober 2024 sore.', '2024-10-14'],
    ['Pemeriksaan pada 17/9/2024 berlangsung tertutup.', '2024-09-17'],
    ['Pilkada OKI H-17: Pj Bupati Tekankan Netralitas', '2024-11-10'],
    ['Pilkada serentak yang akan digelar pada 27 November 2024 mendatang. ASN diminta netral.', null],
    ['Masa kampanye berlangsung 25 September hingga 23 November 2024.', null],
    ['Bawaslu mencatat 41 temuan hingga Rabu (20/11/2024).', '2024-11-20'],
    ['Kades itu dipanggil kemarin.', null],
    ['Kompas.com - 15/10/2024, 10:00 WIB. Bawaslu memanggil kades kemarin.', '2024-10-14'],
    ['Bawaslu memeriksa ASN itu Selasa.', null],
  ];
  for (const [text, expected] of cases) test(text.slice(0, 50), () => assert.equal(extractEventDate(doc(text), options), expected));
});

describe('triage: actors', () => {
  const cases: Array<[string, string[]]> = [
    [
      'Pj Bupati OKI, Ir. Asmar Wijaya, mengingatkan ASN dan kepala desa beserta perangkatnya untuk menjaga netralitas dalam Pilkada.',
      ['ASN', 'kepala_desa', 'perangkat_desa'],
    ],
    ['Pj Wali Kota Kendari dilaporkan ke Bawaslu karena diduga mengampanyekan calon wali kota.', ['penjabat_kepala_daerah']],
    ['Kapolres menegaskan anggota Polri harus netral dalam Pilkada dan tidak berpihak.', ['Polri']],
    ['Camat Kayuagung, Budi, mengimbau kepala desa tidak ikut kampanye pasangan calon.', ['kepala_desa']],
    [
      'Bawaslu mengimbau ASN, TNI, Polri dan penyelenggara ad hoc menjaga netralitas dalam Pilkada.',
      ['ASN', 'TNI', 'Polri', 'penyelenggara'],
    ],
    ['Pengawas kelurahan menemukan baliho paslon di kantor lurah; lurah itu diduga memasang baliho kampanye.', ['lurah']],
    ['Guru berstatus PPPK diduga ikut kampanye pasangan calon.', ['PPPK']],
  ];
  for (const [text, expected] of cases) test(text.slice(0, 50), () => assert.deepEqual(actorsOf(text), expected));
});

describe('triage: acts', () => {
  const cases: Array<[string, string[]]> = [
    ['Kades diduga menghadiri kampanye pasangan calon di lapangan desa.', ['hadir_kampanye']],
    ['ASN itu diduga menyukai dan mengomentari unggahan calon di Instagram, melanggar netralitas.', ['media_sosial']],
    ['Lurah diduga memasang baliho paslon di kantor kelurahan untuk kampanye.', ['atribut', 'fasilitas_negara']],
    ['Camat diduga mengumpulkan kepala desa dan mengarahkan warga memilih paslon nomor 1 dalam Pilkada.', ['mobilisasi']],
    ['Kepala desa dilarang menerima bantuan dari pasangan calon dalam Pilkada.', ['menerima_bantuan']],
    ['Pj Bupati diduga melakukan mutasi pejabat yang menguntungkan salah satu pasangan calon.', ['keputusan_menguntungkan']],
    ['Camat diduga berfoto dengan calon bupati sambil berpose dua jari.', ['foto_bersama']],
    ['Lima kepala desa menyatakan dukungan kepada calon petahana dalam Pilkada.', ['deklarasi_dukungan']],
    ['Seorang guru PNS diduga menjadi anggota tim pemenangan pasangan calon.', ['lainnya']],
    ['Video kades yang beredar di media sosial memperlihatkan dia menghadiri kampanye paslon.', ['hadir_kampanye']],
    // 2026-11-26 acts round.
    ['Seorang kepala SD negeri diduga meminta orang tua siswa memilih calon bupati petahana.', ['mobilisasi']],
    ['Guru PPPK itu diduga mengajak penontonnya memilih salah satu pasangan calon saat siaran langsung di TikTok.', ['media_sosial']],
    [
      'Kepala desa itu memberi sambutan dalam kampanye calon bupati dan menyatakan siap memenangkan pasangan calon tersebut.',
      ['hadir_kampanye', 'deklarasi_dukungan'],
    ],
    ['Lurah kedapatan mengikuti jalan sehat yang digelar tim pemenangan paslon.', ['hadir_kampanye']],
    ['Kades diduga membagikan 200 paket sembako bertempel stiker pasangan calon.', ['lainnya']],
    ['PNS itu diduga memasang foto paslon sebagai foto profil WhatsApp.', ['media_sosial']],
    ['Asosiasi kepala desa tetap netral dan tidak pernah menginstruksikan anggotanya untuk mendukung siapa pun.', []],
    ['Pertemuan tim pemenangan digelar di aula kantor kecamatan. Sekretaris camat diduga memberi izin.', ['fasilitas_negara']],
    ['Jangan sampai ada kepala OPD yang mengarahkan bawahannya memilih calon tertentu.', ['mobilisasi']],
  ];
  for (const [text, expected] of cases) test(text.slice(0, 50), () => assert.deepEqual(actsOf(text), expected));
});

describe('triage: relevance and kind', () => {
  const cases: Array<{ name: string; title?: string; text: string; relevant: boolean; kind?: string }> = [
    {
      name: 'incident',
      title: 'Diduga Hadiri Kampanye Paslon, Kades Dilaporkan ke Bawaslu',
      text: 'Seorang kepala desa dilaporkan ke Bawaslu karena diduga menghadiri kampanye salah satu pasangan calon bupati. Bawaslu akan memanggil terlapor untuk klarifikasi. Kades membantah.',
      relevant: true,
      kind: 'incident',
    },
    {
      name: 'appeal',
      title: 'Bawaslu Imbau ASN Jaga Netralitas',
      text: 'Bawaslu mengimbau seluruh ASN menjaga netralitas selama Pilkada 2024. ASN dilarang menghadiri kampanye dan berfoto dengan pasangan calon. Netralitas ASN adalah harga mati.',
      relevant: true,
      kind: 'appeal',
    },
    {
      name: 'statistics',
      title: 'Bawaslu Catat 57 Kasus Netralitas ASN dan Kades',
      text: 'Bawaslu mencatat 57 kasus dugaan pelanggaran netralitas dalam Pilkada. Sebanyak 31 kasus melibatkan kepala desa dan 18 kasus melibatkan ASN. Data itu tercatat hingga akhir kampanye.',
      relevant: true,
      kind: 'statistics',
    },
    {
      name: 'money politics by a campaign team',
      title: 'Timses Bagi-bagi Uang',
      text: 'Dua anggota tim sukses pasangan calon tertangkap tangan membagikan uang kepada warga pada masa tenang Pilkada. Bawaslu menyita uang tunai.',
      relevant: false,
    },
    {
      name: 'ASN salaries',
      title: 'Gaji ke-13 PNS Cair',
      text: 'Pemerintah mencairkan gaji ke-13 bagi PNS, PPPK, TNI dan Polri pekan depan. Besarannya meliputi gaji pokok dan tunjangan kinerja.',
      relevant: false,
    },
    {
      name: 'TNI disaster relief',
      title: 'Prajurit Bantu Korban Banjir',
      text: 'Prajurit TNI membantu evakuasi korban banjir di Konawe. Banjir merendam ratusan rumah setelah hujan deras.',
      relevant: false,
    },
    {
      name: 'KPU logistics escorted by TNI-Polri',
      title: 'KPU Distribusikan Logistik Pilkada',
      text: 'KPU mulai mendistribusikan logistik Pilkada ke kecamatan. Distribusi dikawal aparat TNI dan Polri. Kapolres menyiagakan ratusan personel.',
      relevant: false,
    },
    {
      name: 'kepala desa corruption unrelated to elections',
      title: 'Kades Ditahan Kasus Korupsi Dana Desa',
      text: 'Kejaksaan menahan seorang kepala desa atas dugaan korupsi dana desa tahun 2022. Kerugian negara mencapai Rp 620 juta.',
      relevant: false,
    },
    {
      name: 'English text',
      text: 'The ministry warned civil servants to remain neutral during the regional elections, and said that violators would be sanctioned by the agency.',
      relevant: false,
    },
  ];
  for (const { name, title, text, relevant, kind } of cases) {
    test(name, () => {
      const result = triage(text, title);
      assert.equal(result.relevant, relevant, `score ${result.score}`);
      assert.ok(result.score >= 0 && result.score <= 1);
      if (kind) assert.equal(result.kind, kind);
      if (!relevant) assert.equal(result.kind, 'other');
    });
  }
  test('people with positions', () => {
    const result = triage(
      'Ketua Bawaslu OKI, Romi Maradona, mengimbau ASN netral dalam Pilkada. Ia meminta ASN tidak hadir kampanye.',
      'Bawaslu OKI Imbau ASN Jaga Netralitas',
    );
    assert.deepEqual(result.people, [{ name: 'Romi Maradona', position: 'Ketua Bawaslu OKI' }]);
  });
});
