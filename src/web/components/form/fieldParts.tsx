// What every form control shares: ids derived from the API field path, the label with its
// "optional" mark, the error paragraph and the aria-describedby list.
import type { ReactNode } from 'react';

export type FieldErrors = Record<string, string>;

export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string) {
  return [hint ? `${id}-hint` : null, extra ?? null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

export interface BaseProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optionalLabel?: string;
  className?: string;
}

export function Label({ id, label, required, optionalLabel }: { id: string; label: string; required?: boolean; optionalLabel?: string }) {
  return (
    <label htmlFor={id}>
      {label}
      {!required && optionalLabel ? <span className="field__optional"> ({optionalLabel})</span> : null}
    </label>
  );
}
