// Acts: the kinds of neutrality breach the article is about, mapped to the SKB 2022
// catalogue (Lampiran II, see /work/shared/domain.md §3.4) and PP 94/2021 Pasal 5 huruf n.
//
// Labelling rule (code and eval set agree): an act counts when the article describes it as
// committed, alleged, or explicitly warned against by apparatus ("ASN dilarang berfoto
// dengan paslon" → foto_bersama). The pattern must sit in a sentence that mentions an
// apparatus group, neutrality, or a suspect ("yang bersangkutan", "oknum", "terlapor"), or
// right after such a sentence.
//
//   hadir_kampanye        attending a campaign, declaration or candidate's event
//   media_sosial          posting, sharing, liking, commenting, online campaigning
//   atribut               banners, billboards, stickers, party/candidate attributes
//   fasilitas_negara      official cars, offices, village halls, public budgets/programmes
//   mobilisasi            mobilising or steering voters, subordinates, village heads
//   menerima_bantuan      receiving aid/money/gifts from a candidate
//   keputusan_menguntungkan  decisions/actions benefiting or harming a candidate, officials
//                         rotated by an incumbent (UU Pilkada Pasal 71)
//   foto_bersama          photos with candidates, finger/hand gestures of a ballot number
//   deklarasi_dukungan    declaring support, support letters
//   lainnya               other breaches: winning-team membership, party office,
//                         distributing a candidate's goods or money, covert campaigning

import type { ActorMention } from './actors.ts';
import { findAll, sentenceText, type Doc, type Hit } from './text.ts';

export const ACTS = [
  'hadir_kampanye',
  'media_sosial',
  'atribut',
  'fasilitas_negara',
  'mobilisasi',
  'menerima_bantuan',
  'keputusan_menguntungkan',
  'foto_bersama',
  'deklarasi_dukungan',
  'lainnya',
] as const;
export type Act = (typeof ACTS)[number];

const EVENT = String.raw`(?:kampanye|deklarasi(?!\s+(?:dan\s+)?(?:netral|damai|kampanye damai|pemilu damai|anti))|acara (?:tim|paslon|calon|pasangan|kandidat|partai|pemenangan|bakal)|kegiatan (?:paslon|calon|pasangan|kandidat|partai|pemenangan|bakal)|pertemuan (?:terbatas|tatap muka|dengan (?:paslon|calon|kandidat|tim))|rapat umum|konsolidasi (?:tim|partai|pemenangan|relawan)|sosialisasi (?:paslon|calon|pasangan|bakal)|silaturahmi (?:paslon|calon|politik)|blusukan|(?:jalan sehat|senam|pengajian|pawai|konvoi|arak-arakan|syukuran|pertemuan|acara|kegiatan|rapat|posko)\b[^.!?\n]{0,30}?\b(?:tim (?:pemenangan|sukses|kampanye)|timses|relawan (?:paslon|pasangan|calon)|paslon|pasangan calon|calon (?:bupati|wali ?kota|gubernur)))`;

