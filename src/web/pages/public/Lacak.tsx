// Placeholder route; the real page replaces this file.
import { PlaceholderPage } from './Placeholder.tsx';

export default function Lacak() {
  return <PlaceholderPage titleKey="track.title" bodyKey="track.placeholder" />;
}
