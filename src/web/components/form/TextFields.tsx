// Text input, text area and select, each with its label, hint and error.
import type { ReactNode } from 'react';
import { FieldError, Label, describedBy, fieldId, type BaseProps } from './fieldParts.tsx';

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