const ACT_PATTERNS: ReadonlyArray<{ act: Act; re: RegExp; sentenceMust?: RegExp }> = [
  {
    act: 'hadir_kampanye',
    re: new RegExp(
      String.raw`\b(?:menggelar|mengadakan|menyelenggarakan)\s+${EVENT}|\b(?:pembawa acara|pemandu acara|moderator)\b[^.!?\n]{0,30}?\b${EVENT}|\bnaik (?:ke )?(?:atas )?panggung\b[^.!?\n]{0,30}?\b(?:kampanye|paslon|pasangan calon|calon (?:bupati|wali ?kota|gubernur))|\b(?:(?:meng)?hadiri?|kehadiran|keikutsertaan|ikut(?: serta)?|turut(?: serta)?|terlibat|keterlibatan|mengikuti|berpartisipasi|tampak|terlihat|berada|datang|berorasi)\b[^.!?\n]{0,60}?\b${EVENT}|\b(?:duduk|berdiri|bergabung)\s+(?:di\s+)?(?:barisan|deretan|tengah)\s+(?:pendukung|massa|simpatisan)|\b(?:(?:meng)?hadiri?|mendatangi|datang ke)\s+(?:kegiatan|acara|pertemuan)\s+politik|\b(?:sambutan|orasi|berpidato|bernyanyi|berjoget|panggung)\b[^.!?\n]{0,30}?\b(?:dalam|di|pada|saat|ketika)\s+(?:acara\s+|kegiatan\s+|panggung\s+)?kampanye\b|\b(?:hadir|tampil|terlihat|tampak|berada)\s+(?:dalam|di|pada|saat)\s+(?:acara\s+|kegiatan\s+|lokasi\s+|panggung\s+)?kampanye\b|\b(?:menuju|mendatangi|datang ke|pergi ke|berangkat ke) (?:lokasi|tempat|arena|lapangan|panggung) kampanye\b|\b(?:melihat|lihat|menonton|nonton|menyaksikan) (?:acara |kegiatan )?kampanye\b|\bjuru kampanye\b|\bjurkam\b|\bberkampanye\b(?!\s+(?:di (?:media sosial|medsos)|(?:secara )?(?:daring|online)|lewat|melalui))|\bkampanye (?:paslon|calon|pasangan)[^.!?\n]{0,30}\b(?:dihadiri|hadir)\b`,
      'g',
    ),
  },
  {
    act: 'media_sosial',
    re: /\b(?:media sosial|medsos|facebook|fb|instagram|ig|tiktok|twitter|whatsapp|grup wa|status wa|story|stori|unggah(?:an)?|mengunggah|postingan|posting|memposting|membagikan (?:konten|unggahan|postingan|tautan|link|video|foto)|like|likes|menyukai|me-like|komentar|berkomentar|mengomentari|akun|youtube|live streaming|siaran langsung|konten (?:kampanye|dukungan|politik)|kampanye (?:daring|online|di media sosial)|share)\b/g,
  },
  {
    act: 'atribut',
    re: /\b(?:atribut(?: kampanye| partai| paslon| calon| pasangan)?|alat peraga kampanye|apk|baliho|spanduk|stiker|poster|bendera partai|kaos (?:salah satu )?(?:paslon|pasangan|calon|bergambar|kampanye|partai|bertuliskan)|(?:mengenakan|memakai|berkaos) (?:kaos|baju|rompi|topi|jaket)\b[^.!?\n]{0,30}?\b(?:paslon|pasangan calon|calon|partai|kandidat|nomor urut)|memasang (?:baliho|spanduk|stiker|poster|gambar|foto) |rompi (?:paslon|calon|bergambar)|seragam (?:partai|tim|dinas|pns|asn|korpri))\b/g,
  },
  {
    act: 'fasilitas_negara',
    re: /\b(?:fasilitas (?:negara|pemerintah|dinas|jabatan|kantor|desa|daerah|publik)|mobil dinas|kendaraan dinas|randis|mobil (?:operasional|plat merah|pelat merah)|plat merah|pelat merah|uang negara|sarana (?:dan prasarana )?(?:milik )?(?:negara|pemerintah|desa))\b/g,
  },
  {
    // Offices and halls only count when the sentence is about campaigning there (appeals are
    // often held in the same halls).
    act: 'fasilitas_negara',
    re: /\b(?:kantor (?:desa|camat|kecamatan|dinas|bupati|wali ?kota|gubernur|kelurahan|pemerintah|wali nagari|nagari|kampung|pekon|gampong|keuchik|kepala desa|lurah)|ruang (?:kelas|kerja|rapat|guru|kantor|pertemuan)|memfasilitasi (?:kegiatan |acara )?(?:kampanye|pertemuan)|balai (?:desa|kampung|kelurahan)|aula (?:kantor|desa|kecamatan|pemkab|pemkot|pemprov|dinas)|gedung (?:milik )?(?:pemerintah|pemda|pemkab|pemkot|pemprov|dinas|negara)|rumah dinas\w*|rumah jabatan|aula (?:sebuah )?(?:sekolah\w*|madrasah|sd|smp|sma|smk|mi|mts|puskesmas|rsud|gedung|balai)|gedung sekolah|kop surat\w*|(?:ber)?kop (?:resmi|kelurahan|desa|kecamatan|dinas|pemkab|pemkot|pemprov|pemda|pemerintah|instansi|kantor|sekolah)|(?:kendaraan|mobil|truk|alat berat|mobil derek|derek|bus|ambulans|ambulan|motor|gedung|aula|lapangan|rumah)\b[^.!?\n]{0,12}\bmilik (?:dinas|pemkab|pemkot|pemprov|pemda|pemerintah|negara|desa|sekolah|puskesmas|rsud|rumah sakit umum daerah|kecamatan|kelurahan|kantor)|ambulans (?:desa|puskesmas|rsud|pemkab|pemkot|pemda|dinas)|(?:mobil|kendaraan) operasional (?:kecamatan|kelurahan|kantor|desa|dinas|puskesmas|sekolah|pemkab|pemkot|pemprov|pemda)|kendaraan operasional|anggaran (?:negara|daerah|desa|pemerintah|dinas)|apbd|apbdes|dana desa|dibiayai)\b/g,
    sentenceMust:
      /\b(?:kampanye|paslon|pasangan calon|calon (?:bupati|wali ?kota|gubernur)|pemenangan|memenangkan|tim sukses|dukungan|mendukung|deklarasi (?!netral)|politik(?! praktis))/,
  },
  {
    act: 'mobilisasi',
    re: /\b(?:mobilisasi|memobilisasi|dimobilisasi|mobilisir|memobilisir|(?:mengerahkan|pengerahan) (?:massa|warga|asn|pegawai|pemilih|bawahan|kepala desa|kades|perangkat|pns|guru)|mengarahkan (?:warga|masyarakat|pemilih|asn|pegawai|bawahan(?:nya)?|staf(?:nya)?|guru|para|pns|perangkat|kepala desa|kades|rt|rw|ketua rt|tenaga)|diarahkan (?:untuk )?(?:memilih|mendukung|mencoblos)|mengajak (?:warga|masyarakat|pemilih|asn|pegawai|bawahan|staf|guru|pns|perangkat|para)\b[^.!?\n]{0,35}\b(?:memilih|mendukung|mencoblos|coblos|pilih)|menggiring|intimidasi|mengintimidasi|menekan (?:warga|bawahan|pegawai|asn)|menekan (?:untuk|agar) (?:mendukung|memilih)|mengumpulkan (?:warga|kepala desa|para kepala desa|kades|asn|perangkat desa|pegawai|ketua rt|rt|guru|para)|mengumpulkan[^.!?\n]{0,25}\buntuk (?:memilih|mendukung|memenangkan)|(?<!siap )memenangkan (?:paslon|pasangan|calon|salah satu)|(?:meminta|memastikan|mengajak|menyuruh|memerintahkan|menginstruksikan|mengarahkan|menekan|mendorong|menyerukan|menyeru|diminta|diarahkan|disuruh)\s+(?:[a-z]+\s+){0,4}?(?:untuk\s+|agar\s+)?(?:memilih|mencoblos|mendukung|memenangkan|menangkan)\s+(?:salah satu|paslon|pasangan (?:calon )?(?:nomor|tertentu|petahana)|calon (?:[a-z]+ ){0,3}?(?:petahana|tertentu|nomor)|petahana|nomor urut|kandidat tertentu)|(?:mengangkut|membawa|mengerahkan|memobilisasi|mengantar) (?:massa|warga|pemilih|pendukung)\b[^.!?\n]{0,30}\b(?:kampanye|paslon|pasangan calon|calon)|ajakan (?:memilih|mendukung|untuk memilih|untuk mendukung)|instruksi (?:untuk )?(?:memilih|mendukung)|(?:menyebarkan|membagikan|mengedarkan|menyebar) undangan\b[^.!?\n]{0,80}\b(?:calon|paslon|kampanye|pemenangan)|menginstruksikan[^.!?\n]{0,30}\b(?:memilih|mendukung)|(?:mengancam|ancam|ancaman|diancam)\b[^.!?\n]{0,70}?\b(?:tidak|tak|enggan|menolak) (?:memilih|mendukung|mencoblos|pilih|dukung|coblos)|(?:memindahkan|memutasi|mencopot|memecat|memberhentikan|menonaktifkan|memindah)\b[^.!?\n]{0,40}?\b(?:yang|jika|bila|kalau|apabila) (?:tidak|tak) (?:memilih|mendukung|mencoblos)|menekan\b[^.!?\n]{0,40}?\b(?:untuk|agar|supaya) (?:memilih|mendukung|mencoblos|memenangkan)|mengumpulkan (?:para )?(?:bawahan|staf|anak buah)\w*|(?:memilih|mencoblos|mendukung|memenangkan) pasangan calon (?:[a-z]+ ){0,3}?(?:petahana|tertentu|nomor))\b/g,
  },
  {
    act: 'menerima_bantuan',
    re: /\b(?:menerima|terima|diterima|menerimanya)\b[^.!?\n]{0,35}?\b(?:bantuan|uang|sembako|hadiah|pemberian|amplop|bingkisan|paket|fasilitas|sumbangan|dana|barang|sepeda motor|motor|ponsel|handphone|telepon genggam|emas)\b/g,
  },
  {
    act: 'keputusan_menguntungkan',
    re: /\b(?:(?:keputusan|kebijakan|tindakan|program|kegiatan)[^.!?\n]{0,50}?\b(?:menguntungkan|merugikan)|menguntungkan (?:atau merugikan )?(?:salah satu|pasangan|paslon|calon|kandidat|petahana)|mutasi|rotasi (?:jabatan|pejabat|asn)|pergantian pejabat|penggantian pejabat|melantik pejabat|pelantikan pejabat|politisasi (?:bansos|bantuan|program|anggaran)|mengganti (?:[a-z0-9]+ )?(?:pejabat|kepala (?:dinas|opd|bagian|sekolah|puskesmas)|camat|lurah|sekda|kadis)|(?:menahan|menunda|memotong|menghentikan|mencabut|tidak mencairkan)\b[^.!?\n]{0,50}?\b(?:yang|jika|bila|karena|lantaran) (?:tidak|tak|enggan|menolak) (?:mau )?(?:memilih|mendukung|mencoblos)|(?:mencoret|dicoret|menghapus|dihapus|dikeluarkan|mengeluarkan)\b[^.!?\n]{0,40}?\bdari (?:daftar )?penerima|(?:karena|sebab|lantaran) (?:berbeda|beda) (?:pilihan|dukungan)|(?:memasukkan|mendata|menetapkan|memilih|menjadikan)\s+(?:[a-z]+\s+){0,2}?(?:pendukung|simpatisan)\b[^.!?\n]{0,40}?\bsebagai penerima|bansos|bantuan sosial)\b/g,
  },
  {
    act: 'foto_bersama',
    re: /\b(?:foto (?:[a-z]+ ){1,2}?(?:bersama|dengan|bareng) (?:calon|paslon|pasangan|kandidat|cabup|cagub|cawalkot|petahana|caleg)|foto bersama|berfoto|swafoto|selfie|foto (?:dengan|bareng|bersama)|berpose|pose|gestur|gesture|simbol (?:jari|tangan|angka)|salam (?:satu|dua|tiga|empat|lima) jari|mengacungkan|acungan|jari (?:membentuk|menunjukkan|telunjuk)|(?:satu|dua|tiga|empat|lima|[1-5]) jari)\b/g,
  },
  {
    act: 'deklarasi_dukungan',
    re: /\b(?:deklarasi dukungan|mendeklarasikan (?:dukungan|diri)|menyatakan dukungan|menyatakan sikap mendukung|nyatakan dukungan|menyampaikan dukungan|ikrar dukungan|deklarasi (?:mendukung|dukung|memenangkan|relawan)|surat (?:pernyataan )?dukungan|pernyataan dukungan|mengumumkan dukungan|kebulatan tekad|siap (?:memenangkan|menangkan|mendukung|memilih) (?:paslon|pasangan|calon|petahana|salah satu|nomor)|mengumpulkan (?:ktp|fotokopi ktp|dukungan))\b/g,
  },
  {
    act: 'lainnya',
    re: /\b(?:(?:menjadi|jadi|sebagai|bagian(?: dari)?|tergabung (?:dalam|di)|masuk(?: dalam)?|anggota|ketua|koordinator|terdaftar (?:dalam|di|sebagai))\s+(?:anggota\s+)?(?:tim (?:sukses|pemenangan|kampanye)|timses|relawan)|anggota partai|pengurus partai|kader partai|politik uang|money politic|membagikan (?:[a-z0-9.]+ ){0,3}?(?:paket )?(?:sembako|bantuan|uang|amplop|bingkisan|kalender|stiker|kaos|beras)|bagi-bagi (?:sembako|uang|amplop)|kampanye terselubung|pendekatan (?:ke|kepada) partai|mendaftar (?:ke|sebagai) (?:bakal )?calon|menjadi (?:bakal )?calon|ujaran kebencian|keberpihakan (?:secara )?(?:nyata|terang))\b/g,
  },
];

