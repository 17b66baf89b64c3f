// User administration (admin only): list accounts and create one with role, region and agency.
import { useId, useState, type FormEvent } from 'react';
import { ROLE_LABELS, STAFF_ROLES, ROLE_REGION_PATTERN, type StaffRole } from '../../../domain/access/policy.ts';
import { INSTANSI } from '../../../domain/catalogues/instansi.ts';
import { api, ApiError } from '../../api/client.ts';
import type { RegionSummary } from '../../api/types.ts';
import type { UserEnvelope, UserList } from '../../../contracts/accounts.ts';
import { ACCOUNT_LIMITS } from '../../../contracts/limits.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';

export default function Pengguna() {
  const t = useT();
  const user = useStaffUser();
  if (user.role !== 'admin') {
    return (
      <div className="page">
        <PageTitle>{t('users.title')}</PageTitle>
        <Notice kind="warning">{t('users.adminOnly')}</Notice>
      </div>
    );
  }
  return <UserAdmin />;
}

function UserAdmin() {
  const t = useT();
  const language = useLanguage();
  const users = useApi((signal) => api.get<UserList>('/users', undefined, signal), []);
  return (
    <div className="page">
      <PageTitle>{t('users.title')}</PageTitle>
      <CreateUserForm onCreated={users.reload} />
      <section aria-labelledby="user-list-title">
        <h2 id="user-list-title">{t('users.listTitle')}</h2>
        {users.status === 'loading' && <Loading />}
        {users.status === 'error' && <ErrorNotice error={users.error} onRetry={users.reload} />}
        {users.status === 'ready' && (
          <>
            <p className="muted">{t('users.total', { total: users.data.total })}</p>
            <div className="table-wrap" tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('users.colUsername')}</th>
                    <th scope="col">{t('users.colName')}</th>
                    <th scope="col">{t('users.colRole')}</th>
                    <th scope="col">{t('users.colRegion')}</th>
                    <th scope="col">{t('users.colTotp')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.username}</th>
                      <td>{u.displayName}</td>
                      <td>
                        {pick(ROLE_LABELS[u.role], language)}
                        {u.agency ? ` · ${u.agency}` : ''}
                      </td>
                      <td>{u.regionCode ?? t('common.none')}</td>
                      <td>{u.totpEnabled ? t('common.yes') : t('common.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated(): void }) {
  const t = useT();
  const language = useLanguage();
  const ids = {
    username: useId(),
    displayName: useId(),
    password: useId(),
    passwordHint: useId(),
    role: useId(),
    agency: useId(),
    agencyHint: useId(),
  };
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('pengawas_kabkota');
  const [region, setRegion] = useState<RegionSummary | null>(null);
  const [agency, setAgency] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const needsRegion = Boolean(ROLE_REGION_PATTERN[role]) || role === 'ppk';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const result = await api.post<UserEnvelope>('/users', {
        username: username.trim(),
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        password,
        role,
        regionCode: region?.code ?? null,
        agency: agency.trim() || null,
      });
      setCreated(result.user.username);
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRegion(null);
      setAgency('');
      onCreated();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', { id: String(caught), en: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? true : undefined);
  return (
    <section aria-labelledby="create-user-title" className="card">
      <h2 id="create-user-title">{t('users.createTitle')}</h2>
      {created && <Notice kind="success">{t('users.created', { username: created })}</Notice>}
      {error && <ErrorNotice error={error} />}
      <form className="form form--grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.username}>{t('staff.username')}</label>
          <input
            id={ids.username}
            required
            minLength={ACCOUNT_LIMITS.username.min}
            maxLength={ACCOUNT_LIMITS.username.max}
            autoComplete="off"
            value={username}
            aria-invalid={invalid('username')}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.displayName}>{t('users.displayName')}</label>
          <input
            id={ids.displayName}
            autoComplete="off"
            maxLength={ACCOUNT_LIMITS.displayName.max}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('staff.password')}</label>
          <input
            id={ids.password}
            type="password"
            required
            minLength={ACCOUNT_LIMITS.password.min}
            autoComplete="new-password"
            value={password}
            aria-describedby={ids.passwordHint}
            aria-invalid={invalid('password')}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id={ids.passwordHint} className="hint">
            {t('users.passwordHint', { n: ACCOUNT_LIMITS.password.min })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('staff.role')}</label>
          <select id={ids.role} value={role} aria-invalid={invalid('role')} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {pick(ROLE_LABELS[r], language)}
              </option>
            ))}
          </select>
        </div>
        <RegionPicker
          label={t('users.region')}
          hint={needsRegion ? t('users.regionHint') : undefined}
          value={region}
          onChange={setRegion}
          invalid={error?.field === 'region' || error?.field === 'regionCode'}
        />
        <div className="field">
          <label htmlFor={ids.agency}>{t('staff.agency')}</label>
          {/* A PPK is one catalogue entry (region + instansi key); never free text. */}
          <select
            id={ids.agency}
            value={agency}
            aria-describedby={ids.agencyHint}
            aria-invalid={invalid('agency')}
            onChange={(e) => setAgency(e.target.value)}
          >
            <option value="">{t('common.none')}</option>
            {INSTANSI.map((x) => (
              <option key={x.key} value={x.key}>
                {language === 'en' ? x.labelEn : x.label}
              </option>
            ))}
          </select>
          <p id={ids.agencyHint} className="hint">
            {t('users.agencyHint')}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
