// Placeholder route; the real page replaces this file.
import { PlaceholderPage } from './Placeholder.tsx';

export default function Panduan() {
  return <PlaceholderPage titleKey="guide.title" bodyKey="guide.placeholder" />;
}
