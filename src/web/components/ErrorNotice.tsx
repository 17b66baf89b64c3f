import type { ApiError } from '../api/client.ts';
import { useLanguage, useT } from '../i18n/store.ts';
import { Notice } from './Layout.tsx';

/** An API failure as an alert, in the current language, with an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  useLanguage();
  const t = useT();
  return (
    <Notice kind="error">
      <p>{error.localized()}</p>
      {onRetry && <button type="button" className="button button--secondary" onClick={onRetry}>{t('common.retry')}</button>}
    </Notice>
  );
}
