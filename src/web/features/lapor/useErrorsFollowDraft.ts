// Once shown, an error goes away as soon as its field passes the check again; errors the client
// does not check on this step (server errors, other steps) stay as they are.
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { FieldErrors } from '../../components/FormField.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { stepOfField, type Draft } from './draft.ts';
import { validateStep } from './validate.ts';

export function useErrorsFollowDraft(draft: Draft, step: number, setErrors: Dispatch<SetStateAction<FieldErrors>>) {
  const t = useT();
  const language = useLanguage();
  const lastContent = useRef('');
  useEffect(() => {
    const content = JSON.stringify({ ...draft, step: 0 });
    const changed = lastContent.current !== '' && lastContent.current !== content;
    lastContent.current = content;
    if (!changed) return;
    setErrors((current) => {
      const keys = Object.keys(current);
      if (keys.length === 0) return current;
      const now = validateStep(step, draft, t, language);
      const next: FieldErrors = {};
      for (const key of keys) {
        const clientChecked = stepOfField(key) === step;
        if (!clientChecked || now[key]) next[key] = clientChecked && now[key] ? now[key] : current[key];
      }
      return Object.keys(next).length === keys.length && keys.every((k) => next[k] === current[k]) ? current : next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
}
