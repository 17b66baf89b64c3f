// The document-level parts: info, servers, tags with descriptions and the security schemes.
import { SESSION_COOKIE, CSRF_HEADER } from '../auth.ts';

export const TAGS = [
  { name: 'health', description: 'Kesehatan layanan / service health.' },
  { name: 'regions', description: 'Wilayah administrasi Kemendagri (provinsi s.d. desa) / Kemendagri administrative regions.' },
  { name: 'elections', description: 'Siklus Pilkada, kontestasi dan pasangan calon / election cycles, contests and candidate pairs.' },
  { name: 'auth', description: 'Sesi petugas (cookie + token CSRF) dan TOTP / staff sessions (cookie + CSRF token) and TOTP.' },
  { name: 'users', description: 'Akun petugas (admin) / staff accounts (admin).' },
  {
    name: 'laporan',
    description:
      'Laporan publik: kirim, unggah bukti, lacak dengan kode + PIN / public reports: submit, upload evidence, track with code + PIN.',
  },
  { name: 'cases', description: 'Penanganan perkara oleh pengawas / case handling by supervisors.' },
  { name: 'temuan', description: "Informasi awal dari pengawas (temuan) / supervisors' own findings." },
  { name: 'calendar', description: 'Hari libur dan cuti bersama untuk tenggat hari kerja / holidays for working-day deadlines.' },
  {
    name: 'referrals',
    description:
      'Rekomendasi ke BKN/PPK: kotak masuk, langkah tindak lanjut, token instansi, kebijakan / referrals to BKN/PPK: inbox, follow-up steps, agency tokens, policy.',
  },
  {
    name: 'agency-api',
    description: 'API instansi (BKN, SIASN, SIMPEG) dengan token Bearer / agency API (BKN, SIASN, SIMPEG) with a Bearer token.',
  },
  { name: 'risk', description: 'Indeks kerawanan yang dapat dijelaskan / the explainable vulnerability index.' },
  { name: 'pledges', description: 'Ikrar netralitas bertanda tangan / signed neutrality pledges.' },
  { name: 'leads', description: 'Pemantauan media: sumber, lead, klaster berita / media monitoring: sources, leads, story clusters.' },
  {
    name: 'public',
    description: 'Data publik tanpa data pribadi: statistik, data terbuka, panduan, peta, audit / public data without personal data.',
  },
  { name: 'problems', description: 'Penjelasan kode masalah / problem code explanations.' },
] as const;

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Sesi petugas dari POST /api/v1/auth/login / staff session from POST /api/v1/auth/login.',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'Token CSRF (csrfToken dari login, juga cookie netra_csrf), wajib untuk POST/PUT/PATCH/DELETE dengan sesi / CSRF token, required on state changes with a session.',
  },
  agencyBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'Token API instansi (dibuat admin di POST /api/v1/agency-tokens) / agency API token.',
  },
  leadSourceBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'Token sumber push media (POST /api/v1/lead-sources, type push) / push lead-source token.',
  },
} as const;

const OPENAPI_INFO = {
  title: 'Netra API',
  version: '1.0.0',
  description:
    'Pengawasan netralitas ASN dalam Pilkada / ASN neutrality supervision in Pilkada. ' +
    'Petugas: cookie sesi + header x-csrf-token; instansi (BKN, SIASN, SIMPEG): token Bearer. Semua galat berupa application/problem+json. ' +
    'Staff: session cookie + x-csrf-token header; agencies: Bearer token. Every error is application/problem+json. See docs/INTEGRATION.md.',
  contact: { name: 'Netra' },
  license: { name: 'MIT', identifier: 'MIT' },
};

export const OPENAPI_BASE = {
  openapi: '3.1.0',
  info: OPENAPI_INFO,
  servers: [
    {
      url: 'http://localhost:8080',
      description: 'Instans Netra (ganti dengan alamat instans Anda) / a Netra instance (use your instance address)',
    },
  ],
  tags: [...TAGS],
  components: { securitySchemes: SECURITY_SCHEMES },
};
