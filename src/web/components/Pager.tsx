// Previous/next paging with "Showing 1–20 of 57".
import { useT } from '../i18n/store.ts';

export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
}) {
  const t = useT();
  if (total <= limit && offset === 0)
    return total > 0 ? <p className="muted pager__info">{t('pager.showing', { from: 1, to: total, total })}</p> : null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('pager.prev')}
      </button>
      <span className="pager__info" aria-live="polite">
        {t('pager.showing', { from: Math.min(offset + 1, total), to: Math.min(offset + limit, total), total })}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
