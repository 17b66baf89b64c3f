// Media-monitoring leads: the ranked inbox (one row per story), a lead's archived text with the
// extracted facts highlighted, dismissal and promotion to informasi awal; admins also manage feeds.
// The pieces live in features/leads/.
import { Route, Routes } from 'react-router-dom';
import { LeadInbox } from '../../features/leads/LeadInbox.tsx';
import { LeadPage } from '../../features/leads/LeadPage.tsx';

export default function Leads() {
  return (
    <Routes>
      <Route index element={<LeadInbox />} />
      <Route path=":id" element={<LeadPage />} />
    </Routes>
  );
}