// Sentences in which an act word is about apparatus conduct.
// Case-handling words and collective pronouns ("Ketiganya sebelumnya direkomendasikan Bawaslu
// karena menghadiri kampanye…") also tie an act to the suspects.
const SUBJECT_RE =
  /\b(?:netral\w*|ketidaknetralan|yang bersangkutan|oknum|terlapor|tersangka|terdakwa|dilarang|larangan|melarang|tidak boleh|jangan|pelanggaran|kasus|diduga|dugaan|dilaporkan|terbukti|direkomendasikan|rekomendasi|sanksi|diperiksa|diklarifikasi|klarifikasi|keduanya|ketiganya|keempatnya|kelimanya|mereka)\b/g;
// "… tersebut", and the driver, owner or poster of the thing just told ("Pengemudinya …").
const BACK_REFERENCE_RE = /\b(?:itu|tersebut|tadi|(?:pengemudi|sopir|pemilik|pengguna|pemasang|pengunggah|pelaku)nya)\b/;
const EVENT_HERE_RE = /\b(?:pertemuan|kegiatan|acara|rapat|digelar|dilaksanakan|diadakan|berlangsung)\b/;
// "membantah ikut menjadi bagian tim sukses": a denial is not an allegation of that act.
const DENIAL_BEFORE_RE = /\b(?:membantah|menampik|menyangkal|bantah|tidak pernah|tak pernah)\b[^.!?\n]{0,30}$/;
// Evidence that circulated online is not the act: "video yang beredar di media sosial".
// Stickers on goods being handed out belong to the distribution ("sembako bertempel stiker
// paslon"), and a picture set as a profile photo is social-media conduct, not an attribute.
// A call to vote made online ("mengajak pengikutnya memilih paslon" in a TikTok live, "disertai
// ajakan memilih" in a post) is social-media conduct, not mobilisation; a call that is the content
// of someone else's event ("pengajian yang diisi ajakan memilih") is not the suspect's act.
const ONLINE_RE =
  /\b(?:media sosial|medsos|facebook|instagram|tiktok|twitter|youtube|akun|unggah\w*|mengunggah|postingan|warganet|netizen|pengikut\w*|penonton\w*|siaran langsung|live|story|status wa|status whatsapp|konten|video)\b/;
