// Placeholder route; the real page replaces this file.
import { PlaceholderPage } from './Placeholder.tsx';

export default function Lapor() {
  return <PlaceholderPage titleKey="report.title" bodyKey="report.placeholder" />;
}
