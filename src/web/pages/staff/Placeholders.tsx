// Staff areas other engineers are building; each route keeps its URL when the real page lands.
import { PlaceholderPage } from '../public/Placeholder.tsx';

export const Temuan = () => <PlaceholderPage titleKey="staff.findings" bodyKey="staff.findingsHint" />;
export const Rekomendasi = () => <PlaceholderPage titleKey="staff.recommendations" bodyKey="staff.recommendationsHint" />;
export const Leads = () => <PlaceholderPage titleKey="staff.leads" bodyKey="staff.leadsHint" />;
