// Extracted actors and acts as chips (ids with underscores read as words).
const words = (id: string) => id.replace(/_/g, ' ');

export function Chips({ items, kind }: { items: string[]; kind: 'actor' | 'act' }) {
  if (!items.length) return null;
  return (
    <ul className="chips">
      {items.map((item) => (
        <li key={item} className={`chip chip--${kind}`}>
          {words(item)}
        </li>
      ))}
    </ul>
  );
}