// "Video seorang lurah yang menyerukan warga memilih … viral di media sosial": the video that
// circulated is evidence, not the medium of the call.
function withoutCirculation(sentence: string): string {
  return /\b(?:viral|beredar|tersebar)\b/.test(sentence)
    ? sentence.replace(/\b(?:video|foto|rekaman|media sosial|medsos)\b/g, ' ')
    : sentence;
}
const EVENT_CONTENT_BEFORE_RE = /\b(?:diisi|berisi|bermuatan|disertai)\s+$/;
const GOODS_BEFORE_RE = /\b(?:sembako|bansos|bantuan|beras|paket|amplop|bingkisan|kalender|minyak)\b[^.!?\n]{0,30}$/;
const PROFILE_AFTER_RE = /^[^.!?\n]{0,40}\b(?:akun|profil|media sosial|medsos|facebook|whatsapp|instagram|tiktok|status)\b/;
// Goods handed out are distribution (lainnya), not attributes put up or worn: "membagikan stiker
// paslon", "membagikan kaos calon".
const DISTRIBUTION_BEFORE_RE =
  /\b(?:membagikan|membagi|bagi-bagi|menyebarkan|mengedarkan|memberikan|membagi-bagikan)\s+(?:[\w-]+\s+){0,2}$/;
// Attending a declaration is attendance, not declaring: "menghadiri deklarasi dukungan".
// ("ikut deklarasi relawan" joins the declaration and stays deklarasi_dukungan.)
const ATTENDING_BEFORE_RE = /\b(?:menghadiri|hadiri|hadir (?:di|dalam|pada)|datang (?:ke|di))\s+(?:acara\s+|kegiatan\s+)?$/;
const NEARBY_BEFORE_RE =
  /\b(?:(?:di|ke) (?:depan|sekitar|dekat|samping|seberang|belakang|pagar|dinding|tembok|gerbang|gapura|pintu masuk)|(?:meter|km|kilometer|tak jauh|tidak jauh|jauh) dari)\s+$/;
