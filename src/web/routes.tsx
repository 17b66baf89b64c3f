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
import { NotFound } from './pages/public/Placeholder.tsx';

const StaffLayout = lazy(() => import('./pages/staff/StaffLayout.tsx'));
const StaffShell = lazy(() => import('./pages/staff/StaffLayout.tsx').then((m) => ({ default: m.StaffShell })));
const Masuk = lazy(() => import('./pages/staff/Masuk.tsx'));
const Dasbor = lazy(() => import('./pages/staff/Dasbor.tsx'));
const Antrian = lazy(() => import('./pages/staff/Antrian.tsx'));
const Temuan = lazy(() => import('./pages/staff/Placeholders.tsx').then((m) => ({ default: m.Temuan })));
const Rekomendasi = lazy(() => import('./pages/staff/Placeholders.tsx').then((m) => ({ default: m.Rekomendasi })));
const Leads = lazy(() => import('./pages/staff/Placeholders.tsx').then((m) => ({ default: m.Leads })));
const Pengguna = lazy(() => import('./pages/staff/Pengguna.tsx'));
const Keamanan = lazy(() => import('./pages/staff/Keamanan.tsx'));

const page = (element: ReactNode) => <Suspense fallback={<div className="page"><Loading /></div>}>{element}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Beranda />} />
        <Route path="lapor/*" element={<Lapor />} />
        <Route path="lacak/*" element={<Lacak />} />
        <Route path="wilayah" element={<Wilayah />} />
        <Route path="wilayah/:code" element={<Wilayah />} />
        <Route path="panduan/*" element={<Panduan />} />
        <Route path="staf" element={page(<StaffLayout />)}>
          <Route path="masuk" element={page(<Masuk />)} />
          <Route element={<RequireStaff />}>
            <Route element={page(<StaffShell />)}>
              <Route index element={page(<Dasbor />)} />
              <Route path="antrian/*" element={page(<Antrian />)} />
              <Route path="temuan/*" element={page(<Temuan />)} />
              <Route path="rekomendasi/*" element={page(<Rekomendasi />)} />
              <Route path="leads/*" element={page(<Leads />)} />
              <Route path="pengguna" element={page(<Pengguna />)} />
              <Route path="keamanan" element={page(<Keamanan />)} />
            </Route>
          </Route>
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
