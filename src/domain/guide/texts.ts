// The guide's fixed prose: title, introduction, the stage rule, how to report, what happens next and
// what a pledge means. Functions, so every guide gets its own objects.
import { CANDIDATE_DETERMINATION_STAGE } from '../catalogues/index.ts';
import { STATE_LABELS } from '../cases/stateMachine.ts';
import type { Guide } from './index.ts';

export const guideTitle = (): Guide['title'] => ({
  id: 'Panduan netralitas ASN dan perangkat desa dalam Pilkada',
  en: 'Guide to civil-servant and village-official neutrality in regional elections',
});

export const guideIntro = (): Guide['intro'] => ({
  id: 'ASN (PNS dan PPPK), kepala desa dan perangkat desa wajib netral dalam pemilihan kepala daerah. Panduan ini menjelaskan perbuatan yang dilarang, sanksinya, batas waktu penanganan, dan cara melapor. Isinya dihasilkan dari katalog yang sama dengan yang dipakai petugas dalam Netra.',
  en: 'Civil servants (PNS and PPPK), village heads and village officials must stay neutral in regional elections. This guide lists the prohibited acts, their sanctions, the handling deadlines and how to report. It is generated from the same catalogues Netra’s staff use.',
});

export const guideStageRule = (): Guide['stageRule'] => ({
  id: 'Sebelum penetapan pasangan calon (untuk Pilkada 2024: 22 September 2024), perbuatan terhadap bakal calon masuk katalog kode etik dengan sanksi moral. Sejak penetapan, perbuatan terhadap calon masuk katalog disiplin dengan hukuman disiplin sedang atau berat. Menjadi anggota atau pengurus partai politik selalu berujung pemberhentian tidak dengan hormat.',
  en: 'Before candidate determination (22 September 2024 for Pilkada 2024), acts concerning prospective candidates fall under the code-of-ethics catalogue (moral sanction). From determination on, acts concerning candidates fall under the disciplinary catalogue (medium or severe penalties). Party membership always leads to dishonourable dismissal.',
  source: `SKB Netralitas ASN 2022 Lampiran II; tahapan "${CANDIDATE_DETERMINATION_STAGE}" PKPU 2/2024 [sebagian disimpulkan]`,
});

export const howToReport = (): Guide['howToReport'] => ({
  title: { id: 'Cara melapor', en: 'How to report' },
  steps: [
    {
      id: 'Yang boleh melapor: pemilih yang mempunyai hak pilih dalam pemilihan itu, pemantau pemilihan yang terdaftar, atau peserta pemilihan.',
      en: 'Who may report: a voter of that election, an accredited election monitor, or a candidate pair.',
      source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (2)',
    },
    {
      id: 'Laporkan paling lama 7 hari sejak pelanggaran diketahui atau ditemukan. Laporan yang terlambat tetap dicatat, tetapi dapat tidak diregistrasi.',
      en: 'Report within 7 days of learning of the violation. A late report is recorded but may not be registered.',
      source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (4)',
    },
    {
      id: 'Isi identitas Anda, nama dan alamat terlapor, waktu dan tempat kejadian, uraian kejadian, serta bukti (foto, video, tautan) dan saksi bila ada.',
      en: 'Give your identity, the name and address of the person reported, time and place, a description, and evidence (photos, video, links) and witnesses if any.',
      source: 'UU 1/2015 jo. UU 10/2016 Pasal 134 ayat (3); Perbawaslu 9/2024 Lampiran (formulir laporan)',
    },
    {
      id: 'Identitas pelapor dirahasiakan: disimpan terenkripsi dan hanya dibuka petugas yang berwenang dengan alasan yang dicatat.',
      en: 'Your identity is kept confidential: stored encrypted and opened only by authorised staff, with the reason recorded.',
    },
    {
      id: 'Setelah mengirim, Anda menerima kode lacak dan PIN. Simpan keduanya untuk melihat status dan pemberitahuan.',
      en: 'After sending, you receive a tracking code and a PIN. Keep both to follow the status and notices.',
    },
    {
      id: 'Laporan dapat dicabut hanya sebelum diregistrasi.',
      en: 'A report can be withdrawn only before it is registered.',
      source: 'Perbawaslu 8/2020 jo. 9/2024',
    },
  ],
});