const PROGRAMME_BEFORE_RE = /\b(?:blt|bantuan langsung tunai|penerima|penyaluran|pencairan)\s+(?:bantuan\s+)?$/;
// A vehicle is the subject of the attendance verb ("Mobil pelat merah yang dipakai camat terekam ikut
// dalam konvoi paslon"): the car's use is the act (fasilitas_negara), not its user's attendance.
const VEHICLE_SUBJECT_RE =
  /^(?:[^\n]{0,40}?[–—,]\s*)?(?:sebuah |satu unit |seunit )?(?:mobil|kendaraan|truk|bus|ambulans?|sepeda motor|motor)\b/;
// A commander gathering his own staff for a briefing ("mengumpulkan para Bhabinkamtibmas dalam apel")
// is where an appeal is made, not mobilisation, unless the sentence tells them whom to vote for.
const BRIEFING_RE = /\b(?:apel|rapat (?:koordinasi|pimpinan|dinas|kerja)|rakor|pengarahan|pembinaan|briefing|sosialisasi)\b/;
const VOTE_RE = /\b(?:memilih|mencoblos|mendukung|memenangkan|menangkan)\b/;
// Officers removing campaign material ("Bawaslu bersama Satpol PP menertibkan 1.240 APK") enforce the
// rules: the attributes are not the apparatus's own.
const ENFORCEMENT_RE =
  /\b(?:(?:menertibkan|ditertibkan|tertibkan|penertiban|menurunkan|diturunkan|turunkan|mencopot|dicopot|copot|membongkar|dibongkar|bongkar|mencabut|dicabut|membersihkan|pembersihan|merazia|razia)(?:nya)?)\b/;
