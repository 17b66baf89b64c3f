// The current UI language: Bahasa Indonesia by default, English on request, remembered in
// localStorage. A tiny external store so React re-renders on change without a context provider.
import { useSyncExternalStore } from 'react';
import { dictionaries, type Language, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'netra.lang';
const listeners = new Set<() => void>();

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

let current: Language = typeof localStorage === 'undefined' ? 'id' : readStoredLanguage();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

/** Looks a key up in the given language and fills `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = dictionaries[language][key] ?? dictionaries.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage, () => 'id' as Language);
}

/** `const t = useT(); t('home.title')`: re-renders when the language changes. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useLanguage();
  return (key, params) => translate(language, key, params);
}

/** Picks the current language's side of a bilingual `{ id, en }` value coming from the API or domain. */
export function pick(value: { id: string; en: string }, language: Language): string {
  return value[language] || value.id;
}
