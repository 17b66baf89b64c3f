// Every route of the SPA. Public pages load with the app; the staff console (and the QR-code
// library it needs) is split into chunks loaded on first visit.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout, Loading } from './components/Layout.tsx';
import { RequireStaff } from './components/RequireStaff.tsx';
import Beranda from './pages/public/Beranda.tsx';
import Lapor from './pages/public/Lapor.tsx';
import Lacak from './pages/public/Lacak.tsx';
import Panduan from './pages/public/Panduan.tsx';
import Wilayah from './pages/public/Wilayah.tsx';
import Pengumuman from './pages/public/Pengumuman.tsx';
import RekomendasiPublik from './pages/public/RekomendasiPublik.tsx';
import { NotFound } from './pages/public/Placeholder.tsx';

const StaffLayout = lazy(() => import('./pages/staff/StaffLayout.tsx'));
const StaffShell = lazy(() => import('./pages/staff/StaffLayout.tsx').then((m) => ({ default: m.StaffShell })));
const Masuk = lazy(() => import('./pages/staff/Masuk.tsx'));
const Setup = lazy(() => import('./pages/staff/Setup.tsx'));
const Dasbor = lazy(() => import('./pages/staff/Dasbor.tsx'));
const Antrian = lazy(() => import('./pages/staff/Antrian.tsx'));
const Kasus = lazy(() => import('./pages/staff/Kasus.tsx'));
const Temuan = lazy(() => import('./pages/staff/Temuan.tsx'));
const Rekomendasi = lazy(() => import('./pages/staff/Rekomendasi.tsx'));
const Leads = lazy(() => import('./pages/staff/Leads.tsx'));
const Pengguna = lazy(() => import('./pages/staff/Pengguna.tsx'));
const Keamanan = lazy(() => import('./pages/staff/Keamanan.tsx'));
const ImporRiwayat = lazy(() => import('./pages/staff/ImporRiwayat.tsx'));
// Transparency pages: the map (d3-geo, topojson-client) and the rest load on first visit.
const Peta = lazy(() => import('./pages/public/Peta.tsx'));
const Profil = lazy(() => import('./pages/public/Profil.tsx'));
const DasborPublik = lazy(() => import('./pages/public/DasborPublik.tsx'));
const Deklarasi = lazy(() => import('./pages/public/Deklarasi.tsx'));
const Verifikasi = lazy(() => import('./pages/public/Verifikasi.tsx'));
const DataTerbuka = lazy(() => import('./pages/public/DataTerbuka.tsx'));
const DeklarasiStaf = lazy(() => import('./pages/staff/DeklarasiStaf.tsx'));

const page = (element: ReactNode) => (
  <Suspense
    fallback={
      <div className="page">
        <Loading />
      </div>
    }
  >
    {element}
  </Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Beranda />} />
        <Route path="lapor/*" element={<Lapor />} />
        <Route path="lacak/*" element={<Lacak />} />
        <Route path="wilayah" element={<Wilayah />} />
        <Route path="wilayah/:code" element={<Wilayah />} />
        <Route path="wilayah/:code/profil" element={page(<Profil />)} />
        <Route path="peta" element={page(<Peta />)} />
        <Route path="dasbor" element={page(<DasborPublik />)} />
        <Route path="deklarasi" element={page(<Deklarasi />)} />
        <Route path="verifikasi/deklarasi/:id" element={page(<Verifikasi />)} />
        <Route path="data" element={page(<DataTerbuka />)} />
        <Route path="panduan/*" element={<Panduan />} />
        <Route path="pengumuman" element={<Pengumuman />} />
        <Route path="rekomendasi/*" element={<RekomendasiPublik />} />
        <Route path="staf" element={page(<StaffLayout />)}>
          <Route path="masuk" element={page(<Masuk />)} />
          <Route path="setup" element={page(<Setup />)} />
          <Route element={<RequireStaff />}>
            <Route element={page(<StaffShell />)}>
              <Route index element={page(<Dasbor />)} />
              <Route path="antrian/*" element={page(<Antrian />)} />
              <Route path="kasus/:id" element={page(<Kasus />)} />
              <Route path="temuan/*" element={page(<Temuan />)} />
              <Route path="rekomendasi/*" element={page(<Rekomendasi />)} />
              <Route path="leads/*" element={page(<Leads />)} />
              <Route path="pengguna" element={page(<Pengguna />)} />
              <Route path="keamanan" element={page(<Keamanan />)} />
              <Route path="impor" element={page(<ImporRiwayat />)} />
              <Route path="deklarasi" element={page(<DeklarasiStaf />)} />
            </Route>
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
