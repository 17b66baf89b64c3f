import type { ApiError } from '../api/client.ts';
import { useLanguage, useT } from '../i18n/store.ts';
import { Notice } from './Layout.tsx';

/** Retrying helps only when the failure was the network or the server, not the request itself. */
export const retryable = (error: ApiError) => error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;

/** An API failure as an alert, in the current language, with a retry where one can help. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  useLanguage();
  const t = useT();
  return (
    <Notice kind="error">
      <p>{error.localized()}</p>
      {onRetry && retryable(error) && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Notice>
  );
}
