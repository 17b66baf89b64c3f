// Every UI string, in Bahasa Indonesia (the default and the source of keys) and English.
// `en` is typed against `id`, so a missing translation is a compile error.
import { mapEn, mapId } from './messages-map.ts';
import { reportEn, reportId } from './messages-report.ts';
import { trackingEn, trackingId } from './messages-tracking.ts';
import { caseworkEn, caseworkId } from './messages-casework.ts';
import { queueEn, queueId } from './messages-queue.ts';
import { actionsEn, actionsId } from './messages-actions.ts';
import { regionsEn, regionsId } from './messages-regions.ts';
import { staffEn, staffId } from './messages-staff.ts';
import { referralsEn, referralsId } from './messages-referrals.ts';
import { pledgesEn, pledgesId } from './messages-pledges.ts';
import { guideEn, guideId } from './messages-guide.ts';
import { leadsEn, leadsId } from './messages-leads.ts';
import { setupEn, setupId } from './messages-setup.ts';
import { laporEn, laporId } from './messages-lapor.ts';
import { handlingEn, handlingId } from './messages-handling.ts';
import { legalEn, legalId } from './messages-legal.ts';
import { accountsEn, accountsId } from './messages-accounts.ts';

const id = {
  ...reportId,
  ...trackingId,
  ...caseworkId,
  ...queueId,
  ...actionsId,
  ...regionsId,
  ...staffId,
  ...referralsId,
  ...leadsId,
  ...setupId,
  ...laporId,
  ...handlingId,
  ...mapId,
  ...pledgesId,
  ...guideId,
  ...legalId,
  ...accountsId,
  'app.name': 'Netra',
  'app.tagline': 'Pengawasan netralitas ASN dalam Pilkada',
  'a11y.skip': 'Langsung ke konten utama',
  'a11y.mainNav': 'Navigasi utama',
  'a11y.staffNav': 'Navigasi konsol staf',
  'a11y.breadcrumbs': 'Lokasi halaman',
  'a11y.menu': 'Menu',
  'lang.label': 'Bahasa',
  'lang.switchTo': 'English',
  'lang.switchToLabel': 'Switch to English',
  'nav.home': 'Beranda',
  'nav.report': 'Lapor',
  'nav.track': 'Lacak laporan',
  'nav.regions': 'Wilayah',
  'nav.guide': 'Panduan',
  'nav.staff': 'Konsol staf',
  'footer.about':
    'Netra adalah perangkat lunak sumber terbuka untuk pengawasan netralitas Aparatur Sipil Negara (ASN) dan perangkat desa dalam pemilihan kepala daerah.',
  'footer.disclaimer': 'Laporan resmi pelanggaran pemilihan ditangani oleh Bawaslu sesuai peraturan perundang-undangan.',
  'common.loading': 'Memuat…',
  'common.retry': 'Coba lagi',
  'common.comingSoon': 'Halaman ini sedang dibangun.',
  'common.backHome': 'Kembali ke beranda',
  'common.code': 'Kode',
  'common.search': 'Cari',
  'common.save': 'Simpan',
  'common.cancel': 'Batal',
  'common.none': '—',
  'common.yes': 'Ya',
  'common.no': 'Tidak',
  'home.title': 'Awasi netralitas ASN dalam Pilkada',
  'home.lead':
    'Aparatur Sipil Negara, kepala desa, dan perangkat desa wajib netral dalam pemilihan kepala daerah. Netra membantu masyarakat melaporkan dugaan pelanggaran dan membantu pengawas pemilu menanganinya tepat waktu hingga sanksi dijatuhkan.',
  'home.cta': 'Laporkan pelanggaran',
  'home.ctaHint': 'Laporan dapat dikirim tanpa akun. Identitas pelapor dilindungi.',
  'home.trackCta': 'Lacak laporan Anda',
  'home.whatTitle': 'Apa yang dapat dilaporkan?',
  'home.what1': 'ASN yang mengunggah, menyukai, atau membagikan konten kampanye pasangan calon di media sosial.',
  'home.what2': 'ASN atau kepala desa yang menghadiri kampanye, deklarasi, atau memakai atribut pasangan calon.',
  'home.what3': 'Pejabat yang membuat keputusan atau tindakan yang menguntungkan salah satu pasangan calon.',
  'home.what4': 'Penggunaan fasilitas, anggaran, atau program pemerintah untuk kepentingan kampanye.',
  'home.howTitle': 'Bagaimana laporan ditangani?',
  'home.how1': 'Anda mengirim laporan paling lambat 7 hari sejak peristiwa diketahui.',
  'home.how2': 'Pengawas Bawaslu memeriksa syarat formal dan materiel, lalu meregistrasi laporan.',
  'home.how3': 'Pelanggaran netralitas ASN diteruskan ke BKN dan Pejabat Pembina Kepegawaian untuk dijatuhi sanksi.',
  'home.how4': 'Anda dapat melacak status laporan dengan nomor yang Anda terima.',
  'home.linksTitle': 'Jelajahi',
  'home.linkRegions': 'Wilayah dan jadwal Pilkada 2024',
  'home.linkRegionsHint': 'Provinsi, kabupaten/kota, kecamatan, dan desa beserta tahapan pemilihannya.',
  'home.linkGuide': 'Panduan netralitas',
  'home.linkGuideHint': 'Aturan netralitas ASN dan perangkat desa, serta sanksinya.',
  'home.linkStaff': 'Masuk sebagai petugas',
  'home.linkStaffHint': 'Untuk pengawas Bawaslu, BKN, dan PPK.',
  'report.title': 'Laporkan dugaan pelanggaran',
  'report.placeholder':
    'Formulir laporan sedang disiapkan. Sementara itu, Anda dapat menyampaikan laporan langsung ke kantor Bawaslu kabupaten/kota atau Panwaslu kecamatan terdekat.',
  'track.title': 'Lacak laporan',
  'track.placeholder': 'Pelacakan status laporan dengan nomor tanda terima sedang disiapkan.',
  'guide.title': 'Panduan netralitas ASN',
  'guide.placeholder':
    'Panduan lengkap sedang disiapkan. Dasar hukum utama: UU 10/2016 Pasal 70 dan 71, UU 20/2023 tentang ASN, PP 94/2021 tentang Disiplin PNS, dan SKB 2022 tentang netralitas ASN.',
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat yang Anda buka tidak ada.',
} as const;

