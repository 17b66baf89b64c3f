// Placeholder route for the case queue; the real page replaces this file.
import { PlaceholderPage } from '../public/Placeholder.tsx';

export default function Antrian() {
  return <PlaceholderPage titleKey="staff.queue" bodyKey="staff.queueHint" />;
}
