// The public guide (panduan), generated from the same catalogues the case handling uses: every
// SKB 2022 act with its sanction track and source, the UU Pilkada prohibitions and penalties, the
// legal deadlines with their sources, how to report, what happens next, and what a pledge means.
// Plain Indonesian first, English labels beside it. Pure: no I/O.
import {
  SKB_CATALOGUE,
  NEUTRALITY_ACTS,
  UU_PILKADA_CATALOGUE,
  SUBJECT_TYPE_CATALOGUE,
  ALL_SANCTIONS,
  CANDIDATE_DETERMINATION_STAGE,
  CLASSIFICATIONS,
} from '../catalogues/index.ts';
import { DEADLINE_RULES, REGULATION_REGIMES, type DeadlineRule } from '../legal-clock/rules.ts';
import { STATE_LABELS } from '../cases/stateMachine.ts';

const TRACK_LABELS = {
  kode_etik: { id: 'Pelanggaran kode etik (sanksi moral)', en: 'Code-of-ethics breach (moral sanction)' },
  disiplin: { id: 'Pelanggaran disiplin (hukuman disiplin PNS)', en: 'Disciplinary breach (civil-service discipline)' },
} as const;

const LEVEL_LABELS = {
  moral: { id: 'Sanksi moral (pernyataan terbuka atau tertutup)', en: 'Moral sanction (open or closed statement)' },
  sedang: { id: 'Hukuman disiplin sedang', en: 'Medium disciplinary penalty' },
  berat: { id: 'Hukuman disiplin berat', en: 'Severe disciplinary penalty' },
  ptdh: { id: 'Pemberhentian tidak dengan hormat', en: 'Dishonourable dismissal' },
} as const;

export function describeDeadlineLength(rule: DeadlineRule): { id: string; en: string } {
  if (rule.length.unit === 'hours') {
    const days = rule.length.value / 24;
    return Number.isInteger(days)
      ? { id: `${days}×24 jam`, en: `${days}×24 hours` }
      : { id: `${rule.length.value} jam`, en: `${rule.length.value} hours` };
  }
  const base =
    rule.kind === 'working'
      ? { id: `${rule.length.value} hari kerja`, en: `${rule.length.value} working days` }
      : { id: `${rule.length.value} hari kalender`, en: `${rule.length.value} calendar days` };
  if (!rule.extension) return base;
  return {
    id: `${base.id} (+${rule.extension.value} hari bila perlu keterangan tambahan)`,
    en: `${base.en} (+${rule.extension.value} days if more information is needed)`,
  };
}

export interface Guide {
  title: { id: string; en: string };
  intro: { id: string; en: string };
  stageRule: { id: string; en: string; source: string };
  acts: {
    id: string;
    track: string;
    trackLabel: { id: string; en: string };
    number: number;
    text: string;
    textEn: string;
    level: string;
    levelLabel: { id: string; en: string };
    sanctions: { key: string; label: string; labelEn: string; source: string }[];
    source: string;
  }[];
  neutralityActs: {
    id: string;
    label: string;
    labelEn: string;
    beforeDetermination: string;
    onOrAfterDetermination: string;
    note?: string;
  }[];
  uuPilkada: {
    id: string;
    article: string;
    kind: string;
    text: string;
    textEn: string;
    penalty?: unknown;
    relatedTo?: string;
    source: string;
    unconfirmed?: string;
    unconfirmedEn?: string;
  }[];
  subjects: { id: string; label: string; labelEn: string; isAsn: boolean; source: string; note?: string }[];
  deadlines: {
    id: string;
    versionId: string;
    title: string;
    titleEn: string;
    length: { id: string; en: string };
    source: string;
    inForceFrom?: string;
    inForceUntil?: string;
    unconfirmed?: string;
    unconfirmedEn?: string;
  }[];
  regulations: { id: string; title: string; inForceFrom?: string; inForceUntil?: string; source: string }[];
  howToReport: { title: { id: string; en: string }; steps: { id: string; en: string; source?: string }[] };
  whatHappensNext: {
    title: { id: string; en: string };
    steps: { state: string; label: { id: string; en: string }; explanation: { id: string; en: string }; deadlineRuleIds: string[] }[];
  };
  outcomes: { id: string; label: string; labelEn: string; source: string }[];
  pledge: { title: { id: string; en: string }; paragraphs: { id: string; en: string }[] };
}

