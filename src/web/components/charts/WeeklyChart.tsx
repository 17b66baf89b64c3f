// Weekly counts as an SVG column chart (hand-rolled, no library) with a text summary for screen
// readers and the same numbers as a table underneath. Weeks without cases are filled in as zero.
import { useMemo } from 'react';

export interface WeekCount {
  week: string;
  startsOn: string;
  count: number;
}

const DAY = 86_400_000;

/** ISO 8601 week label ("2024-W41") of a Monday date. */
export function isoWeekLabel(monday: string): string {
  const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week from the first to the last given one, zeros included. */
export function fillWeeks(weeks: WeekCount[], label: (startsOn: string) => string = isoWeekLabel): WeekCount[] {
  if (weeks.length === 0) return [];
  const sorted = [...weeks].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const byStart = new Map(sorted.map((w) => [w.startsOn, w]));
  const out: WeekCount[] = [];
  const first = Date.parse(`${sorted[0].startsOn}T00:00:00Z`);
  const last = Date.parse(`${sorted.at(-1)!.startsOn}T00:00:00Z`);
  for (let t = first; t <= last && out.length < 520; t += 7 * DAY) {
    const startsOn = new Date(t).toISOString().slice(0, 10);
    out.push(byStart.get(startsOn) ?? { week: label(startsOn), startsOn, count: 0 });
  }
  return out;
}

export function WeeklyChart({
  weeks,
  title,
  summary,
  formatWeek,
  format,
  tableCaption,
  weekHeader,
  countHeader,
}: {
  weeks: WeekCount[];
  title: string;
  summary: string;
  formatWeek(w: WeekCount): string;
  format(n: number): string;
  tableCaption: string;
  weekHeader: string;
  countHeader: string;
}) {
  const filled = useMemo(() => fillWeeks(weeks), [weeks]);
  const width = 640;
  const height = 200;
  const pad = { top: 12, right: 8, bottom: 28, left: 36 };
  const max = Math.max(1, ...filled.map((w) => w.count));
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const step = filled.length > 0 ? innerW / filled.length : innerW;
  const barW = Math.max(1, Math.min(40, step * 0.75));
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  const labelEvery = Math.max(1, Math.ceil(filled.length / 8));
  return (
    <figure className="weekly-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${summary}`}>
        {ticks.map((tick) => {
          const y = pad.top + innerH - (tick / max) * innerH;
          return (
            <g key={tick} className="weekly-chart__tick">
              <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} />
              <text x={pad.left - 6} y={y + 4} textAnchor="end">
                {format(tick)}
              </text>
            </g>
          );
        })}
        {filled.map((w, i) => {
          const h = (w.count / max) * innerH;
          const x = pad.left + i * step + (step - barW) / 2;
          return (
            <g key={w.startsOn}>
              <rect className="weekly-chart__bar" x={x} y={pad.top + innerH - h} width={barW} height={h}>
                <title>{`${formatWeek(w)}: ${format(w.count)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text className="weekly-chart__label" x={x + barW / 2} y={height - 8} textAnchor="middle">
                  {w.week}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{summary}</figcaption>
      <details>
        <summary>{tableCaption}</summary>
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{weekHeader}</th>
                <th scope="col" className="num">
                  {countHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {filled.map((w) => (
                <tr key={w.startsOn}>
                  <th scope="row">{formatWeek(w)}</th>
                  <td className="num">{format(w.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