const CIRCULATION_BEFORE_RE = /\b(?:beredar|viral|tersebar|ramai|heboh|diunggah|dibagikan|menyebar)\b[^.!?\n]{0,25}$/;

/**
 * `ownSentencesOnly`: only acts told in the mentions' own sentences (used as relevance evidence:
 * a concrete act by the apparatus member himself, "anggota Polres … terekam mengajak warga memilih").
 */
export function extractActs(doc: Doc, actorMentions: readonly ActorMention[], ownSentencesOnly = false): Act[] {
  const found = new Set<Act>();
  scanActs(doc, actorMentions, ownSentencesOnly, (act) => {
    found.add(act);
    return true;
  });
  return ACTS.filter((act) => found.has(act));
}

/**
 * Acts told in the actors' own sentences, by sentence: relevance evidence in its own right
 * ("Bhabinkamtibmas … terekam membagikan kaos caleg", "melarang kepala desa ikut berkampanye").
 */
export function ownActSentences(doc: Doc, actorMentions: readonly ActorMention[]): Map<number, Act[]> {
  const out = new Map<number, Act[]>();
  scanActs(doc, actorMentions, true, (act, sentence) => {
    const list = out.get(sentence);
    if (!list) out.set(sentence, [act]);
    else if (!list.includes(act)) list.push(act);
    return false;
  });
  return out;
}

