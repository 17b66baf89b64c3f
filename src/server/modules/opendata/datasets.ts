// Open-data catalogue: the datasets Netra publishes, with a data dictionary each. The case
// export carries no names, NIK, NIP, narrative, places or tracking codes: only codes, catalogue
// values, dates (day only) and yes/no flags; the case id is replaced by a keyed hash.

export interface DatasetField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'boolean' | 'list';
  description: string;
  descriptionEn: string;
}

export interface DatasetDefinition {
  id: 'cases.csv' | 'cases.xlsx' | 'regions.geojson' | 'audit-checkpoints.json';
  title: string;
  titleEn: string;
  mediaType: string;
  path: string;
  fields: DatasetField[];
  licence: string;
  attribution?: string;
}

export const CASE_FIELDS: DatasetField[] = [
  {
    name: 'case_ref',
    type: 'string',
    description: 'Pengenal anonim perkara (hash berkunci dari id internal; stabil antar rilis, tidak dapat dibalik)',
    descriptionEn: 'Anonymous case reference (keyed hash of the internal id; stable across releases, not reversible)',
  },
  {
    name: 'kind',
    type: 'string',
    description: "Jenis: 'laporan' (laporan masyarakat) atau 'temuan' (temuan pengawas)",
    descriptionEn: "Kind: 'laporan' (public report) or 'temuan' (supervisors' finding)",
  },
  {
    name: 'state',
    type: 'string',
    description: 'Status penanganan (diterima, diregistrasi, klarifikasi, kajian, diteruskan, bukan_pelanggaran, dihentikan, ...)',
    descriptionEn: 'Handling state',
  },
  {
    name: 'office_code',
    type: 'string',
    description: 'Kode wilayah Bawaslu yang menangani (provinsi atau kabupaten/kota, Kemendagri)',
    descriptionEn: 'Handling Bawaslu office region code',
  },
  { name: 'office_name', type: 'string', description: 'Nama Bawaslu yang menangani', descriptionEn: 'Handling office name' },
  { name: 'province_code', type: 'string', description: 'Kode provinsi tempat kejadian', descriptionEn: 'Province code of the event' },
  { name: 'province_name', type: 'string', description: 'Nama provinsi tempat kejadian', descriptionEn: 'Province name of the event' },
  {
    name: 'event_region_code',
    type: 'string',
    description: 'Kode wilayah kejadian (sampai kecamatan/desa bila diisi)',
    descriptionEn: 'Event region code (down to sub-district/village when given)',
  },
  {
    name: 'stage_code',
    type: 'string',
    description: 'Tahapan pemilihan pada tanggal kejadian (PKPU 2/2024), kosong bila di luar tahapan',
    descriptionEn: 'Election stage on the event date',
  },
  {
    name: 'acts',
    type: 'list',
    description: 'Perbuatan yang dilaporkan (id katalog NEUTRALITY_ACTS), dipisah titik koma',
    descriptionEn: 'Reported acts (catalogue ids), semicolon-separated',
  },
  {
    name: 'subject_types',
    type: 'list',
    description: 'Jenis subjek terlapor (PNS, PPPK, kepala_desa, ...), dipisah titik koma',
    descriptionEn: 'Subject types of the persons reported, semicolon-separated',
  },
  {
    name: 'classification',
    type: 'string',
    description: 'Klasifikasi pelanggaran setelah kajian, kosong bila belum',
    descriptionEn: 'Violation classification after assessment, empty if none yet',
  },
  {
    name: 'received_date',
    type: 'date',
    description: 'Tanggal diterima (waktu setempat kantor penanganan), tanpa jam',
    descriptionEn: 'Date received (local time of the office), date only',
  },
  {
    name: 'registered',
    type: 'boolean',
    description: "Sudah diregistrasi: 'ya' atau 'tidak'",
    descriptionEn: "Registered: 'ya' (yes) or 'tidak' (no)",
  },
  {
    name: 'late',
    type: 'boolean',
    description: "Disampaikan lewat 7 hari sejak diketahui (Pasal 134 ayat (4)): 'ya' atau 'tidak'",
    descriptionEn: "Filed after the 7-day limit: 'ya' or 'tidak'",
  },
];

