// Staff areas other engineers are building; each route keeps its URL when the real page lands.
import { PlaceholderPage } from '../public/Placeholder.tsx';

export const Leads = () => <PlaceholderPage titleKey="staff.leads" bodyKey="staff.leadsHint" />;
