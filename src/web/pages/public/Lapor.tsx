// /lapor: the incident-first report form, its receipt, and the receipt for identity-free
// informasi. The form itself lives in features/lapor (one file per step).
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { useT } from '../../i18n/store.ts';
import { ReceiptView } from '../../features/cases/ReceiptView.tsx';
import type { Receipt } from '../../features/cases/types.ts';
import { LaporForm } from '../../features/lapor/LaporForm.tsx';
import { InformasiSelesai } from '../../features/lapor/InformasiSelesai.tsx';

export default function Lapor() {
  return (
    <Routes>
      <Route index element={<LaporForm />} />
      <Route path="selesai" element={<LaporSelesai />} />
      <Route path="informasi" element={<InformasiSelesai />} />
      <Route path="*" element={<LaporForm />} />
    </Routes>
  );
}

function LaporSelesai() {
  const t = useT();
  const receipt = (useLocation().state as { receipt?: Receipt } | null)?.receipt;
  if (!receipt) {
    return (
      <div className="page page--narrow">
        <PageTitle>{t('lapor.receiptTitle')}</PageTitle>
        <Notice>{t('lapor.receiptGone')}</Notice>
        <p>
          <Link to="/lacak">{t('nav.track')}</Link>
        </p>
      </div>
    );
  }
  return <ReceiptView receipt={receipt} />;
}
