// A simple titled page: stand-in for pages still being built (report form, tracking, guide) and 404.
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/store.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { Notice, PageTitle } from '../../components/Layout.tsx';

export function PlaceholderPage({
  titleKey,
  bodyKey,
  underConstruction = true,
}: {
  titleKey: MessageKey;
  bodyKey: MessageKey;
  underConstruction?: boolean;
}) {
  const t = useT();
  return (
    <div className="page">
      <PageTitle>{t(titleKey)}</PageTitle>
      {underConstruction && <Notice>{t('common.comingSoon')}</Notice>}
      <p>{t(bodyKey)}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  );
}

export const NotFound = () => <PlaceholderPage titleKey="notFound.title" bodyKey="notFound.body" underConstruction={false} />;
