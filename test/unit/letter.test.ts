import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecommendationLetter } from '../../src/server/modules/documents/letter.ts';
import { renderDocument } from '../../src/server/modules/documents/render.ts';

const letter = {
  number: '001/PP.01.00/K.16.02/10/2024',
  dateLocal: '10 Oktober 2024',
  from: { officeCode: '16.02', officeName: 'Bawaslu Kabupaten Ogan Komering Ilir' },
  addressee: 'Kepala Badan Kepegawaian Negara u.p. Deputi Bidang Pengawasan dan Pengendalian',
  subject: 'Penerusan dugaan pelanggaran peraturan perundang-undangan lainnya',
  registrationNumber: '001/LP/PB/Kab/16.02/X/2024',
  classification: { id: 'peraturan_lainnya', label: 'Pelanggaran peraturan perundang-undangan lainnya (termasuk netralitas ASN)' },
  terlapor: {
    name: 'Budi Santoso',
    nip: '198503122010011002',
    position: 'Kabid Pendapatan',
    agency: 'Bapenda OKI',
    subjectLabel: 'Pegawai Negeri Sipil',
  },
  kajianSummary: 'Terbukti hadir dan berorasi dalam kampanye terbuka.',
  event: { date: '2024-10-07', place: 'Lapangan Merdeka, Kayuagung', regionCode: '16.02.05' },
  acts: [{ id: 'hadir_deklarasi_kampanye', label: 'Hadir dan mendukung aktif deklarasi/kampanye' }],
  proposedTrack: {
    track: 'disiplin',
    level: 'berat',
    citation: 'SKB Netralitas ASN 2022 Lampiran II huruf B angka 4',
    sanctions: [{ key: 'pp94.penurunan_jabatan_12_bulan', label: 'Penurunan jabatan 12 bulan' }],
  },
  legalBasis: 'SE MenPANRB 4/2024',
  followUpDeadline: { dueLocal: '17 Oktober 2024 23.59 WIB', source: 'BKN SBT' },
  conflictOfInterest: true,
};

test('the recommendation letter carries its number, addressee, kajian summary, proposed track and deadline', async () => {
  const model = buildRecommendationLetter(letter, '10 Oktober 2024 10.00 WIB', new Date('2024-10-10T03:00:00Z'));
  assert.deepEqual(model.meta[0], ['Nomor', letter.number]);
  assert.equal(model.reference, letter.number);
  const text = JSON.stringify(model);
  for (const part of [
    letter.addressee,
    letter.kajianSummary,
    letter.proposedTrack.citation,
    letter.followUpDeadline.dueLocal,
    'konflik kepentingan',
  ]) {
    assert.ok(text.includes(part), part);
  }
  const rendered = await renderDocument(model);
  assert.equal(Buffer.from(rendered.bytes).subarray(0, 5).toString(), '%PDF-');
  // Same data, same bytes (the footer hash is of the data).
  assert.equal((await renderDocument(model)).dataSha256, rendered.dataSha256);
});