export const whatHappensNext = (): Guide['whatHappensNext'] => ({
  title: { id: 'Apa yang terjadi setelah melapor', en: 'What happens next' },
  steps: [
    {
      state: 'diterima',
      label: STATE_LABELS.diterima,
      explanation: {
        id: 'Bawaslu memeriksa syarat formil dan materiil. Bila ada yang kurang, Anda diberi waktu 2×24 jam untuk melengkapi.',
        en: 'Bawaslu checks the formal and material requirements. If something is missing you have 2×24 hours to complete it.',
      },
      deadlineRuleIds: ['laporan.kelengkapan'],
    },
    {
      state: 'diregistrasi',
      label: STATE_LABELS.diregistrasi,
      explanation: {
        id: 'Laporan yang memenuhi syarat dicatat dalam buku registrasi dan diberi nomor. Sejak itu Bawaslu wajib memutus dalam 3 hari, ditambah 2 hari bila perlu keterangan tambahan.',
        en: 'A complete report is entered in the register and numbered. Bawaslu must then decide within 3 days, plus 2 if more information is needed.',
      },
      deadlineRuleIds: ['laporan.putusan'],
    },
    {
      state: 'klarifikasi',
      label: STATE_LABELS.klarifikasi,
      explanation: {
        id: 'Pelapor, terlapor dan saksi dapat diundang untuk klarifikasi.',
        en: 'The reporter, the person reported and witnesses may be invited to clarify.',
      },
      deadlineRuleIds: [],
    },
    {
      state: 'kajian',
      label: STATE_LABELS.kajian,
      explanation: {
        id: 'Bawaslu menyusun kajian dan memutus apakah ada pelanggaran dan jenisnya.',
        en: 'Bawaslu assesses the case and decides whether there was a violation and of which kind.',
      },
      deadlineRuleIds: [],
    },
    {
      state: 'diteruskan',
      label: STATE_LABELS.diteruskan,
      explanation: {
        id: 'Pelanggaran netralitas ASN diteruskan ke BKN (sejak Agustus 2024 menggantikan KASN), lalu PPK menjatuhkan sanksi. Kepala desa dan perangkat desa diteruskan ke bupati/wali kota. Dugaan tindak pidana diteruskan ke Sentra Gakkumdu dalam 1×24 jam.',
        en: 'ASN neutrality violations go to BKN (replacing KASN since August 2024), then the PPK imposes the sanction. Village heads and officials go to the bupati/mayor. Suspected crimes go to Gakkumdu within 1×24 hours.',
      },
      deadlineRuleIds: ['pidana.penerusan_gakkumdu', 'bkn.verifikasi', 'bkn.kajian_bawaslu', 'ppk.tindak_lanjut'],
    },
    {
      state: 'bukan_pelanggaran',
      label: STATE_LABELS.bukan_pelanggaran,
      explanation: {
        id: 'Bila tidak terbukti, laporan dinyatakan bukan pelanggaran dan alasannya diumumkan.',
        en: 'If not proven, the report is declared not a violation and the reason is published.',
      },
      deadlineRuleIds: [],
    },
  ],
});

export const pledge = (): Guide['pledge'] => ({
  title: { id: 'Apa arti deklarasi netralitas', en: 'What a neutrality pledge means' },
  paragraphs: [
    {
      id: 'Deklarasi netralitas adalah pernyataan bersama pegawai suatu instansi bahwa mereka akan menjaga netralitas selama pemilihan, sesuai kewajiban ASN menjaga netralitas (UU 20/2023 Pasal 24 ayat (1) huruf d).',
      en: 'A neutrality pledge is a joint statement by an agency’s staff that they will stay neutral during the election, in line with the ASN duty of neutrality (UU 20/2023 Pasal 24(1)(d)).',
    },
    {
      id: 'Deklarasi tidak menggantikan aturan: pelanggaran tetap ditangani dan dikenai sanksi. Deklarasi membantu pencegahan dan tercatat dalam peta kerawanan sebagai cakupan pencegahan.',
      en: 'A pledge does not replace the rules: breaches are still handled and sanctioned. It helps prevention and counts in the vulnerability map as prevention coverage.',
    },
    {
      id: 'Setiap deklarasi yang dicatat Netra mendapat sertifikat bertanda tangan digital (Ed25519) dengan kode QR. Siapa pun dapat memeriksa keasliannya di halaman verifikasi; nama penanda tangan tidak dipublikasikan.',
      en: 'Every pledge recorded in Netra gets a digitally signed certificate (Ed25519) with a QR code. Anyone can check it on the verification page; signatory names are not published.',
    },
  ],
});
