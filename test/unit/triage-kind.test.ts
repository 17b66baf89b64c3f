// Kind from the body of title-less published copy (issue 16, kind round): one case per rule,
// texts written for this file (not copied from the eval sets).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readProvinces, readRegencies } from '../../src/server/reference/idnArea.ts';
import { buildGazetteer, triageArticle } from '../../src/domain/triage/index.ts';

const gazetteer = buildGazetteer([...readProvinces(), ...readRegencies()]);
const triage = (text: string, title?: string) => triageArticle({ text, title }, gazetteer);

describe('triage kind: appeals without a headline', () => {
  test('a threatened or conditional sanction is part of the warning, not a case', () => {
    const result = triage(
      'JAYAPURA, Cenderawasih Pos – Pemprov Papua menyampaikan hasil rapat pimpinan soal Pilkada 2024, Senin (7/10/2024). Sekda meminta ASN menjaga netralitas. ASN yang terbukti melanggar akan dilaporkan ke BKN dan bisa dijatuhi hukuman disiplin.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
    const conditional = triage(
      'Wali Kota Tomohon mengimbau camat dan lurah menjaga netralitas selama Pilkada 2024, Senin (21/10/2024). Jika terbukti berpihak, mereka bisa dijatuhi sanksi.',
    );
    assert.equal(conditional.kind, 'appeal');
  });
  test('a head addressing his own people ("prajuritnya", "seluruh pegawai") addresses his group', () => {
    const result = triage(
      'MANOKWARI, Cahaya Papua – Sekda Manokwari mengingatkan seluruh pegawai agar tidak menjadi tim sukses pasangan calon, Kamis (10/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.actors, ['ASN']);
  });
  test('a lead that forbids apparatus in general an act is an appeal, whatever the act verb and the date', () => {
    const result = triage(
      'SELONG, Radar Lombok – Dandim Lombok Timur melarang prajuritnya berswafoto dengan pasangan calon dan mengomentari unggahan kampanye di media sosial, Rabu (16/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
  test('a named or suspected subject keeps an appeal-verb lead an incident', () => {
    const result = triage(
      'Bawaslu Blitar meminta kepala desa berinisial SR yang diduga memasang baliho pasangan calon di balai desa memberikan klarifikasi, Senin (14/10/2024).',
    );
    assert.equal(result.kind, 'incident');
  });
});

describe('triage relevance: acts by apparatus as evidence', () => {
  test('forbidding a group a catalogue act is an appeal addressed to it', () => {
    const result = triage(
      'WAINGAPU, Pos Kupang – Penjabat Bupati Sumba Timur meminta kepala dinas tidak memakai mobil dinas maupun aula kantor untuk kegiatan pasangan calon selama masa kampanye, Selasa (1/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
    assert.deepEqual(result.acts, ['fasilitas_negara']);
  });
  test('an act told before the member who is then handled for it ("… tersebut")', () => {
    const result = triage(
      'KUALA KAPUAS, Kalteng Pos – Sebuah ambulans milik Puskesmas Selat kedapatan mengangkut spanduk pasangan calon bupati, Sabtu (2/11/2024). Pengemudinya, seorang ASN puskesmas tersebut, sudah dimintai klarifikasi oleh Bawaslu Kapuas.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
    assert.deepEqual(result.actors, ['ASN']);
  });
  test('police looking into "… tersebut" after a campaign team act is not a member who did it', () => {
    const result = triage(
      'KUDUS, Radar Kudus – Sentra Gakkumdu Kudus memproses dugaan politik uang oleh tiga relawan calon bupati yang membagikan sembako kepada warga, Sabtu (23/11/2024). Polisi masih mendalami asal sembako tersebut.',
    );
    assert.equal(result.relevant, false);
  });
});

describe('triage relevance: addressees and regional titles', () => {
  test('a passive appeal not to do an act ("diminta tidak …") is an appeal to the group', () => {
    const result = triage(
      'SIAK, Riau Pos – Penghulu dan perangkat desa di Kabupaten Siak diminta tidak ikut dalam konvoi kampanye pasangan calon bupati. Hal itu disampaikan dalam rapat koordinasi Bawaslu Siak, Kamis (10/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
  test('regional titles of village and district heads are apparatus', () => {
    const heads = triage(
      'RANTEPAO – Dua kepala lembang di Toraja Utara dilaporkan ke Bawaslu karena menghadiri deklarasi pasangan calon bupati, Senin (14/10/2024).',
    );
    assert.deepEqual(heads.actors, ['kepala_desa']);
    const district = triage(
      'WAMENA – Seorang kepala distrik di Jayawijaya diduga mengarahkan warga memilih pasangan calon bupati tertentu, Rabu (23/10/2024). Bawaslu sudah memanggilnya.',
    );
    assert.deepEqual(district.actors, ['camat']);
  });
  test('the driver of the vehicle just told ("Pengemudinya …") is the member who used it', () => {
    const result = triage(
      'BONE – Sebuah mobil dinas Dinas Perhubungan Bone terlihat mengangkut spanduk pasangan calon bupati, Sabtu (9/11/2024). Pengemudinya diketahui seorang ASN. Bawaslu Bone menelusuri temuan itu.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
  });
  test('a group gathered and then warned is the addressee, not a mobilised target', () => {
    const result = triage(
      'SINJAI – Dandim Sinjai mengumpulkan para Babinsa lalu mengingatkan mereka untuk tidak berfoto dengan pasangan calon bupati, Selasa (8/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.actors, ['TNI']);
  });
});

describe('triage kind and relevance: tallies, public appeals, circulated evidence, pledges', () => {
  test('a lead counting cases or people over a period is statistics, whatever the verb', () => {
    const result = triage(
      'BANDUNG – Sepanjang tahapan Pilkada 2024, Polda Jawa Barat memproses 17 personel yang diduga tidak netral. Kabid Propam menyebut lima personel sudah dijatuhi sanksi disiplin dan sisanya masih diperiksa.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'statistics');
  });
  test('an appeal to the public to report apparatus is an appeal, not a case', () => {
    const result = triage(
      'ATAMBUA, Pos Kupang – Bawaslu Belu mengajak masyarakat untuk melapor bila menemukan ASN atau kepala desa yang ikut berkampanye untuk pasangan calon. Laporan diterima di posko pengaduan setiap kecamatan.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
  test('a circulating video and a case "ditangani" are suspicion and handling', () => {
    const video = triage(
      'ENDE – Video seorang anggota Satpol PP Ende yang menempelkan stiker pasangan calon bupati di mobil dinas beredar luas, Senin (4/11/2024).',
    );
    assert.equal(video.relevant, true);
    const handled = triage(
      'TAKALAR – Sebanyak 9 kepala desa di Takalar menandatangani surat dukungan untuk petahana dalam sebuah pertemuan, Jumat (11/10/2024). Kasus itu kini ditangani Bawaslu Takalar.',
    );
    assert.equal(handled.relevant, true);
    assert.equal(handled.kind, 'incident');
  });
  test('a member identified by initials who is judged in breach is a suspected violation', () => {
    const result = triage(
      'DUMAI – Lurah di Kecamatan Dumai Barat berinisial RS menghadiri deklarasi dukungan untuk calon wali kota, Minggu (13/10/2024). Ia dinilai melanggar larangan bagi aparatur kelurahan.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
  });
  test('the group taking a neutrality pledge is addressed like an appeal', () => {
    const result = triage(
      'BAUBAU – Ratusan ASN Pemkot Baubau mengikuti apel dan menandatangani pakta integritas netralitas menjelang Pilkada, Senin (7/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
});

describe('triage kind: the lead frame', () => {
  test('an instruction "agar ASN … tidak …" dated in the lead is an appeal, not an event', () => {
    const result = triage(
      'DOMPU, Lombok Post – Pj Bupati Dompu mengeluarkan instruksi agar ASN di lingkungan Pemkab Dompu tidak memasang stiker pasangan calon di kendaraan pribadi maupun dinas, Rabu (2/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
  test('a circular or appeal "bagi/kepada" a group in the lead addresses it', () => {
    const circular = triage(
      'TAHUNA – Pemkab Kepulauan Sangihe menerbitkan edaran bagi camat dan kepala desa tentang netralitas menjelang pemungutan suara. Kecurigaan terhadap pejabat yang berpihak dapat dilaporkan ke Bawaslu untuk diperiksa dan diklarifikasi.',
    );
    assert.equal(circular.relevant, true);
    assert.equal(circular.kind, 'appeal');
    const appeal = triage(
      'BANGLI – Pj Bupati Bangli mengeluarkan imbauan kepada seluruh ASN untuk menjaga netralitas, Senin (7/10/2024). Pegawai yang diduga berpihak akan diperiksa inspektorat dan dilaporkan ke Bawaslu.',
    );
    assert.equal(appeal.relevant, true);
    assert.equal(appeal.kind, 'appeal');
  });
  test('a negated act in a dated lead is not an event', () => {
    const result = triage(
      'NUNUKAN, Radar Tarakan – Pj Bupati Nunukan menegaskan bahwa kepala desa tidak boleh menghadiri kampanye pasangan calon dalam bentuk apa pun, Senin (7/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
  test('in a short excerpt the lead frame is not outvoted by the case words of the tallied cases', () => {
    const result = triage(
      'SEMARANG – Selama masa kampanye, Polda Jawa Tengah memeriksa 16 personel yang diduga tidak netral. Enam personel dijatuhi sanksi disiplin, sisanya masih diperiksa Propam.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'statistics');
  });
});

describe('triage relevance: threshold and security', () => {
  test('neutrality cases followed up without an election word are relevant at 0.35–0.5', () => {
    const result = triage(
      'JAKARTA – Kementerian PANRB mengirim surat kepada sejumlah bupati yang belum menjatuhkan sanksi bagi ASN yang melanggar netralitas. Hingga Senin (2/12/2024), tercatat 88 rekomendasi belum dijalankan pejabat pembina kepegawaian.',
    );
    assert.ok(result.score >= 0.35 && result.score < 0.5);
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'statistics');
  });
  test('a short security excerpt with a passing neutrality line stays irrelevant', () => {
    const result = triage(
      'KUPANG – Korem 161/Wira Sakti menyiagakan 900 prajurit untuk pengamanan pemungutan suara Pilkada di Kota Kupang. Danrem meminta prajurit menjaga kondusivitas dan netralitas selama bertugas di TPS.',
    );
    assert.equal(result.relevant, false);
  });
});

describe('triage relevance: investigations, neutrality cases, instructions', () => {
  test('an investigation of an official\'s involvement ("menyelidiki dugaan keterlibatan") is a suspicion', () => {
    const result = triage(
      'JEMBER – Polisi menyelidiki dugaan keterlibatan seorang kepala dusun dalam pembagian sembako untuk memenangkan salah satu pasangan calon bupati. Kepala dusun itu sudah dimintai keterangan, Sabtu (23/11/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'incident');
  });
  test('neutrality sanctions of apparatus are electoral without the election named', () => {
    const result = triage(
      'Kanreg BKN Makassar mencatat 52 ASN di Sulawesi Selatan dijatuhi sanksi netralitas hingga akhir November 2024. Sanksi terbanyak berupa penundaan kenaikan pangkat.',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'statistics');
  });
  test('an instruction to do something other than vote addresses the group', () => {
    const result = triage(
      'PARIAMAN – Wali Kota Pariaman menginstruksikan camat dan lurah mengawasi pegawai agar tidak ikut kampanye pasangan calon, Senin (14/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.deepEqual(result.actors, ['camat', 'lurah']);
  });
});

describe('triage relevance: appeals not to take a partisan step', () => {
  test('asking apparatus not to do something partisan is an appeal, catalogued act or not', () => {
    const result = triage(
      'KLATEN – Bupati Klaten meminta para kepala puskesmas dan tenaga kesehatan berstatus ASN tidak memanfaatkan posyandu untuk memperkenalkan pasangan calon kepada warga, Rabu (9/10/2024).',
    );
    assert.equal(result.relevant, true);
    assert.equal(result.kind, 'appeal');
  });
});
