// Referrals (rekomendasi) inbox for BKN, PPK and Bawaslu: list with state and due/overdue, and a
// detail page with the letter data, the steps and the caller's role's actions (BKN: verify,
// forward to the PPK, SIASN block; PPK: sanction from the catalogue valid for the subject, decree,
// applied; both: not proven). The server decides what is allowed; the UI offers what applies.
// The pieces live in features/referrals/.
import { Route, Routes } from 'react-router-dom';
import { ReferralDetailPage } from '../../features/referrals/ReferralDetail.tsx';
import { ReferralInbox } from '../../features/referrals/ReferralInbox.tsx';

export default function Rekomendasi() {
  return (
    <Routes>
      <Route index element={<ReferralInbox />} />
      <Route path=":id" element={<ReferralDetailPage />} />
    </Routes>
  );
}
