import { setLanguage, useLanguage, useT } from '../i18n/store.ts';

/**
 * One button that flips between Bahasa Indonesia and English; the choice is remembered. Its name is
 * made of the visible text (the code on a phone, the language name on a desktop) so speech-input
 * users can say what they see: "EN Switch to English" / "Switch to English".
 */
export function LanguageSwitch() {
  const language = useLanguage();
  const t = useT();
  const next = language === 'id' ? 'en' : 'id';
  return (
    <button type="button" className="lang-switch" lang={next} onClick={() => setLanguage(next)}>
      <span className="lang-switch__code">{next.toUpperCase()}</span>
      <span className="lang-switch__name">{t('lang.switchToLabel')}</span>
    </button>
  );
}