export function buildGuide(): Guide {
  return {
    title: {
      id: 'Panduan netralitas ASN dan perangkat desa dalam Pilkada',
      en: 'Guide to civil-servant and village-official neutrality in regional elections',
    },
    intro: {
      id: 'ASN (PNS dan PPPK), kepala desa dan perangkat desa wajib netral dalam pemilihan kepala daerah. Panduan ini menjelaskan perbuatan yang dilarang, sanksinya, batas waktu penanganan, dan cara melapor. Isinya dihasilkan dari katalog yang sama dengan yang dipakai petugas dalam Netra.',
      en: 'Civil servants (PNS and PPPK), village heads and village officials must stay neutral in regional elections. This guide lists the prohibited acts, their sanctions, the handling deadlines and how to report. It is generated from the same catalogues Netra’s staff use.',
    },
    stageRule: {
      id: 'Sebelum penetapan pasangan calon (untuk Pilkada 2024: 22 September 2024), perbuatan terhadap bakal calon masuk katalog kode etik dengan sanksi moral. Sejak penetapan, perbuatan terhadap calon masuk katalog disiplin dengan hukuman disiplin sedang atau berat. Menjadi anggota atau pengurus partai politik selalu berujung pemberhentian tidak dengan hormat.',
      en: 'Before candidate determination (22 September 2024 for Pilkada 2024), acts concerning prospective candidates fall under the code-of-ethics catalogue (moral sanction). From determination on, acts concerning candidates fall under the disciplinary catalogue (medium or severe penalties). Party membership always leads to dishonourable dismissal.',
      source: `SKB Netralitas ASN 2022 Lampiran II; tahapan "${CANDIDATE_DETERMINATION_STAGE}" PKPU 2/2024 [sebagian disimpulkan]`,
    },
    acts: SKB_CATALOGUE.map((item) => ({
      id: item.id,
      track: item.track,
      trackLabel: TRACK_LABELS[item.track],
      number: item.number,
      text: item.text,
      textEn: item.textEn,
      level: item.level,
      levelLabel: LEVEL_LABELS[item.level],
      sanctions: item.sanctionKeys.map((key) => {
        const s = ALL_SANCTIONS.find((x) => x.key === key)!;
        return { key: s.key, label: s.label, labelEn: s.labelEn, source: s.source };
      }),
      source: item.source,
    })),
    neutralityActs: NEUTRALITY_ACTS.map((a) => ({
      id: a.id,
      label: a.label,
      labelEn: a.labelEn,
      beforeDetermination: a.before,
      onOrAfterDetermination: a.onOrAfter,
      ...(a.note ? { note: a.note } : {}),
    })),
    uuPilkada: UU_PILKADA_CATALOGUE.map((e) => ({
      id: e.id,
      article: e.article,
      kind: e.kind,
      text: e.text,
      textEn: e.textEn,
      ...(e.penalty ? { penalty: e.penalty } : {}),
      ...(e.criminalSanctionId ? { relatedTo: e.criminalSanctionId } : {}),
      source: e.source,
      ...(e.unconfirmed ? { unconfirmed: e.unconfirmed, unconfirmedEn: e.unconfirmedEn ?? e.unconfirmed } : {}),
    })),
    subjects: SUBJECT_TYPE_CATALOGUE.map((s) => ({
      id: s.id,
      label: s.label,
      labelEn: s.labelEn,
      isAsn: s.isAsn,
      source: s.source,
      ...(s.note ? { note: s.note } : {}),
    })),
    deadlines: DEADLINE_RULES.map((rule) => ({
      id: rule.id,
      versionId: rule.versionId,
      title: rule.title,
      titleEn: rule.titleEn,
      length: describeDeadlineLength(rule),
      source: rule.source,
      ...(rule.inForceFrom ? { inForceFrom: rule.inForceFrom } : {}),
      ...(rule.inForceUntil ? { inForceUntil: rule.inForceUntil } : {}),
      ...(rule.unconfirmed ? { unconfirmed: rule.unconfirmed, unconfirmedEn: rule.unconfirmedEn ?? rule.unconfirmed } : {}),
    })),
    regulations: REGULATION_REGIMES.map((r) => ({
      id: r.id,
      title: r.title,
      inForceFrom: r.inForceFrom,
      inForceUntil: r.inForceUntil,
      source: r.source,
    })),
    howToReport: {
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
    },
    whatHappensNext: {
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
    },
    outcomes: CLASSIFICATIONS.map((c) => ({ id: c.id, label: c.label, labelEn: c.labelEn, source: c.source })),
    pledge: {
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
    },
  };
}
