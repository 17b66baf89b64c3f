// The archived article text with the extracted facts marked (<mark> per span, coloured by kind,
// with a legend; the kind is also in the title attribute so colour is not the only cue).
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/store.ts';
import { HIGHLIGHT_KINDS as KINDS, type LeadDetail } from './types.ts';

export function HighlightLegend() {
  const t = useT();
  return (
    <ul className="lead-legend" aria-label={t('leads.legend')}>
      {KINDS.map((kind) => (
        <li key={kind}>
          <mark className={`hl hl--${kind}`}>{t(`leads.hl.${kind}` as MessageKey)}</mark>
        </li>
      ))}
    </ul>
  );
}

export function HighlightedText({ text, highlights }: { text: string; highlights: LeadDetail['highlights'] }) {
  const t = useT();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, h] of [...highlights].sort((a, b) => a.start - b.start).entries()) {
    if (h.start < at || h.end > text.length) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={i} className={`hl hl--${h.kind}`} data-kind={h.kind} title={`${t(`leads.hl.${h.kind}` as MessageKey)}: ${h.label}`}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return <div className="lead-text">{parts}</div>;
}
