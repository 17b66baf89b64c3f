// The error summary at the top of a form, and focus on the first invalid field.
import { fieldId, type FieldErrors } from './fieldParts.tsx';

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