/** `accept` returns true when the act is settled (no further hits of it are needed). */
function scanActs(
  doc: Doc,
  actorMentions: readonly ActorMention[],
  ownSentencesOnly: boolean,
  accept: (act: Act, sentence: number) => boolean,
): void {
  const anchored = anchorSentences(doc, actorMentions, ownSentencesOnly);
  const settled = new Set<Act>();
  for (const { act, re, sentenceMust } of ACT_PATTERNS) {
    if (settled.has(act)) continue;
    for (const hit of findAll(doc, re)) {
      if (isExcludedPlaceHit(doc, act, hit, sentenceMust) || isExcludedActHit(doc, act, hit)) continue;
      if (anchored.has(hit.sentence) || (!ownSentencesOnly && (anchored.has(hit.sentence - 1) || anchored.has(hit.sentence + 1)))) {
        if (accept(act, hit.sentence)) {
          settled.add(act);
          break;
        }
      }
    }
  }
}

/** Sentences an act may be told in: the actor mentions', the subject scan's, or one pointed back to. */
function anchorSentences(doc: Doc, actorMentions: readonly ActorMention[], ownSentencesOnly: boolean): Set<number> {
  const anchored = new Set<number>();
  for (const mention of actorMentions) anchored.add(mention.sentence);
  // The subject scan only adds anchors when some sentence is not already within one sentence
  // of an actor mention.
  const covered = (sentence: number) => anchored.has(sentence) || anchored.has(sentence - 1) || anchored.has(sentence + 1);
  let allCovered = true;
  for (let sentence = 0; sentence < doc.sentences.length && allCovered; sentence++) allCovered = covered(sentence);
  if (!ownSentencesOnly && !allCovered) for (const hit of findAll(doc, SUBJECT_RE)) anchored.add(hit.sentence);
  // "… mobil derek milik dinas untuk memasang baliho. Pegawai yang mengemudikan mobil itu dipanggil":
  // the actor sentence points back to the act told just before it.
  else
    for (const mention of actorMentions)
      if (BACK_REFERENCE_RE.test(sentenceText(doc, mention.sentence))) anchored.add(mention.sentence - 1);
  return anchored;
}

/** Not the act: outside the place sentence, denied, ID cards collected, the office as employer, a place nearby. */
function isExcludedPlaceHit(doc: Doc, act: Act, hit: Hit, sentenceMust: RegExp | undefined): boolean {
  // The place sentence itself, or an event held there after a campaign sentence
  // ("… mengarahkan mereka memenangkan paslon. Pertemuan itu digelar di aula kelurahan.").
  if (
    sentenceMust &&
    !sentenceMust.test(sentenceText(doc, hit.sentence)) &&
    !(EVENT_HERE_RE.test(sentenceText(doc, hit.sentence)) && sentenceMust.test(sentenceText(doc, hit.sentence - 1)))
  )
    return true;
  if (DENIAL_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 40), hit.index))) return true;
  // Collecting ID cards or support for a candidate is declared support, not mobilisation.
  if (act === 'mobilisasi' && /^mengumpulkan\s+(?:\w+\s+){0,2}?(?:ktp|dukungan)\b/.test(hit.text)) return true;
  // "staf kantor camat": the office is the employer, not a building used.
  if (
    sentenceMust &&
    /^kantor/.test(hit.text) &&
    /\b(?:staf|pegawai|karyawan|honorer|petugas)\s+$/.test(doc.lower.slice(Math.max(0, hit.index - 12), hit.index))
  )
    return true;
  // "di depan kantor desa", "200 meter dari kantor camat": a place next to the act, not the use of the building.
  if (sentenceMust && NEARBY_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 24), hit.index))) return true;
  // "BLT dana desa": the programme a decision is about (keputusan_menguntungkan), not the money used.
  if (
    act === 'fasilitas_negara' &&
    /^dana desa/.test(hit.text) &&
    PROGRAMME_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 30), hit.index))
  )
    return true;
  return false;
}

