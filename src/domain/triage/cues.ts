// Shared cue vocabularies (lower-case regexes). Compiled once at module load.

/** Election context: the article is about an election. */
export const ELECTION_RE =
  /\b(?:pilkada|pemilu|pilgub|pilbup|pilwalkot|pilwako|pileg|pilpres|pemilihan (?:umum|kepala daerah|gubernur|bupati|wali ?kota|serentak|presiden|legislatif)|kampanye|paslon|pasangan calon|bapaslon|bakal (?:pasangan )?calon|calon (?:bupati|wakil bupati|wali ?kota|wakil wali ?kota|gubernur|wakil gubernur|kepala daerah|legislatif|presiden|anggota dprd?)|cabup|cawabup|cagub|cawagub|cawalkot|cawawalkot|bawaslu|panwaslu|panwaslih|panwascam|kpu|kpud|pencoblosan|pemungutan suara|tps|pesta demokrasi|kontestasi|petahana|tim (?:sukses|pemenangan)|berkampanye|salah satu calon|calon tertentu|calon anggota legislatif|caleg|(?:tindak )?pidana pemilihan)\b/g;

/** Neutrality vocabulary. */
export const NEUTRALITY_RE =
  /\b(?:netral|netralitas|kenetralan|ketidaknetralan|tidak netral|berpihak|keberpihakan|memihak|politik praktis|cawe-cawe|independensi)\b/g;

/** Words that tie an apparatus mention to electoral partiality or a violation. */
export const VIOLATION_RE =
  /\b(?:kampanye|mengampanyekan|mengkampanyekan|kampanyekan|paslon|pasangan calon|calon (?:bupati|wali ?kota|gubernur|kepala daerah|tertentu|nomor)|cabup|cagub|cawalkot|bakal calon|petahana|mendukung(?! (?:penuh|polri|tni|pengamanan|kelancaran|pelaksanaan|penyelenggaraan|tahapan|program|kegiatan|suksesnya|kesuksesan|upaya|terciptanya|kinerja))|dukungan(?! (?:tni|polri|pengamanan|anggaran|logistik|personel|pemerintah|pemda|penuh))|deklarasi|konvoi|jargon|(?:kasus|pelanggaran) (?:\w+ )?melibatkan|memenangkan|menangkan|nomor urut|ajakan (?:memilih|mendukung)|tim (?:sukses|pemenangan)|timses|mengarahkan|mobilisasi|memobilisasi|berfoto|foto bersama|swafoto|pose|gestur|simbol jari|unggahan|mengunggah|media sosial|medsos|atribut|baliho|spanduk|fasilitas negara|mobil dinas|dilaporkan|diduga|dugaan|terlapor|pelanggaran|sanksi|pasal 70|pasal 71|pasal 188|pasal 189|pasal 280|pasal 282|pasal 283|pasal 494|politik uang|bawaslu|kasn|bkn|pidana|terjerat|unggah\w*|konten (?:politik|kampanye)|(?:kegiatan|aktivitas|acara) politik|berkampanye|salah satu calon|bermedia sosial|pelat merah|kendaraan dinas|kendaraan milik pemerintah|kop surat|alat peraga kampanye|apk|barisan pendukung|fotokopi ktp|ktp warga|melantik|lantik|pelantikan|mutasi|penggantian pejabat)\b/g;

/** Suspicion: the apparatus member is the suspect, not the speaker. */
export const SUSPICION_RE =
  /\b(?:diduga|dugaan|dilaporkan|terlapor|terbukti|melanggar|tidak netral|ketidaknetralan|menyatakan dukungan|menyampaikan dukungan|deklarasi dukungan|viral|kedapatan|kepergok|terekam|tertangkap|dipanggil|diperiksa|diklarifikasi|dijatuhi|disanksi|dicopot|dinonaktifkan|ikut kampanye|menghadiri kampanye|hadir (?:dalam|di|pada) (?:acara |kegiatan )?kampanye)\b/;

/** Active speech/appeal verbs: the mention before them is the speaker. */
export const SPEECH_AFTER_RE =
  /^([^!?\n]{0,90}?)\b(?:mengimbau|menghimbau|imbau|himbau|mengingatkan|ingatkan|menegaskan|tegaskan|meminta|minta|menekankan|tekankan|mengajak|ajak|menyampaikan|sampaikan|mengatakan|menjelaskan|mengungkapkan|ungkapkan|berpesan|menginstruksikan|instruksikan|memerintahkan|perintahkan|menyatakan|membuka|memimpin|berharap|mengharapkan|menerangkan|menuturkan|memastikan|pastikan|mewanti-wanti|menginformasikan|memberikan arahan|memberi arahan|memberikan peringatan|memberi peringatan|mengeluarkan|menerbitkan|terbitkan|keluarkan|pimpin)\b(?!\s+(?:dukungan|sikap mendukung))/;

/** Passive/reporting frames before a mention: "disampaikan Pj Gubernur", "menurut Camat". */
export const SPEECH_BEFORE_RE =
  /\b(?:disampaikan|dikatakan|ditegaskan|diungkapkan|dijelaskan|diingatkan|diimbau|dihimbau|diinstruksikan|kata|ujar|tegas|menurut|imbauan|himbauan|instruksi|arahan|edaran|dijatuhkan|diberikan)\s+(?:oleh\s+)?(?:para\s+)?$/;

export const APPEAL_RE =
  /\b(?:imbau|himbau|imbauan|himbauan|mengimbau|menghimbau|mengingatkan|ingatkan|diingatkan|diminta|meminta|minta|harus netral|wajib netral|tetap netral|agar netral|untuk netral|menjaga netralitas|jaga netralitas|menjunjung|komitmen|berkomitmen|ikrar|deklarasi netralitas|apel netralitas|pakta integritas|sosialisasi|tekankan|menekankan|menegaskan|tegaskan|berpesan|larangan|dilarang|jangan|antisipasi|pencegahan|mencegah|edukasi|wanti-wanti|mewanti-wanti|surat edaran|instruksi|bimbingan teknis|bimtek|rakor|rapat koordinasi|penandatanganan)\b/g;

export const INCIDENT_RE =
  /\b(?:memeriksa|memanggil|menelusuri|memproses|diproses|mengkaji|diduga|dugaan|dilaporkan|melaporkan|terlapor|pelapor|viral|beredar|video|rekaman|kedapatan|tertangkap|terekam|kepergok|dipanggil|pemanggilan|klarifikasi|diklarifikasi|diperiksa|pemeriksaan|terbukti|dijatuhi|disanksi|dicopot|dinonaktifkan|diberhentikan|ditetapkan (?:sebagai )?tersangka|tersangka|divonis|vonis|persidangan|sidang|penyelidikan|penyidikan|gakkumdu|kronologi|temuan (?:pengawas|panwascam|bawaslu)|menindaklanjuti|ditindaklanjuti|teguran|hukuman disiplin|mengaku|membantah|berdalih)\b/g;

export const STATISTICS_RE =
  /\b(?:tercatat|mencatat|catatan|data|rekapitulasi|rekap|total|sebanyak|jumlah|terbanyak|tertinggi|peringkat|sepanjang|hingga saat ini|sejauh ini|per tanggal|rincian|rinciannya|di antaranya|terdiri (?:dari|atas)|meningkat|menurun|dibandingkan|persen|mayoritas|didominasi|sebaran|provinsi dengan)\b/g;

/** Count occurrences of a global regex in a string. */
export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(text)) count++;
  re.lastIndex = 0;
  return count;
}
