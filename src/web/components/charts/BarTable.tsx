// Counts as a table with an inline bar per row: readable by screen readers as a plain table,
// scannable by eye as a bar chart. No chart library needed.
import type { ReactNode } from 'react';

export interface BarRow {
  key: string;
  label: ReactNode;
  count: number;
}

export function BarTable({
  caption,
  rows,
  labelHeader,
  countHeader,
  format,
  emptyText,
  max,
}: {
  caption: ReactNode;
  rows: BarRow[];
  labelHeader: string;
  countHeader: string;
  format(n: number): string;
  emptyText?: string;
  /** Scale maximum (default: the largest row). */
  max?: number;
}) {
  const top = Math.max(1, max ?? Math.max(0, ...rows.map((r) => r.count)));
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="bar-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="num">
              {countHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyText && (
            <tr>
              <td colSpan={2} className="muted">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <span className="bar-table__label">{row.label}</span>
                <span className="bar-table__track" aria-hidden="true">
                  <span className="bar-table__bar" style={{ width: row.count > 0 ? `max(2px, ${(row.count / top) * 100}%)` : 0 }} />
                </span>
              </th>
              <td className="num">{format(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