/** Another act or none, by act: invitations, a facility used, threats, online acts, goods handed out. */
function isExcludedActHit(doc: Doc, act: Act, hit: Hit): boolean {
  // Inviting or bringing others to a candidate's event is mobilisation, not attendance:
  // "menyebarkan undangan … kepada warga untuk menghadiri pertemuan pasangan calon".
  if (
    act === 'hadir_kampanye' &&
    /\b(?:warga|masyarakat|pemilih|penduduk|ketua rt|rt|rw|ibu-ibu|jemaah|tokoh \w+)\b[^.!?\n]{0,15}\b(?:untuk|agar|supaya)\s+$/.test(
      doc.lower.slice(Math.max(0, hit.index - 40), hit.index),
    ) &&
    /\b(?:undangan|mengundang|mengajak|mengerahkan|memobilisasi|menyuruh|memerintahkan|meminta)\b/.test(
      doc.lower.slice(Math.max(doc.sentences[hit.sentence].start, hit.index - 120), hit.index),
    )
  )
    return true;
  // "tidak menggunakan ruang kelas … untuk berkampanye": the act is the use of the facility.
  if (
    act === 'hadir_kampanye' &&
    /^berkampanye/.test(hit.text) &&
    /\buntuk\s+$/.test(doc.lower.slice(Math.max(0, hit.index - 8), hit.index)) &&
    /\b(?:menggunakan|memakai|memanfaatkan|menjadikan)\b/.test(sentenceText(doc, hit.sentence))
  )
    return true;
  // "mengancam memutasi guru yang tidak memilih petahana": a threat to move staff is pressure to vote.
  if (
    act === 'keputusan_menguntungkan' &&
    /\b(?:mengancam|ancam|ancaman|diancam)\b[^.!?\n]{0,20}$/.test(doc.lower.slice(Math.max(0, hit.index - 30), hit.index))
  )
    return true;
  if (
    act === 'mobilisasi' &&
    (ONLINE_RE.test(withoutCirculation(sentenceText(doc, hit.sentence))) ||
      EVENT_CONTENT_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 12), hit.index)))
  )
    return true;
  if (
    act === 'atribut' &&
    (GOODS_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 40), hit.index)) ||
      (/^memasang (?:gambar|foto)/.test(hit.text) && PROFILE_AFTER_RE.test(doc.lower.slice(hit.end, hit.end + 60))))
  )
    return true;
  if (
    act === 'atribut' &&
    /^(?:stiker|kaos|poster|kalender)/.test(hit.text) &&
    DISTRIBUTION_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 40), hit.index))
  )
    return true;
  if (act === 'hadir_kampanye' && VEHICLE_SUBJECT_RE.test(doc.lower.slice(doc.sentences[hit.sentence].start, hit.index).trimStart()))
    return true;
  if (
    act === 'mobilisasi' &&
    /^mengumpulkan/.test(hit.text) &&
    BRIEFING_RE.test(sentenceText(doc, hit.sentence)) &&
    !VOTE_RE.test(sentenceText(doc, hit.sentence))
  )
    return true;
  if (act === 'atribut' && ENFORCEMENT_RE.test(sentenceText(doc, hit.sentence))) return true;
  if (act === 'deklarasi_dukungan' && ATTENDING_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 40), hit.index))) return true;
  if (act === 'media_sosial' && CIRCULATION_BEFORE_RE.test(doc.lower.slice(Math.max(0, hit.index - 40), hit.index))) return true;
  return false;
}
