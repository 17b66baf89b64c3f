// Picks one region by typing part of its name (server-side fuzzy search) and choosing a result.
import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { Page, RegionSummary } from '../api/types.ts';
import { useT } from '../i18n/store.ts';
import { FieldError, fieldId } from './FormField.tsx';

export function RegionPicker({
  label,
  hint,
  value,
  onChange,
  invalid,
  name,
  error,
  includeDesa = false,
  levels,
}: {
  label: string;
  hint?: string;
  value: RegionSummary | null;
  onChange(region: RegionSummary | null): void;
  invalid?: boolean;
  /** API field path: gives the input a predictable id (see FormField) so errors can focus it. */
  name?: string;
  error?: string;
  /** Offer villages too (event locations); staff jurisdictions stop at kecamatan. */
  includeDesa?: boolean;
  /** Only offer these levels (e.g. office targets: provinsi, kabupaten, kota). */
  levels?: RegionSummary['level'][];
}) {
  const t = useT();
  const generatedId = useId();
  const inputId = name ? fieldId(name) : generatedId;
  const hintId = `${inputId}-hint`;
  const listId = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<RegionSummary[]>([]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .get<Page<RegionSummary>>('/regions', { q, limit: 8 }, controller.signal)
        .then((page) => setResults(page.items.filter((r) => (includeDesa || r.level !== 'desa') && (!levels || levels.includes(r.level)))))
        .catch(() => setResults([]));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, includeDesa]);

  return (
    <div className={`field region-picker ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {value ? (
        <p className="region-picker__selected">
          <span>{t('users.regionSelected', { name: value.name, code: value.code })}</span>{' '}
          <button type="button" className="button button--link" onClick={() => onChange(null)} aria-label={t('users.regionClear')}>
            ×
          </button>
        </p>
      ) : (
        <>
          <input
            id={inputId}
            type="search"
            autoComplete="off"
            value={text}
            aria-describedby={[hint ? hintId : null, error ? `${inputId}-error` : null].filter(Boolean).join(' ') || undefined}
            aria-invalid={invalid || Boolean(error) || undefined}
            aria-controls={listId}
            onChange={(e) => setText(e.target.value)}
          />
          <ul id={listId} className="region-picker__results">
            {results.map((region) => (
              <li key={region.code}>
                <button
                  type="button"
                  className="button button--option"
                  onClick={() => {
                    onChange(region);
                    setText('');
                    setResults([]);
                  }}
                >
                  {region.name}{' '}
                  <span className="muted">
                    · {t(`regions.level.${region.level}`)} · {region.code}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <FieldError id={inputId} error={error} />
    </div>
  );
}
