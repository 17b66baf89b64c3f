// Reference figures from earlier elections (domain brief §4), as data with their sources, so
// the dashboard can set Netra's live counts beside what Bawaslu, KASN and Kemendagri published.
// Figures are quoted as published; where sources disagree, each is listed separately.

export interface ReferenceFigure {
  id: string;
  election: string;
  publisher: string;
  asOf: string;
  label: string;
  labelEn: string;
  figures: Record<string, number>;
  source: string;
  note?: string;
  noteEn?: string;
}

export const REFERENCE_FIGURES: readonly ReferenceFigure[] = [
  {
    id: 'pilkada2020.bawaslu.2022',
    election: 'Pilkada 2020',
    publisher: 'Bawaslu (Puadi)',
    asOf: '2022-09',
    label: 'Dugaan pelanggaran netralitas ASN',
    labelEn: 'Suspected ASN neutrality violations',
    figures: { suspected: 1536, recommendedOrForwarded: 1398, stopped: 53 },
    source: 'https://khatulistiwaonline.com/bawaslu-terima-1-536-dugaan-pelanggaran-netralitas-asn-pada-pilkada-2020',
  },
  {
    id: 'pilkada2020.bawaslu.2020-12-19',
    election: 'Pilkada 2020',
    publisher: 'Bawaslu (Abhan)',
    asOf: '2020-12-19',
    label: 'Rekomendasi ke KASN',
    labelEn: 'Recommendations to KASN',
    figures: { recommendations: 1194, asn: 1645 },
    source: 'https://beritanusa.id/1-194-dugaan-pelanggaran-netralitas-asn-di-pilkada-2020/',
  },
  {
    id: 'pilkada2020.kasn.final',
    election: 'Pilkada 2020',
    publisher: 'KASN',
    asOf: '2024-02',
    label: 'Data akhir KASN: dilaporkan, terbukti, dijatuhi sanksi',
    labelEn: 'KASN final: reported, proven, sanctioned',
    figures: { reported: 2034, proven: 1597, sanctioned: 1450 },
    source: 'https://jabar.antaranews.com/berita/494733/kasn-catat-183-asn-lakukan-pelanggaran-netralitas-di-pemilu-2024',
    note: 'Terbukti 78,5% dari yang dilaporkan; dijatuhi sanksi 90,8% dari yang terbukti.',
    noteEn: 'Proven: 78.5% of those reported; sanctioned: 90.8% of those proven.',
  },
  {
    id: 'pilkada2020.bagja.2024-08-26',
    election: 'Pilkada 2020',
    publisher: 'Bawaslu (Bagja)',
    asOf: '2024-08-26',
    label: 'Kasus netralitas ASN (pernyataan)',
    labelEn: 'ASN neutrality cases (statement)',
    figures: { cases: 1010 },
    source:
      'https://grobogan.bawaslu.go.id/berita/pilkada-2024-awas-netralitas-asn-melambung-naik-tapi-kasn-bubar-ketua-bawaslu-ini-yang-kita',
    note: 'Pernyataan menyebut "170 wilayah", bertentangan dengan 270 daerah resmi; dikutip sebagai pernyataan, bukan hitungan.',
    noteEn: 'The statement says "170 regions", contradicting the official 270; quoted as a statement, not a count.',
  },
  {
    id: 'pemilu2024.kasn.2024-02',
    election: 'Pemilu 2024',
    publisher: 'KASN',
    asOf: '2024-02',
    label: 'Dilaporkan, terbukti, dijatuhi sanksi',
    labelEn: 'Reported, proven, sanctioned',
    figures: { reported: 403, proven: 183, sanctioned: 97 },
    source: 'https://jabar.antaranews.com/berita/494733/kasn-catat-183-asn-lakukan-pelanggaran-netralitas-di-pemilu-2024',
  },
  {
    id: 'pilkada2024.bawaslu.2024-12-02',
    election: 'Pilkada 2024',
    publisher: 'Bawaslu',
    asOf: '2024-12-02',
    label: 'Temuan dan laporan netralitas ASN',
    labelEn: 'ASN neutrality findings and reports',
    figures: { temuanAndLaporan: 433, violations: 314, notViolations: 99 },
    source: 'https://rmol.id/politik/read/2024/12/03/647111/',
    note: 'Semua pelanggaran direkomendasikan ke BKN. Juga https://news.okezone.com/read/2024/12/03/337/3091806/',
    noteEn: 'All violations were recommended to BKN. See also https://news.okezone.com/read/2024/12/03/337/3091806/',
  },
  {
    id: 'pilkada2024.kemendagri.2024-12-05',
    election: 'Pilkada 2024',
    publisher: 'Kemendagri',
    asOf: '2024-12-05',
    label: 'ASN diduga melanggar netralitas',
    labelEn: 'ASN suspected of neutrality breaches',
    figures: { asn: 1158, awaitingBknVerification: 667, awaitingPpk: 436, sanctioned: 19, notProven: 24, cancelled: 27, rejected: 60 },
    source: 'https://portalberitatribun.biz/?p=8159',
  },
  {
    id: 'pilkada2024.kades.2024-10-28',
    election: 'Pilkada 2024',
    publisher: 'Bawaslu',
    asOf: '2024-10-28',
    label: 'Kasus netralitas kepala desa',
    labelEn: 'Village-head neutrality cases',
    figures: { cases: 195, temuan: 59, laporan: 136, registered: 130, criminal: 12, otherLaws: 97, notViolations: 42 },
    source: 'https://holopis.com/2024/10/29/',
    note: 'Sub-hitungan berjumlah 151 sebagaimana dipublikasikan (25 provinsi).',
    noteEn: 'The sub-counts add up to 151 as published (25 provinces).',
  },
];
