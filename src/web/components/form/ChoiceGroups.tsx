// Radio and checkbox groups as fieldsets: the legend is the label, the error belongs to the group.
import { FieldError, describedBy, fieldId, type BaseProps } from './fieldParts.tsx';

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