export const REGION_FIELDS: DatasetField[] = [
  { name: 'code', type: 'string', description: 'Kode kabupaten/kota (Kemendagri, PP.RR)', descriptionEn: 'Regency/city code' },
  { name: 'name', type: 'string', description: 'Nama kabupaten/kota', descriptionEn: 'Regency/city name' },
  { name: 'province_code', type: 'string', description: 'Kode provinsi', descriptionEn: 'Province code' },
  {
    name: 'cases',
    type: 'integer',
    description: 'Jumlah perkara dengan tempat kejadian di wilayah ini',
    descriptionEn: 'Cases with the event in this region',
  },
  {
    name: 'risk_score',
    type: 'number',
    description: 'Indeks kerawanan netralitas 0–100 (kosong bila belum ada data)',
    descriptionEn: 'Neutrality vulnerability index 0–100',
  },
  {
    name: 'risk_category',
    type: 'string',
    description: 'Kategori kerawanan (tinggi/sedang/rendah, ambang IKP 2024)',
    descriptionEn: 'Vulnerability category (IKP 2024 thresholds)',
  },
];

export const AUDIT_CHECKPOINT_FIELDS: DatasetField[] = [
  { name: 'id', type: 'integer', description: 'Nomor titik periksa (berurutan tanpa celah)', descriptionEn: 'Checkpoint number (gapless)' },
  {
    name: 'lastEventId',
    type: 'integer',
    description: 'Id peristiwa audit terakhir yang dicakup',
    descriptionEn: 'Last audit event id covered',
  },
  {
    name: 'eventCount',
    type: 'integer',
    description: 'Jumlah peristiwa audit sampai id itu',
    descriptionEn: 'Number of audit events up to that id',
  },
  { name: 'headHash', type: 'string', description: 'Hash SHA-256 rantai pada id itu', descriptionEn: 'Chain hash (SHA-256) at that id' },
  { name: 'signedAt', type: 'string', description: 'Waktu penandatanganan (ISO 8601, UTC)', descriptionEn: 'Signing time (ISO 8601, UTC)' },
  {
    name: 'keyId',
    type: 'string',
    description: 'Kunci Ed25519 penanda tangan (lihat keys)',
    descriptionEn: 'Signing Ed25519 key (see keys)',
  },
  {
    name: 'signature',
    type: 'string',
    description: 'Tanda tangan Ed25519 (base64) atas pesan signedMessage',
    descriptionEn: 'Ed25519 signature (base64) over signedMessage',
  },
];

const DATA_LICENCE = 'CC BY 4.0 (usulan; ditetapkan operator) / CC BY 4.0 (proposed; set by the operator)';
export const GEO_ATTRIBUTION =
  'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), geometri dari data Badan Informasi Geospasial; kode dan nama wilayah menurut Kepmendagri 300.2.2-2138/2025 via idn-area-data (ODbL-1.0).';

export const DATASETS: readonly DatasetDefinition[] = [
  {
    id: 'cases.csv',
    title: 'Perkara netralitas (CSV)',
    titleEn: 'Neutrality cases (CSV)',
    mediaType: 'text/csv; charset=utf-8',
    path: '/api/v1/public/open-data/cases.csv',
    fields: CASE_FIELDS,
    licence: DATA_LICENCE,
  },
  {
    id: 'cases.xlsx',
    title: 'Perkara netralitas (Excel)',
    titleEn: 'Neutrality cases (Excel)',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    path: '/api/v1/public/open-data/cases.xlsx',
    fields: CASE_FIELDS,
    licence: DATA_LICENCE,
  },
  {
    id: 'audit-checkpoints.json',
    title: 'Titik periksa jejak audit bertanda tangan (JSON)',
    titleEn: 'Signed audit-trail checkpoints (JSON)',
    mediaType: 'application/json',
    path: '/api/v1/public/open-data/audit-checkpoints.json',
    fields: AUDIT_CHECKPOINT_FIELDS,
    licence: 'CC0 1.0',
  },
  {
    id: 'regions.geojson',
    title: 'Kabupaten/kota: perkara dan kerawanan (GeoJSON)',
    titleEn: 'Regencies/cities: cases and vulnerability (GeoJSON)',
    mediaType: 'application/geo+json',
    path: '/api/v1/public/open-data/regions.geojson',
    fields: REGION_FIELDS,
    licence: `${DATA_LICENCE}; geometri: MIT / ODbL-1.0`,
    attribution: GEO_ATTRIBUTION,
  },
];
