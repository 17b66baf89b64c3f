// The map legend: a colour swatch and a text label per class (colour is never the only cue:
// every region's value is also in its accessible name, tooltip and the data table).
import type { LegendEntry } from './layers.ts';

export function Legend({ title, entries, id }: { title: string; entries: LegendEntry[]; id?: string }) {
  return (
    <div className="map-legend" id={id}>
      <p className="map-legend__title">{title}</p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.label}>
            <span className="map-legend__swatch" style={{ background: entry.color }} aria-hidden="true" />
            <span>{entry.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
