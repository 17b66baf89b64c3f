// Form controls with a label, an optional hint and an error linked through aria-describedby.
// Ids derive from the API field path ('pelapor.nik' → 'f-pelapor-nik') so a server error naming
// a field can be shown at that field and focused.
import type { ReactNode } from 'react';

export type FieldErrors = Record<string, string>;

export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string) {
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

interface BaseProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  optionalLabel?: string;
  className?: string;
}

function Label({ id, label, required, optionalLabel }: { id: string; label: string; required?: boolean; optionalLabel?: string }) {
  return (
    <label htmlFor={id}>
      {label}
      {!required && optionalLabel ? <span className="field__optional"> ({optionalLabel})</span> : null}
    </label>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  required,
  optionalLabel,
  className,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  maxLength,
  max,
  min,
  placeholder,
  status,
  onBlur,
}: BaseProps & {
  value: string;
  onChange(value: string): void;
  type?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'url' | 'search';
  autoComplete?: string;
  maxLength?: number;
  max?: string;
  min?: string;
  placeholder?: string;
  /** Live feedback (e.g. NIK check) announced politely. */
  status?: ReactNode;
  onBlur?(): void;
}) {
  const id = fieldId(name);
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <Label id={id} label={label} required={required} optionalLabel={optionalLabel} />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        maxLength={maxLength}
        max={max}
        min={min}
        placeholder={placeholder}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, status ? `${id}-status` : undefined)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {status && (
        <p id={`${id}-status`} className="field-status" aria-live="polite">
          {status}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextArea({
  name,
  label,
  hint,
  error,
  required,
  optionalLabel,
  className,
  value,
  onChange,
  rows = 5,
  maxLength,
  counter,
}: BaseProps & {
  value: string;
  onChange(value: string): void;
  rows?: number;
  maxLength?: number;
  counter?: string;
}) {
  const id = fieldId(name);
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <Label id={id} label={label} required={required} optionalLabel={optionalLabel} />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        maxLength={maxLength}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
      {counter && <p className="hint field__counter">{counter}</p>}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  required,
  optionalLabel,
  className,
  value,
  onChange,
  options,
  placeholder,
}: BaseProps & {
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const id = fieldId(name);
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <Label id={id} label={label} required={required} optionalLabel={optionalLabel} />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Radio buttons in a fieldset; the first radio carries the field id (for focusing errors). */
export function RadioGroup({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  className,
}: BaseProps & {
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string; description?: string }[];
}) {
  const id = fieldId(name);
  return (
    <fieldset
      className={`field choice-group ${error ? 'field--invalid' : ''} ${className ?? ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {options.map((o, index) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(o.value)}
          />
          <span>
            <span className="choice__label">{o.label}</span>
            {o.description && <span className="choice__description">{o.description}</span>}
          </span>
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Checkboxes in a fieldset; the value is the list of checked option values. */
export function CheckboxGroup({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  className,
}: BaseProps & {
  value: string[];
  onChange(value: string[]): void;
  options: { value: string; label: string; description?: string }[];
}) {
  const id = fieldId(name);
  return (
    <fieldset
      className={`field choice-group ${error ? 'field--invalid' : ''} ${className ?? ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {options.map((o, index) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            id={index === 0 ? id : `${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={value.includes(o.value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          <span>
            <span className="choice__label">{o.label}</span>
            {o.description && <span className="choice__description">{o.description}</span>}
          </span>
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Lists the errors at the top of a form, each linking to its field; focus goes to the first field. */
export function ErrorSummary({ title, errors, labels }: { title: string; errors: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <h2>{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${fieldId(field)}`}
              onClick={(e) => {
                const target = document.getElementById(fieldId(field));
                if (target) {
                  e.preventDefault();
                  target.focus();
                }
              }}
            >
              {labels?.[field] ? `${labels[field]}: ` : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Focuses the first invalid control inside `root` (DOM order), after React has rendered. */
export function focusFirstInvalid(root: HTMLElement | null, preferred?: string) {
  window.requestAnimationFrame(() => {
    const byId = preferred ? document.getElementById(fieldId(preferred)) : null;
    const target = byId ?? root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  });
}