export type MessageKey = keyof typeof id;
export type Language = 'id' | 'en';

const en: Record<MessageKey, string> = {
  ...reportEn,
  ...trackingEn,
  ...caseworkEn,
  ...queueEn,
  ...actionsEn,
  ...regionsEn,
  ...staffEn,
  ...referralsEn,
  ...leadsEn,
  ...setupEn,
  ...laporEn,
  ...handlingEn,
  ...mapEn,
  ...pledgesEn,
  ...guideEn,
  ...legalEn,
  ...accountsEn,
  'app.name': 'Netra',
  'app.tagline': 'Civil-servant neutrality supervision in regional elections',
  'a11y.skip': 'Skip to main content',
  'a11y.mainNav': 'Main navigation',
  'a11y.staffNav': 'Staff console navigation',
  'a11y.breadcrumbs': 'Breadcrumbs',
  'a11y.menu': 'Menu',
  'lang.label': 'Language',
  'lang.switchTo': 'Bahasa Indonesia',
  'lang.switchToLabel': 'Ganti ke Bahasa Indonesia',
  'nav.home': 'Home',
  'nav.report': 'Report',
  'nav.track': 'Track a report',
  'nav.regions': 'Regions',
  'nav.guide': 'Guide',
  'nav.staff': 'Staff console',
  'footer.about':
    'Netra is open-source software for supervising the neutrality of civil servants (ASN) and village officials in Indonesian regional elections.',
  'footer.disclaimer': 'Official election-violation reports are handled by Bawaslu under Indonesian law.',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.comingSoon': 'This page is under construction.',
  'common.backHome': 'Back to home',
  'common.code': 'Code',
  'common.search': 'Search',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.none': '—',
  'common.yes': 'Yes',
  'common.no': 'No',
  'home.title': 'Keep civil servants neutral in regional elections',
  'home.lead':
    'Civil servants, village heads and village officials must stay neutral in regional head elections (Pilkada). Netra helps citizens report suspected violations and helps election supervisors handle them on time, through to sanctions.',
  'home.cta': 'Report a violation',
  'home.ctaHint': 'No account needed. Reporter identity is protected.',
  'home.trackCta': 'Track your report',
  'home.whatTitle': 'What can be reported?',
  'home.what1': 'Civil servants posting, liking or sharing campaign content for a candidate pair on social media.',
  'home.what2': 'Civil servants or village heads attending campaign events or declarations, or wearing candidate attributes.',
  'home.what3': 'Officials making decisions or taking actions that favour one candidate pair.',
  'home.what4': 'Use of government facilities, budgets or programmes for campaigning.',
  'home.howTitle': 'How are reports handled?',
  'home.how1': 'You file a report within 7 days of learning of the incident.',
  'home.how2': 'Bawaslu supervisors check the formal and material requirements, then register the report.',
  'home.how3': 'Civil-servant neutrality violations are forwarded to BKN and the civil-service appointing official (PPK) for sanctions.',
  'home.how4': 'You can track your report’s status with the number you receive.',
  'home.linksTitle': 'Explore',
  'home.linkRegions': 'Regions and the 2024 Pilkada schedule',
  'home.linkRegionsHint': 'Provinces, regencies/cities, districts and villages with their election stages.',
  'home.linkGuide': 'Neutrality guide',
  'home.linkGuideHint': 'Neutrality rules for civil servants and village officials, and their sanctions.',
  'home.linkStaff': 'Staff sign-in',
  'home.linkStaffHint': 'For Bawaslu supervisors, BKN and PPK officers.',
  'report.title': 'Report a suspected violation',
  'report.placeholder':
    'The report form is being prepared. Meanwhile, you can file a report in person at the nearest regency/city Bawaslu or district Panwaslu office.',
  'track.title': 'Track a report',
  'track.placeholder': 'Tracking a report’s status with its receipt number is being prepared.',
  'guide.title': 'Civil-servant neutrality guide',
  'guide.placeholder':
    'The full guide is being prepared. Main legal basis: Law 10/2016 Articles 70 and 71, Law 20/2023 on the civil service, Government Regulation 94/2021 on civil-servant discipline, and the 2022 joint decree (SKB) on civil-servant neutrality.',
  'notFound.title': 'Page not found',
  'notFound.body': 'The address you opened does not exist.',
};

export const dictionaries: Record<Language, Record<MessageKey, string>> = { id, en };
