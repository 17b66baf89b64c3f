// Staff dashboard: who is signed in, with which role and jurisdiction, and the console's areas.
import { Link } from 'react-router-dom';
import { ROLE_LABELS } from '../../../domain/access/policy.ts';
import { api } from '../../api/client.ts';
import type { RegionDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';

export default function Dasbor() {
  const t = useT();
  const language = useLanguage();
  const user = useStaffUser();
  const region = useApi(
    user.regionCode ? (signal) => api.get<RegionDetail>(`/regions/${encodeURIComponent(user.regionCode!)}`, undefined, signal) : null,
    [user.regionCode],
  );
  const jurisdiction = !user.regionCode
    ? t('staff.national')
    : region.status === 'ready'
      ? [
          region.data.name,
          ...region.data.ancestors
            .slice()
            .reverse()
            .map((a) => a.name),
        ].join(', ')
      : user.regionCode;
  const areas: { to: string; title: MessageKey; hint: MessageKey }[] = [
    { to: '/staf/antrian', title: 'staff.queue', hint: 'staff.queueHint' },
    { to: '/staf/temuan', title: 'staff.findings', hint: 'staff.findingsHint' },
    { to: '/staf/rekomendasi', title: 'staff.recommendations', hint: 'staff.recommendationsHint' },
    { to: '/staf/leads', title: 'staff.leads', hint: 'staff.leadsHint' },
    ...(user.role === 'admin' ? [{ to: '/staf/pengguna', title: 'staff.users' as const, hint: 'staff.usersHint' as const }] : []),
    { to: '/staf/keamanan', title: 'staff.security', hint: 'staff.securityHint' },
  ];
  return (
    <div className="page">
      <PageTitle>{t('staff.welcome', { name: user.displayName })}</PageTitle>
      <dl className="facts facts--profile">
        <div>
          <dt>{t('staff.username')}</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>{t('staff.role')}</dt>
          <dd>{pick(ROLE_LABELS[user.role], language)}</dd>
        </div>
        <div>
          <dt>{t('staff.jurisdiction')}</dt>
          <dd>{user.regionCode ? <Link to={`/wilayah/${user.regionCode}`}>{jurisdiction}</Link> : jurisdiction}</dd>
        </div>
        {user.agency && (
          <div>
            <dt>{t('staff.agency')}</dt>
            <dd>{user.agency}</dd>
          </div>
        )}
        <div>
          <dt>{t('staff.totpStatus')}</dt>
          <dd>{user.totpEnabled ? t('staff.totpOn') : t('staff.totpOff')}</dd>
        </div>
      </dl>
      {!user.totpEnabled && (
        <Notice kind="warning">
          <Link to="/staf/keamanan">{t('staff.totpWarning')}</Link>
        </Notice>
      )}
      <ul className="link-cards">
        {areas.map((area) => (
          <li key={area.to}>
            <Link to={area.to} className="link-card">
              <span className="link-card__title">{t(area.title)}</span>
              <span className="link-card__hint">{t(area.hint)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
