// Referrals (rekomendasi) inbox for BKN, PPK and Bawaslu: list with state and due/overdue, and a
// detail page with the letter data, the steps and the caller's role's actions (BKN: verify,
// forward to the PPK, SIASN block; PPK: sanction from the catalogue valid for the subject, decree,
// applied; both: not proven). The server decides what is allowed; the UI offers what applies.
import { useRef, useState, type FormEvent } from 'react';
import { Link, Route, Routes, useParams, useSearchParams } from 'react-router-dom';
import { REFERRAL_STATES, REFERRAL_STATE_LABELS, canBlockSiasn, isAsnAuthority } from '../../../domain/referrals/states.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField, TextArea, TextField, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { DeadlineMark } from '../../features/cases/CaseList.tsx';
import { fieldErrorsOf, toApiError } from '../../features/cases/http.ts';
import { classificationLabel, formatDateTime, subjectLabel, todayLocal } from '../../features/cases/labels.ts';
import type { ReferralDetail, ReferralLetter, ReferralList } from '../../features/referrals/types.ts';
import { REFERRAL_LIMITS } from '../../../contracts/limits.ts';

const PAGE = 20;

export default function Rekomendasi() {
  return (
    <Routes>
      <Route index element={<Inbox />} />
      <Route path=":id" element={<Detail />} />
    </Routes>
  );
}

