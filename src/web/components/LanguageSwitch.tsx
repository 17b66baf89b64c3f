import { setLanguage, useLanguage, useT } from '../i18n/store.ts';

/** One button that flips between Bahasa Indonesia and English; the choice is remembered. */
export function LanguageSwitch() {
  const language = useLanguage();
  const t = useT();
  const next = language === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next}
      aria-label={t('lang.switchToLabel')}
      onClick={() => setLanguage(next)}
    >
      <span aria-hidden="true" className="lang-switch__code">{next.toUpperCase()}</span>
      <span className="lang-switch__name">{t('lang.switchTo')}</span>
    </button>
  );
}
