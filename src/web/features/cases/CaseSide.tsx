// The side column of a case page: assignment, referrals made, documents, duplicate links and
// internal notes; the audited reporter-identity reveal is in IdentitySection.tsx.
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextArea, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { toApiError } from './http.ts';
import { stateLabel } from './labels.ts';
import type { CaseDetail, CaseLink, CaseLinkList } from './types.ts';
import type { ReferralList } from '../../../contracts/referrals.ts';
import { CASE_NOTE_LIMITS } from '../../../contracts/limits.ts';

export function AssignSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const user = useStaffUser();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (c.availableActions.length === 0 && !c.assignedTo) return null;
  const mine = c.assignedTo === user.id;
  const assign = async (assigneeId: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${c.id}/assign`, { assigneeId });
      onDone(assigneeId ? t('case.assignedToMe') : t('case.unassigned'));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="case-assign">
      <h2 id="case-assign">{t('case.assignment')}</h2>
      <p>{mine ? t('case.assignedToMe') : c.assignedTo ? t('case.assignedToOther') : t('case.unassigned')}</p>
      {error && <ErrorNotice error={error} />}
      {c.availableActions.length > 0 &&
        (mine ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => assign(null)}>
            {t('case.release')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => assign(user.id)}>
            {t('case.assignMe')}
          </button>
        ))}
    </section>
  );
}

export function DocumentsSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const kinds: string[] = [];
  if (c.kind === 'laporan') kinds.push('tanda-bukti', 'pemberitahuan-status');
  if (c.kind === 'laporan' && c.timeline.some((e) => e.action === 'minta_kelengkapan')) kinds.push('pemberitahuan-kelengkapan');
  if (c.kind === 'temuan' && c.registrationNumber) kinds.push('formulir-temuan');
  if (c.registrationNumber) kinds.push('kajian');
  if (kinds.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-docs">
      <h2 id="case-docs">{t('case.documents')}</h2>
      <ul className="plain-list">
        {kinds.map((k) => (
          <li key={k}>
            <a href={`/api/v1/cases/${c.id}/documents/${k}.pdf`} download>
              {t(`doc.${k}` as MessageKey)} (PDF)
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LinksSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const language = useLanguage();
  const links = useApi((signal) => api.get<CaseLinkList>(`/cases/${c.id}/links`, undefined, signal), [c.id, c.state]);
  const [error, setError] = useState<ApiError | null>(null);
  if (links.status !== 'ready' || links.data.items.length === 0) return null;
  const decide = async (link: CaseLink, decision: 'merge' | 'reject' | 'unmerge') => {
    if (!window.confirm(t(`links.confirm.${decision}` as MessageKey))) return;
    setError(null);
    try {
      await api.post(`/case-links/${link.id}`, { decision });
      links.reload();
      onDone(t(`links.done.${decision}` as MessageKey));
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <section className="card" aria-labelledby="case-links">
      <h2 id="case-links">{t('links.title')}</h2>
      {error && <ErrorNotice error={error} />}
      <ul className="plain-list">
        {links.data.items.map((l) => (
          <li key={l.id} className="link-item">
            {l.other.title ? (
              <Link to={`/staf/kasus/${l.otherCaseId}`}>{l.other.registrationNumber ?? l.other.title}</Link>
            ) : (
              <span>{t('links.hidden', { office: l.other.officeCode })}</span>
            )}
            <span className="hint">
              {l.reason} · {t('links.score', { score: Math.round(l.score * 100) })} · {t(`links.state.${l.state}` as MessageKey)}
              {l.other.state ? ` · ${stateLabel(l.other.state, language)}` : ''}
            </span>
            <span className="button-row">
              {(l.state === 'suggested' || l.state === 'unmerged') && (
                <button type="button" className="button button--secondary button--small" onClick={() => decide(l, 'merge')}>
                  {t('links.merge')}
                </button>
              )}
              {l.state === 'suggested' && (
                <button type="button" className="button button--secondary button--small" onClick={() => decide(l, 'reject')}>
                  {t('links.reject')}
                </button>
              )}
              {l.state === 'merged' && (
                <button type="button" className="button button--secondary button--small" onClick={() => decide(l, 'unmerge')}>
                  {t('links.unmerge')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReferralsSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const list = useApi(c.state === 'diteruskan' ? (signal) => api.get<ReferralList>('/referrals', { caseId: c.id }, signal) : null, [
    c.id,
    c.state,
  ]);
  if (c.state !== 'diteruskan' || list.status !== 'ready' || list.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-referrals">
      <h2 id="case-referrals">{t('staff.recommendations')}</h2>
      <ul className="plain-list">
        {list.data.items.map((r) => (
          <li key={r.id}>
            <Link to={`/staf/rekomendasi/${r.id}`}>{r.recommendationNumber}</Link>
            <span className="hint">
              {' '}
              · {r.authorityName} · {pick(r.stateLabel, language)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NoteSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  if (c.availableActions.length === 0) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (note.trim().length < CASE_NOTE_LIMITS.min) {
      setErrors({ note: t('form.minChars', { n: CASE_NOTE_LIMITS.min }) });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(null);
    try {
      await api.post(`/cases/${c.id}/notes`, { note: note.trim() });
      setNote('');
      onDone(t('case.noteSaved'));
    } catch (caught) {
      setError(toApiError(caught));
    }
  }
  return (
    <section className="card" aria-labelledby="case-note">
      <h2 id="case-note">{t('case.addNote')}</h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {error && <ErrorNotice error={error} />}
        <TextArea
          name="note"
          label={t('case.note')}
          hint={t('case.noteHint')}
          rows={3}
          required
          maxLength={CASE_NOTE_LIMITS.max}
          value={note}
          onChange={setNote}
          error={errors.note}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