function Inbox() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const overdue = params.get('overdue') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const list = useApi(
    (signal) => api.get<ReferralList>('/referrals', { state, overdue, limit: PAGE, offset }, signal),
    [state, overdue, offset],
  );
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('offset');
    setParams(next);
  };
  return (
    <div className="page">
      <PageTitle>{t('staff.recommendations')}</PageTitle>
      <p>{t('ref.lead')}</p>
      <div className="card filters">
        <div className="filters__grid">
          <SelectField
            name="refState"
            label={t('queue.state')}
            value={state}
            onChange={(v) => setFilter('state', v)}
            placeholder={t('queue.all')}
            options={REFERRAL_STATES.map((s) => ({ value: s, label: REFERRAL_STATE_LABELS[s][language] }))}
          />
          <SelectField
            name="refOverdue"
            label={t('queue.deadline')}
            value={overdue}
            onChange={(v) => setFilter('overdue', v)}
            placeholder={t('queue.all')}
            options={[
              { value: 'true', label: t('queue.overdueOnly') },
              { value: 'false', label: t('queue.notOverdue') },
            ]}
          />
        </div>
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (
        <>
          {list.data.items.length === 0 && <p>{t('ref.empty')}</p>}
          <ul className="case-list">
            {list.data.items.map((r) => (
              <li key={r.id} className={`case-card card ${r.overdue ? 'case-card--overdue' : ''}`}>
                <div className="case-card__head">
                  <span className={`state-badge state-badge--ref-${r.state}`}>{pick(r.stateLabel, language)}</span>
                  <span className="badge">{r.authority}</span>
                  {r.siasnBlocked && <span className="badge badge--live">{t('ref.siasnBlocked')}</span>}
                </div>
                <h2 className="case-card__title">
                  <Link to={`/staf/rekomendasi/${r.id}`}>{r.recommendationNumber}</Link>
                </h2>
                <p className="case-card__terlapor">
                  {r.terlapor.position}, {r.terlapor.agency} ({subjectLabel(r.terlapor.subjectType, language)})
                </p>
                <p className="muted">{t('ref.recommendedAt', { at: formatDateTime(r.recommendedAt, language) })}</p>
                <p className="case-card__deadline">
                  {r.nextStep?.dueLocal ? (
                    <DeadlineMark overdue={r.nextStep.overdue} dueLocal={r.nextStep.dueLocal} ruleId={null} />
                  ) : (
                    <span className="muted">{t('queue.noDeadline')}</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={(next) => setFilter('offset', next ? String(next) : '')} />
        </>
      )}
    </div>
  );
}

function Detail() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const user = useStaffUser();
  const detail = useApi((signal) => api.get<ReferralDetail>(`/referrals/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const letter = useApi(
    user.role === 'analyst' ? null : (signal) => api.get<ReferralLetter>(`/referrals/${encodeURIComponent(id)}/letter`, undefined, signal),
    [id],
  );
  const [flash, setFlash] = useState<string | null>(null);

  if (detail.status === 'loading')
    return (
      <div className="page">
        <Loading />
      </div>
    );
  if (detail.status === 'error')
    return (
      <div className="page">
        <ErrorNotice error={detail.error} onRetry={detail.reload} />
      </div>
    );
  const r = detail.data;
  const done = (message: string) => {
    setFlash(message);
    detail.reload();
  };

  return (
    <div className="page kasus">
      <Breadcrumbs
        items={[
          { to: '/staf', label: t('staff.title') },
          { to: '/staf/rekomendasi', label: t('staff.recommendations') },
          { label: r.recommendationNumber },
        ]}
      />
      <PageTitle>{t('ref.titleN', { number: r.recommendationNumber })}</PageTitle>
      <p className="kasus__status">
        <span className={`state-badge state-badge--ref-${r.state}`} data-testid="referral-state">
          {pick(r.stateLabel, language)}
        </span>
        <span className="badge">{r.authorityName}</span>
        {r.siasnBlocked && <span className="badge badge--live">{t('ref.siasnBlocked')}</span>}
        {r.conflictOfInterest && <span className="badge badge--live">{t('ref.conflict')}</span>}
      </p>
      {flash && <Notice kind="success">{flash}</Notice>}
      <div className="kasus__layout">
        <div className="kasus__actions">
          <ReferralActions r={r} onDone={done} />
        </div>
        <div className="kasus__main">
          <section className="card" aria-labelledby="ref-facts">
            <h2 id="ref-facts">{t('ref.facts')}</h2>
            <dl className="facts facts--stack">
              <div>
                <dt>{t('case.terlapor')}</dt>
                <dd>
                  {r.terlapor.name ? (
                    <>
                      <strong>{r.terlapor.name}</strong>
                      {r.terlapor.nip ? ` · NIP ${r.terlapor.nip}` : ''}
                      <br />
                    </>
                  ) : null}
                  {r.terlapor.position}, {r.terlapor.agency} · {subjectLabel(r.terlapor.subjectType, language)}
                </dd>
              </div>
              <div>
                <dt>{t('case.classification')}</dt>
                <dd>{classificationLabel(r.classification, language)}</dd>
              </div>
              <div>
                <dt>{t('ref.proposed')}</dt>
                <dd>
                  {[r.proposedTrack.track, r.proposedTrack.level].filter(Boolean).join(' · ') || t('common.none')}
                  {r.proposedTrack.citation ? (
                    <span className="hint">
                      <br />
                      {r.proposedTrack.citation}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t('ref.recommended')}</dt>
                <dd>{formatDateTime(r.recommendedAt, language)}</dd>
              </div>
              {r.caseId && user.role.startsWith('pengawas') && (
                <div>
                  <dt>{t('case.title')}</dt>
                  <dd>
                    <Link to={`/staf/kasus/${r.caseId}`}>{t('ref.openCase')}</Link>
                  </dd>
                </div>
              )}
            </dl>
            {r.sanction && (
              <div className="sanction">
                <h3>{t('ref.sanction')}</h3>
                <p>
                  <strong>{language === 'en' ? r.sanction.labelEn : r.sanction.label}</strong>
                </p>
                <p className="hint">{r.sanction.source}</p>
                {r.sanction.decreeNumber && (
                  <p>
                    {t('ref.decree')}: {r.sanction.decreeNumber}
                    {r.sanction.decreeDate ? `, ${formatDate(r.sanction.decreeDate, language)}` : ''}
                  </p>
                )}
                {r.sanction.lighterThanProposed && <Notice kind="warning">{t('ref.lighter')}</Notice>}
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="ref-steps">
            <h2 id="ref-steps">{t('ref.steps')}</h2>
            <ol className="timeline">
              {r.steps.map((s, i) => (
                <li key={i} className={`timeline__item ${s.overdue ? 'timeline__item--overdue' : ''}`}>
                  <strong className="timeline__what">{pick(s.label, language)}</strong>
                  <span className="timeline__when">
                    {s.doneAt ? t('ref.doneAt', { at: formatDateTime(s.doneAt, language) }) : t('ref.open')}
                  </span>
                  {s.dueLocal &&
                    (s.doneAt ? (
                      <span className="hint">
                        {t('lacak.due', { due: s.dueLocal })}
                        {s.late ? ` · ${t('ref.late')}` : ''}
                      </span>
                    ) : (
                      <DeadlineMark overdue={s.overdue} dueLocal={s.dueLocal} />
                    ))}
                  {s.basis && <span className="hint">{s.basis}</span>}
                </li>
              ))}
            </ol>
          </section>
          {letter.status === 'ready' && <LetterSection letter={letter.data} />}
        </div>
        <aside className="kasus__side">
          <section className="card">
            <h2>{t('ref.public')}</h2>
            <p>
              <Link to={`/rekomendasi/${encodeURIComponent(r.publicKey)}`}>{t('ref.publicLink')}</Link>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}

function LetterSection({ letter }: { letter: ReferralLetter }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="card letter" aria-labelledby="ref-letter">
      <h2 id="ref-letter">{t('ref.letter')}</h2>
      <p>
        <a href={`/api/v1/referrals/${encodeURIComponent(letter.referralId)}/letter.pdf`} download>
          {t('ref.letter')} (PDF)
        </a>
      </p>
      <dl className="facts facts--stack">
        <div>
          <dt>{t('ref.number')}</dt>
          <dd>{letter.number}</dd>
        </div>
        <div>
          <dt>{t('ref.date')}</dt>
          <dd>{letter.dateLocal}</dd>
        </div>
        <div>
          <dt>{t('ref.from')}</dt>
          <dd>{letter.from.officeName}</dd>
        </div>
        <div>
          <dt>{t('ref.to')}</dt>
          <dd>{letter.addressee}</dd>
        </div>
        <div>
          <dt>{t('ref.subject')}</dt>
          <dd>{letter.subject}</dd>
        </div>
        {letter.registrationNumber && (
          <div>
            <dt>{t('case.registration')}</dt>
            <dd>{letter.registrationNumber}</dd>
          </div>
        )}
        {letter.event.date && (
          <div>
            <dt>{t('lapor.tanggalKejadian')}</dt>
            <dd>
              {formatDate(letter.event.date, language)}
              {letter.event.place ? ` · ${letter.event.place}` : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('case.acts')}</dt>
          <dd>{letter.acts.map((a) => a.label).join('; ') || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('ref.legalBasis')}</dt>
          <dd>{letter.legalBasis}</dd>
        </div>
        {letter.followUpDeadline && (
          <div>
            <dt>{t('ref.followUp')}</dt>
            <dd>
              {letter.followUpDeadline.dueLocal}
              <span className="hint">
                <br />
                {letter.followUpDeadline.source}
              </span>
            </dd>
          </div>
        )}
      </dl>
      {letter.kajianSummary && (
        <>
          <h3>{t('case.summary')}</h3>
          <p>{letter.kajianSummary}</p>
        </>
      )}
      {letter.proposedTrack.sanctions.length > 0 && (
        <>
          <h3>{t('ref.proposedSanctions')}</h3>
          <ul className="plain-list">
            {letter.proposedTrack.sanctions.map((s) => (
              <li key={s.key}>{s.label}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type Step = 'verify' | 'forward-to-ppk' | 'siasn-block' | 'sanction' | 'sanction-applied' | 'not-proven';

function ReferralActions({ r, onDone }: { r: ReferralDetail; onDone(message: string): void }) {
  const t = useT();
  const user = useStaffUser();
  const [step, setStep] = useState<Step | null>(null);
  const [note, setNote] = useState('');
  const [sanction, setSanction] = useState('');
  const [decreeNumber, setDecreeNumber] = useState('');
  const [decreeDate, setDecreeDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const asn = isAsnAuthority(r.authority);
  const decidable = asn ? r.state === 'diteruskan_ppk' : r.state === 'direkomendasikan';
  const available: Step[] = [];
  if (user.role === 'bkn') {
    if (r.state === 'direkomendasikan' && asn) available.push('verify');
    if (r.state === 'diverifikasi') available.push('forward-to-ppk');
    if (canBlockSiasn(r)) available.push('siasn-block');
    if (asn && ['direkomendasikan', 'diverifikasi', 'diteruskan_ppk'].includes(r.state)) available.push('not-proven');
  }
  if (user.role === 'ppk') {
    if (decidable) available.push('sanction', 'not-proven');
    if (r.state === 'diputus') available.push('sanction-applied');
  }
  if (available.length === 0) {
    return (
      <section className="card">
        <h2>{t('case.actions')}</h2>
        <p className="muted">{t('ref.noActions')}</p>
      </section>
    );
  }
  const sanctions = r.validSanctions.filter((s) => s.key !== 'none.tidak_terbukti');

  function choose(next: Step) {
    setStep(next);
    setNote('');
    setSanction('');
    setDecreeNumber('');
    setDecreeDate('');
    setErrors({});
    setError(null);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('h3')?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!step) return;
    const found: FieldErrors = {};
    if (step === 'siasn-block' && note.trim().length < REFERRAL_LIMITS.siasnBlockReason.min)
      found.note = t('form.minChars', { n: REFERRAL_LIMITS.siasnBlockReason.min });
    if (step === 'sanction') {
      if (!sanction) found.sanction = t('form.choose');
      if (!decreeNumber.trim()) found.decreeNumber = t('form.required');
      if (!decreeDate) found.decreeDate = t('form.required');
    }
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const body: Record<string, unknown> =
      step === 'siasn-block'
        ? { reason: note.trim() }
        : step === 'sanction'
          ? { sanction, decreeNumber: decreeNumber.trim(), decreeDate, ...(note.trim() ? { note: note.trim() } : {}) }
          : step === 'not-proven'
            ? {
                ...(decreeNumber.trim() ? { decreeNumber: decreeNumber.trim() } : {}),
                ...(decreeDate ? { decreeDate } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              }
            : note.trim()
              ? { note: note.trim() }
              : {};
    setBusy(true);
    setError(null);
    try {
      await api.post(`/referrals/${r.id}/${step}`, body);
      const label = t(`refStep.${step}` as MessageKey);
      setStep(null);
      onDone(t('case.actionDone', { action: label }));
    } catch (caught) {
      const apiError = toApiError(caught);
      const fields = fieldErrorsOf(apiError);
      const known = Object.keys(fields).filter((f) => ['sanction', 'decreeNumber', 'decreeDate', 'note'].includes(f));
      if (known.length) {
        setErrors(fields);
        focusFirstInvalid(formRef.current, known[0]);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="ref-actions">
      <h2 id="ref-actions">{t('case.actions')}</h2>
      <div className="action-buttons">
        {available.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={step === s}
            className={`button ${s === 'not-proven' || s === 'siasn-block' ? 'button--danger-outline' : 'button--secondary'} ${step === s ? 'button--pressed' : ''}`}
            onClick={() => choose(s)}
          >
            {t(`refStep.${s}` as MessageKey)}
          </button>
        ))}
      </div>
      {step && (
        <form ref={formRef} className="form action-form" onSubmit={submit} noValidate>
          <h3 tabIndex={-1}>{t('case.confirmTitle', { action: t(`refStep.${step}` as MessageKey) })}</h3>
          <p className="hint">{t(`refHint.${step}` as MessageKey)}</p>
          {error && <ErrorNotice error={error} />}
          {step === 'sanction' && (
            <SelectField
              name="sanction"
              label={t('ref.sanction')}
              hint={t('ref.sanctionHint')}
              required
              value={sanction}
              onChange={setSanction}
              placeholder={t('form.choosePlaceholder')}
              error={errors.sanction}
              options={sanctions.map((s) => ({ value: s.key, label: s.label }))}
            />
          )}
          {(step === 'sanction' || step === 'not-proven') && (
            <div className="form form--grid">
              <TextField
                name="decreeNumber"
                label={t('ref.decreeNumber')}
                required={step === 'sanction'}
                optionalLabel={t('form.optional')}
                value={decreeNumber}
                onChange={setDecreeNumber}
                error={errors.decreeNumber}
              />
              <TextField
                name="decreeDate"
                type="date"
                label={t('ref.decreeDate')}
                required={step === 'sanction'}
                optionalLabel={t('form.optional')}
                max={todayLocal()}
                value={decreeDate}
                onChange={setDecreeDate}
                error={errors.decreeDate}
              />
            </div>
          )}
          <TextArea
            name="note"
            label={step === 'siasn-block' ? t('case.reason') : t('case.note')}
            required={step === 'siasn-block'}
            optionalLabel={t('form.optional')}
            rows={2}
            value={note}
            onChange={setNote}
            error={errors.note}
          />
          <div className="form__actions">
            <button
              type="submit"
              className={`button ${step === 'not-proven' || step === 'siasn-block' ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
            >
              {t('case.confirm', { action: t(`refStep.${step}` as MessageKey) })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
