// One case as Bawaslu staff handle it: facts, terlapor, evidence, deadlines, timeline, notices,
// duplicate suggestions, documents, the audited reporter-identity reveal, assignment, notes, and
// the handling actions the server offers (availableActions) with the inputs each one needs.
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { INSTANSI, isAddressedSubject, suggestAddressForSubject } from '../../../domain/catalogues/instansi.ts';
import { REVEAL_REASON_MIN, checkRevealReason } from '../../../domain/access/revealReason.ts';
import { api, type ApiError } from '../../api/client.ts';
import type { RegionSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SelectField, TextArea, TextField, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import { Loading, Notice, PageTitle } from '../../components/Layout.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { DeadlineMark } from '../../features/cases/CaseList.tsx';
import { fieldErrorsOf, toApiError } from '../../features/cases/http.ts';
import { actLabel, classificationLabel, formatBytes, formatDateTime, stateLabel, subjectLabel } from '../../features/cases/labels.ts';
import { ruleLabel } from '../../features/cases/ruleLabels.ts';
import type { CaseDetail, CaseLink } from '../../features/cases/types.ts';
import type { ReferralSummary } from '../../features/referrals/types.ts';

const REASON_REQUIRED = ['tolak_registrasi', 'kelengkapan_tidak_dipenuhi', 'nyatakan_bukan_pelanggaran', 'hentikan_penelusuran', 'cabut'];
const REASON_OPTIONAL = ['minta_kelengkapan', 'minta_keterangan_tambahan', 'limpahkan'];
const DANGER = ['tolak_registrasi', 'kelengkapan_tidak_dipenuhi', 'nyatakan_bukan_pelanggaran', 'hentikan_penelusuran', 'cabut'];

const actionKey = (action: string) => `action.${action}` as MessageKey;

export default function Kasus() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const detail = useApi((signal) => api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const [flash, setFlash] = useState<string | null>(null);

  if (detail.status === 'loading') return <div className="page"><Loading /></div>;
  if (detail.status === 'error') return <div className="page"><ErrorNotice error={detail.error} onRetry={detail.reload} /></div>;
  const c = detail.data;
  const done = (message: string) => { setFlash(message); detail.reload(); };

  return (
    <div className="page kasus">
      <Breadcrumbs items={[{ to: '/staf', label: t('staff.title') }, { to: '/staf/antrian', label: t('staff.queue') }, { label: c.registrationNumber ?? c.trackingCode ?? t('case.title') }]} />
      <PageTitle>{c.title}</PageTitle>
      <p className="kasus__status">
        <span className={`state-badge state-badge--${c.state}`} data-testid="case-state">{pick(c.stateLabel, language)}</span>
        <span className="badge">{t(c.kind === 'temuan' ? 'queue.kindTemuan' : 'queue.kindLaporan')}</span>
        {c.late && <span className="badge badge--live">{t('queue.lateFiled')}</span>}
      </p>
      {flash && <Notice kind="success">{flash}</Notice>}

      <div className="kasus__layout">
        <div className="kasus__actions">
          <ActionsSection c={c} onDone={done} />
        </div>
        <div className="kasus__main">
          <section className="card" aria-labelledby="case-facts">
            <h2 id="case-facts">{t('case.facts')}</h2>
            <dl className="facts facts--stack">
              <div><dt>{t('case.registration')}</dt><dd>{c.registrationNumber ?? t('queue.unregistered')}</dd></div>
              {c.trackingCode && <div><dt>{t('lacak.code')}</dt><dd className="mono">{c.trackingCode}</dd></div>}
              <div><dt>{t('receipt.office')}</dt><dd>{c.officeName}</dd></div>
              <div><dt>{t('case.eventRegion')}</dt><dd><Link to={`/wilayah/${c.eventRegionCode}`}>{c.eventRegionCode}</Link>{c.eventPlace ? ` · ${c.eventPlace}` : ''}</dd></div>
              <div><dt>{t('lapor.tanggalKejadian')}</dt><dd>{c.eventDate ? formatDate(c.eventDate, language) : t('common.none')}</dd></div>
              <div><dt>{t('lapor.tanggalDiketahui')}</dt><dd>{c.knownDate ? formatDate(c.knownDate, language) : t('common.none')}</dd></div>
              <div><dt>{t('receipt.received')}</dt><dd>{formatDateTime(c.receivedAt, language)}</dd></div>
              <div><dt>{t('case.acts')}</dt><dd>{c.acts.map((a) => actLabel(a, language)).join('; ')}</dd></div>
              {c.classification && <div><dt>{t('case.classification')}</dt><dd>{classificationLabel(c.classification, language)}</dd></div>}
              {c.stateReason && <div><dt>{t('case.stateReason')}</dt><dd>{c.stateReason}</dd></div>}
              {c.decisionSummary && <div><dt>{t('case.summary')}</dt><dd>{c.decisionSummary}</dd></div>}
            </dl>
            {c.late && <Notice kind="warning">{c.proposedReason ?? t('lapor.lateBody')}</Notice>}
            <h3>{t('lapor.uraian')}</h3>
            <p className="kasus__narrative">{c.narrative}</p>
          </section>

          <section className="card" aria-labelledby="case-terlapor">
            <h2 id="case-terlapor">{t('case.terlapor')}</h2>
            <ul className="plain-list">
              {c.terlapor.map((x) => (
                <li key={x.id}>
                  <strong>{x.name}</strong>{x.nip ? <> · NIP <span className="mono">{x.nip}</span></> : null}
                  <br />{x.position}, {x.agency} · {subjectLabel(x.subjectType, language)}{x.regionCode ? ` · ${x.regionCode}` : ''}
                </li>
              ))}
            </ul>
            {c.witnesses.length > 0 && (
              <>
                <h3>{t('lapor.saksi')}</h3>
                <ul className="plain-list">{c.witnesses.map((w, i) => <li key={i}>{w.name} — {w.address}{w.phone ? ` · ${w.phone}` : ''}</li>)}</ul>
              </>
            )}
          </section>

          <EvidenceSection c={c} />
          <DeadlinesSection c={c} />
          <TimelineSection c={c} />
        </div>

        <aside className="kasus__side">
          <AssignSection c={c} onDone={done} />
          <ReferralsSection c={c} />
          <DocumentsSection c={c} />
          {c.kind === 'laporan' && c.availableActions.length + 1 > 0 && <IdentitySection c={c} />}
          <LinksSection c={c} onDone={done} />
          <NoteSection c={c} onDone={done} />
        </aside>
      </div>
    </div>
  );
}

function ActionsSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const language = useLanguage();
  const [action, setAction] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [classification, setClassification] = useState('');
  const [summary, setSummary] = useState('');
  const [target, setTarget] = useState<RegionSummary | null>(null);
  // 'teruskan': the instansi catalogue entry per terlapor, proposed from the free text, confirmed here.
  const [addresses, setAddresses] = useState<Record<number, { key: string; regionCode: string }>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Time as it happened (effectiveAt) and a deadline override: see BlockedActions below.
  const [effectiveAt, setEffectiveAt] = useState('');
  const [effectiveAtReason, setEffectiveAtReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  if (c.availableActions.length === 0) {
    return (
      <section className="card" aria-labelledby="case-actions">
        <h2 id="case-actions">{t('case.actions')}</h2>
        <p className="muted">{t('case.noActions')}</p>
      </section>
    );
  }

  function choose(next: string) {
    setAction(next);
    setReason(''); setClassification(''); setSummary(''); setTarget(null); setErrors({}); setError(null);
    setEffectiveAt(''); setEffectiveAtReason(''); setOverrideReason('');
    const proposed: Record<number, { key: string; regionCode: string }> = {};
    for (const tl of c.terlapor) {
      if (!isAddressedSubject(tl.subjectType)) continue;
      const region = tl.regionCode ?? c.eventRegionCode;
      const s = suggestAddressForSubject(tl.subjectType, tl.agency, region);
      proposed[tl.id] = s ? { key: s.key, regionCode: s.regionCode } : { key: '', regionCode: region.split('.').slice(0, 2).join('.') };
    }
    setAddresses(proposed);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('h3')?.focus());
  }

  const blocked = c.blockedActions?.find((b) => b.action === action);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found: FieldErrors = {};
    if (REASON_REQUIRED.includes(action) && reason.trim().length < 5) found.reason = t('form.minChars', { n: 5 });
    if (REASON_OPTIONAL.includes(action) && reason.trim() && reason.trim().length < 5) found.reason = t('form.minChars', { n: 5 });
    if (action === 'teruskan') {
      if (!classification) found.classification = t('form.choose');
      if (summary.trim().length < 5) found.summary = t('form.minChars', { n: 5 });
    }
    if (action === 'limpahkan' && !target) found.targetOfficeCode = t('case.targetRequired');
    setErrors(found);
    if (Object.keys(found).length) { focusFirstInvalid(formRef.current); return; }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${c.id}/actions`, {
        action,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'teruskan' ? { classification, summary: summary.trim(),
          alamatInstansi: Object.entries(addresses).filter(([, a]) => a.key && a.regionCode).map(([id, a]) => ({ terlaporId: Number(id), kodeWilayah: a.regionCode.trim(), instansi: a.key })) } : {}),
        ...(action === 'limpahkan' && target ? { targetOfficeCode: target.code } : {}),
        ...(effectiveAt ? { effectiveAt: new Date(effectiveAt).toISOString() } : {}),
        ...(effectiveAt && effectiveAtReason.trim() ? { effectiveAtReason: effectiveAtReason.trim() } : {}),
        ...(blocked?.overridable && overrideReason.trim() ? { override: { reason: overrideReason.trim() } } : {}),
      });
      const label = t(actionKey(action));
      setAction(null);
      onDone(t('case.actionDone', { action: label }));
    } catch (caught) {
      const apiError = toApiError(caught);
      const fields = fieldErrorsOf(apiError);
      const known = Object.keys(fields).filter((f) => ['reason', 'classification', 'summary', 'targetOfficeCode', 'effectiveAt', 'effectiveAtReason', 'override.reason'].includes(f) || f.startsWith('alamatInstansi'));
      if (known.length) { setErrors(fields); focusFirstInvalid(formRef.current, known[0]); } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('case.actions')}</h2>
      <div className="action-buttons">
        {c.availableActions.map((a) => (
          <button key={a} type="button" className={`button ${DANGER.includes(a) ? 'button--danger-outline' : 'button--secondary'} ${action === a ? 'button--pressed' : ''}`}
            aria-pressed={action === a} onClick={() => choose(a)}>{t(actionKey(a))}</button>
        ))}
      </div>
      <BlockedActions c={c} />
      {action && (
        <form ref={formRef} className="form action-form" onSubmit={submit} noValidate>
          <h3 tabIndex={-1}>{t('case.confirmTitle', { action: t(actionKey(action)) })}</h3>
          <p className="hint">{t(`actionHint.${action}` as MessageKey)}</p>
          {error && <ErrorNotice error={error} />}
          {blocked && <p className="notice notice--warning" role="status">{language === 'en' ? blocked.reason.en : blocked.reason.id}</p>}
          {blocked?.overridable && (
            <TextArea name="override.reason" label={t('legal.overrideReason')} hint={t('legal.overrideHint')} required rows={2}
              value={overrideReason} onChange={setOverrideReason} error={errors['override.reason']} />
          )}
          <TextField name="effectiveAt" type="datetime-local" label={t('legal.effectiveAt')} hint={t('legal.effectiveAtHint')} optionalLabel={t('form.optional')}
            value={effectiveAt} onChange={setEffectiveAt} error={errors.effectiveAt} />
          {effectiveAt && (
            <TextArea name="effectiveAtReason" label={t('legal.effectiveAtReason')} hint={t('legal.effectiveAtReasonHint')} optionalLabel={t('form.optional')} rows={2}
              value={effectiveAtReason} onChange={setEffectiveAtReason} error={errors.effectiveAtReason} />
          )}
          {action === 'teruskan' && (
            <>
              <SelectField name="classification" label={t('case.classification')} required value={classification} onChange={setClassification}
                placeholder={t('form.choosePlaceholder')} error={errors.classification}
                options={CLASSIFICATIONS.filter((x) => x.id !== 'bukan_pelanggaran').map((x) => ({ value: x.id, label: language === 'en' ? x.labelEn : x.label }))} />
              <TextArea name="summary" label={t('case.summary')} hint={t('case.summaryHint')} required rows={4} value={summary} onChange={setSummary} error={errors.summary} />
              {c.terlapor.filter((tl) => addresses[tl.id]).map((tl) => {
                const a = addresses[tl.id];
                const set = (next: Partial<typeof a>) => setAddresses({ ...addresses, [tl.id]: { ...a, ...next } });
                // Field names follow the server's (alamatInstansi.<i>.…) so a 400 lands on the right input.
                const i = Object.entries(addresses).filter(([, x]) => x.key && x.regionCode).findIndex(([id]) => Number(id) === tl.id);
                return (
                  <fieldset key={tl.id} className="fieldset">
                    <legend>{t('case.addressFor', { name: tl.name, agency: tl.agency })}</legend>
                    <SelectField name={`alamatInstansi.${i}.instansi`} label={t('case.addressAgency')} hint={t('case.addressHint')} value={a.key} onChange={(key) => set({ key })}
                      placeholder={t('case.addressNone')} error={errors[`alamatInstansi.${i}.instansi`]}
                      options={INSTANSI.map((x) => ({ value: x.key, label: language === 'en' ? x.labelEn : x.label }))} />
                    <TextField name={`alamatInstansi.${i}.kodeWilayah`} label={t('case.addressRegion')} value={a.regionCode} onChange={(regionCode) => set({ regionCode })}
                      error={errors[`alamatInstansi.${i}.kodeWilayah`]} />
                  </fieldset>
                );
              })}
            </>
          )}
          {action === 'limpahkan' && (
            <RegionPicker name="targetOfficeCode" label={t('case.targetOffice')} hint={t('case.targetOfficeHint')} levels={['provinsi', 'kabupaten', 'kota']}
              value={target} onChange={setTarget} error={errors.targetOfficeCode} />
          )}
          {(REASON_REQUIRED.includes(action) || REASON_OPTIONAL.includes(action)) && (
            <TextArea name="reason" label={t('case.reason')} required={REASON_REQUIRED.includes(action)} optionalLabel={t('form.optional')}
              rows={3} value={reason} onChange={setReason} error={errors.reason} />
          )}
          <div className="form__actions">
            <button type="submit" className={`button ${DANGER.includes(action) ? 'button--danger' : 'button--primary'}`} disabled={busy}>
              {t('case.confirm', { action: t(actionKey(action)) })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAction(null)}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Why an action the state allows is not yet (or no longer) available, and until/since when (server-provided). */
function BlockedActions({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  if (!c.blockedActions?.length) return null;
  return (
    <div className="blocked-actions">
      <p className="hint"><strong>{t('legal.blockedTitle')}</strong></p>
      <ul>
        {c.blockedActions.map((b) => (
          <li key={b.action}>
            <strong>{t(actionKey(b.action))}</strong>: {language === 'en' ? b.reason.en : b.reason.id}
            {b.until ? ` (${t('legal.until', { at: formatDateTime(b.until, language) })})` : ''}
            {b.since ? ` (${t('legal.since', { at: formatDateTime(b.since, language) })})` : ''}
            <span className="hint"> [{b.source}]</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AssignSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
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
    } catch (caught) { setError(toApiError(caught)); } finally { setBusy(false); }
  };
  return (
    <section className="card" aria-labelledby="case-assign">
      <h2 id="case-assign">{t('case.assignment')}</h2>
      <p>{mine ? t('case.assignedToMe') : c.assignedTo ? t('case.assignedToOther') : t('case.unassigned')}</p>
      {error && <ErrorNotice error={error} />}
      {c.availableActions.length > 0 && (mine
        ? <button type="button" className="button button--secondary" disabled={busy} onClick={() => assign(null)}>{t('case.release')}</button>
        : <button type="button" className="button button--secondary" disabled={busy} onClick={() => assign(user.id)}>{t('case.assignMe')}</button>)}
    </section>
  );
}

function EvidenceSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const [purposeFor, setPurposeFor] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  const base = `/api/v1/cases/${c.id}/evidence`;
  return (
    <section className="card" aria-labelledby="case-evidence">
      <h2 id="case-evidence">{t('case.evidence')}</h2>
      {c.evidence.length === 0 && c.evidenceUrls.length === 0 && <p className="muted">{t('lapor.noEvidence')}</p>}
      {c.evidence.length > 0 && (
        <ul className="evidence-list">
          {c.evidence.map((e) => (
            <li key={e.sha256} className="evidence-list__item">
              <span><strong>{e.name}</strong> <span className="muted">· {e.mimeType} · {formatBytes(e.size, language)}</span></span>
              <span className="hint mono break">SHA-256 {e.sha256.slice(0, 16)}…</span>
              <span className="button-row">
                {!e.mimeType.startsWith('video/') && (
                  <a className="button button--secondary button--small" href={`${base}/${e.sha256}?variant=public`} target="_blank" rel="noopener">{t('case.openPublic')}</a>
                )}
                <button type="button" className="button button--secondary button--small" onClick={() => { setPurposeFor(e.sha256); setPurpose(''); }}>{t('case.openOriginal')}</button>
              </span>
              {purposeFor === e.sha256 && (
                <div className="purpose">
                  <TextField name={`purpose-${e.sha256.slice(0, 8)}`} label={t('case.purpose')} hint={t('case.purposeHint')} value={purpose} onChange={setPurpose} />
                  {purpose.trim().length >= 10
                    ? <a className="button button--primary button--small" href={`${base}/${e.sha256}?variant=original&purpose=${encodeURIComponent(purpose.trim())}`} target="_blank" rel="noopener">{t('case.openOriginalNow')}</a>
                    : <p className="hint">{t('form.minChars', { n: 10 })}</p>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.evidenceUrls.length > 0 && (
        <>
          <h3>{t('bukti.links')}</h3>
          <ul className="plain-list">{c.evidenceUrls.map((u) => <li key={u} className="break"><a href={u} target="_blank" rel="noopener noreferrer nofollow">{u}</a></li>)}</ul>
        </>
      )}
    </section>
  );
}

function DeadlinesSection({ c }: { c: CaseDetail }) {
  const t = useT();
  if (c.deadlines.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-deadlines">
      <h2 id="case-deadlines">{t('case.deadlines')}</h2>
      <ul className="deadline-list">
        {c.deadlines.map((d, i) => (
          <li key={i} className={`deadline ${d.overdue ? 'deadline--overdue' : ''} ${d.stoppedAt ? 'deadline--stopped' : ''}`}>
            <strong>{ruleLabel(d.ruleId, t)}</strong>
            {d.stoppedAt ? <span>{t('case.deadlineStopped', { due: d.dueLocal })}</span> : <DeadlineMark overdue={d.overdue} dueLocal={d.dueLocal} />}
            <span className="hint">{t('case.zone')}: {d.zone}{d.extended ? ` · ${t('case.extended')}` : ''}</span>
            <span className="hint">{t('case.legalSource')}: {d.source}</span>
            <details><summary>{t('case.basis')}</summary><p className="hint">{d.basis}</p></details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TimelineSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const label = (action: string) => {
    const key = `action.${action}` as MessageKey;
    const text = t(key);
    return text === key ? action : text;
  };
  return (
    <section className="card" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('lacak.timeline')}</h2>
      <ol className="timeline">
        {c.timeline.map((e, i) => (
          <li key={i} className="timeline__item">
            <span className="timeline__when">{formatDateTime(e.at, language)}{e.recordedAt && e.recordedAt !== e.at ? ` (${t('legal.recordedAt', { at: formatDateTime(e.recordedAt, language) })})` : ''}</span>
            <strong className="timeline__what">{label(e.action)}{e.fromState !== e.toState && stateLabel(e.toState, language) !== label(e.action) ? ` → ${stateLabel(e.toState, language)}` : ''}</strong>
            {e.publicNote && <span className="timeline__note">{e.publicNote}</span>}
            {e.internalNote && <span className="timeline__note timeline__note--internal">{t('case.internal')}: {e.internalNote}</span>}
          </li>
        ))}
      </ol>
      {c.notices.length > 0 && (
        <>
          <h3>{t('lacak.notices')}</h3>
          <ul className="notice-list">
            {c.notices.map((n, i) => (
              <li key={i} className="notice-list__item">
                <p className="muted">{formatDateTime(n.at, language)}{n.emailState !== 'none' ? ` · ${t('case.emailState', { state: n.emailState })}` : ''}</p>
                <p><strong>{n.title}</strong></p>
                <p>{n.body}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DocumentsSection({ c }: { c: CaseDetail }) {
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
          <li key={k}><a href={`/api/v1/cases/${c.id}/documents/${k}.pdf`} download>{t(`doc.${k}` as MessageKey)} (PDF)</a></li>
        ))}
      </ul>
    </section>
  );
}

function IdentitySection({ c }: { c: CaseDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [identity, setIdentity] = useState<Record<string, string> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkRevealReason(reason);
    if (!check.ok) {
      setErrors({ identityReason: check.problem === 'no_content' ? t('case.identityReasonEmpty') : t('form.minChars', { n: REVEAL_REASON_MIN }) });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(null);
    try {
      const result = await api.post<{ identity: Record<string, string> }>(`/cases/${c.id}/reporter-identity`, { reason: reason.trim() });
      setIdentity(result.identity);
    } catch (caught) { setError(toApiError(caught)); }
  }
  // The receipt with the reporter's name: fetched by POST (CSRF header, audited reason), never a link.
  async function downloadNamedReceipt() {
    setError(null);
    try {
      const blob = await api.postForBlob(`/cases/${c.id}/documents/tanda-bukti.pdf`, { reason: reason.trim() });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `tanda-bukti-${(c.registrationNumber ?? c.trackingCode ?? c.id).replace(/[^A-Za-z0-9-]+/g, '_')}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) { setError(toApiError(caught)); }
  }
  const labels: Record<string, MessageKey> = {
    nama: 'lapor.nama', nik: 'lapor.nik', tempatLahir: 'lapor.tempatLahir', tanggalLahir: 'lapor.tanggalLahir', jenisKelamin: 'lapor.jenisKelamin',
    pekerjaan: 'lapor.pekerjaan', kewarganegaraan: 'lapor.kewarganegaraan', alamat: 'lapor.alamat', telepon: 'lapor.telepon', email: 'lapor.email',
    kategori: 'lapor.kategori', nomorAkreditasi: 'lapor.nomorAkreditasi', timKampanye: 'lapor.timKampanye',
  };
  return (
    <section className="card" aria-labelledby="case-identity">
      <h2 id="case-identity">{t('case.identity')}</h2>
      {identity ? (
        <>
          <dl className="facts facts--stack">
            {Object.entries(identity).map(([k, v]) => <div key={k}><dt>{labels[k] ? t(labels[k]) : k}</dt><dd>{String(v)}</dd></div>)}
          </dl>
          {error && <ErrorNotice error={error} />}
          {c.kind === 'laporan' && (
            <button type="button" className="button button--secondary" onClick={downloadNamedReceipt}>{t('case.identityReceipt')}</button>
          )}
        </>
      ) : !open ? (
        <>
          <p className="hint">{t('case.identityHint')}</p>
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>{t('case.identityShow')}</button>
        </>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {error && <ErrorNotice error={error} />}
          <TextArea name="identityReason" label={t('case.identityReason')} hint={t('case.identityAudited')} required rows={2} value={reason}
            onChange={setReason} error={errors.identityReason} />
          <div className="form__actions">
            <button type="submit" className="button button--primary">{t('case.identityConfirm')}</button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

function LinksSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const language = useLanguage();
  const links = useApi((signal) => api.get<{ items: CaseLink[] }>(`/cases/${c.id}/links`, undefined, signal), [c.id, c.state]);
  const [error, setError] = useState<ApiError | null>(null);
  if (links.status !== 'ready' || links.data.items.length === 0) return null;
  const decide = async (link: CaseLink, decision: 'merge' | 'reject' | 'unmerge') => {
    if (!window.confirm(t(`links.confirm.${decision}` as MessageKey))) return;
    setError(null);
    try {
      await api.post(`/case-links/${link.id}`, { decision });
      links.reload();
      onDone(t(`links.done.${decision}` as MessageKey));
    } catch (caught) { setError(toApiError(caught)); }
  };
  return (
    <section className="card" aria-labelledby="case-links">
      <h2 id="case-links">{t('links.title')}</h2>
      {error && <ErrorNotice error={error} />}
      <ul className="plain-list">
        {links.data.items.map((l) => (
          <li key={l.id} className="link-item">
            {l.other.title ? <Link to={`/staf/kasus/${l.otherCaseId}`}>{l.other.registrationNumber ?? l.other.title}</Link> : <span>{t('links.hidden', { office: l.other.officeCode })}</span>}
            <span className="hint">{l.reason} · {t('links.score', { score: Math.round(l.score * 100) })} · {t(`links.state.${l.state}` as MessageKey)}
              {l.other.state ? ` · ${stateLabel(l.other.state, language)}` : ''}</span>
            <span className="button-row">
              {(l.state === 'suggested' || l.state === 'unmerged') && <button type="button" className="button button--secondary button--small" onClick={() => decide(l, 'merge')}>{t('links.merge')}</button>}
              {l.state === 'suggested' && <button type="button" className="button button--secondary button--small" onClick={() => decide(l, 'reject')}>{t('links.reject')}</button>}
              {l.state === 'merged' && <button type="button" className="button button--secondary button--small" onClick={() => decide(l, 'unmerge')}>{t('links.unmerge')}</button>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReferralsSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const list = useApi(c.state === 'diteruskan'
    ? (signal) => api.get<{ items: ReferralSummary[] }>('/referrals', { caseId: c.id }, signal) : null, [c.id, c.state]);
  if (c.state !== 'diteruskan' || list.status !== 'ready' || list.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-referrals">
      <h2 id="case-referrals">{t('staff.recommendations')}</h2>
      <ul className="plain-list">
        {list.data.items.map((r) => (
          <li key={r.id}>
            <Link to={`/staf/rekomendasi/${r.id}`}>{r.recommendationNumber}</Link>
            <span className="hint"> · {r.authorityName} · {pick(r.stateLabel, language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoteSection({ c, onDone }: { c: CaseDetail; onDone(message: string): void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  if (c.availableActions.length === 0) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (note.trim().length < 2) { setErrors({ note: t('form.minChars', { n: 2 }) }); focusFirstInvalid(formRef.current); return; }
    setErrors({});
    setError(null);
    try {
      await api.post(`/cases/${c.id}/notes`, { note: note.trim() });
      setNote('');
      onDone(t('case.noteSaved'));
    } catch (caught) { setError(toApiError(caught)); }
  }
  return (
    <section className="card" aria-labelledby="case-note">
      <h2 id="case-note">{t('case.addNote')}</h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {error && <ErrorNotice error={error} />}
        <TextArea name="note" label={t('case.note')} hint={t('case.noteHint')} rows={3} required value={note} onChange={setNote} error={errors.note} />
        <div className="form__actions"><button type="submit" className="button button--secondary">{t('common.save')}</button></div>
      </form>
    </section>
  );
}
