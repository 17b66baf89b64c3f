// What a reporter sees with code + PIN: state, deadlines, timeline, referrals, notices, the PDF
// receipt and the withdrawal (only before registration).
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextArea, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import { Notice } from '../../components/Layout.tsx';
import { pick, useT } from '../../i18n/store.ts';
import { ReceiptPdfButton } from '../cases/ReceiptView.tsx';
import { toApiError } from '../cases/http.ts';
import { ruleLabel } from '../cases/ruleLabels.ts';
import type { TrackingResult } from '../cases/types.ts';

export function TrackingView({
  result,
  kode,
  pin,
  onReload,
  onClose,
  language,
}: {
  result: TrackingResult;
  kode: string;
  pin: string;
  onReload(): Promise<void>;
  onClose(): void;
  language: 'id' | 'en';
}) {
  const t = useT();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function withdraw(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (reason.trim().length < 5) found.alasan = t('form.minChars', { n: 5 });
    if (!confirmed) found.konfirmasi = t('lacak.confirmRequired');
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/lacak/cabut', { kode, pin, alasan: reason.trim() });
      setWithdrawing(false);
      setDone(true);
      await onReload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="tracking">
      <div className="card tracking__status">
        <p className="muted">
          {t('lacak.code')}: <strong className="mono">{result.trackingCode}</strong>
        </p>
        <p className="tracking__state">
          <span className="muted">{t('lacak.state')}</span>
          <strong className={`state-badge state-badge--${result.state}`} data-testid="tracking-state">
            {pick(result.stateLabel, language)}
          </strong>
        </p>
        <dl className="facts facts--stack">
          <div>
            <dt>{t('lacak.registration')}</dt>
            <dd>{result.registrationNumber ?? t('lacak.notRegistered')}</dd>
          </div>
          <div>
            <dt>{t('receipt.office')}</dt>
            <dd>{result.officeName}</dd>
          </div>
          <div>
            <dt>{t('receipt.received')}</dt>
            <dd>{result.receivedLocal}</dd>
          </div>
        </dl>
        {result.late && <Notice kind="warning">{t('lacak.late')}</Notice>}
      </div>
      {done && <Notice kind="success">{t('lacak.withdrawn')}</Notice>}

      {result.deadlines.length > 0 && (
        <section aria-labelledby="lacak-deadlines">
          <h2 id="lacak-deadlines">{t('lacak.deadlines')}</h2>
          <ul className="deadline-list">
            {result.deadlines.map((d) => (
              <li key={`${d.ruleId}-${d.dueAt}`} className={new Date(d.dueAt) < new Date() ? 'deadline deadline--overdue' : 'deadline'}>
                <strong>{ruleLabel(d.ruleId, t)}</strong>
                <span>{t('lacak.due', { due: d.dueLocal })}</span>
                <span className="hint">{d.source}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="lacak-timeline">
        <h2 id="lacak-timeline">{t('lacak.timeline')}</h2>
        <ol className="timeline">
          {result.timeline.map((e, i) => (
            <li key={i} className="timeline__item">
              <span className="timeline__when">{e.atLocal}</span>
              <strong className="timeline__what">{pick(e.stateLabel, language)}</strong>
              {e.note && <span className="timeline__note">{e.note}</span>}
            </li>
          ))}
        </ol>
      </section>

      {(result.referrals ?? []).length > 0 && (
        <section aria-labelledby="lacak-referrals">
          <h2 id="lacak-referrals">{t('pubref.timeline')}</h2>
          <ul className="notice-list">
            {result.referrals!.map((r) => (
              <li key={r.recommendationNumber} className="card notice-list__item">
                <strong>{r.authorityName}</strong>: {language === 'en' ? r.stateLabel.en : r.stateLabel.id}
                {' · '}
                <Link to={`/rekomendasi/${encodeURIComponent(r.publicKey)}`}>{r.recommendationNumber}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.notices.length > 0 && (
        <section aria-labelledby="lacak-notices">
          <h2 id="lacak-notices">{t('lacak.notices')}</h2>
          <ul className="notice-list">
            {result.notices
              .slice()
              .reverse()
              .map((n, i) => (
                <li key={i} className="card notice-list__item">
                  <p className="muted">{n.atLocal}</p>
                  <h3>{language === 'en' && n.en ? n.en.title : n.title}</h3>
                  <p>{language === 'en' && n.en ? n.en.body : n.body}</p>
                </li>
              ))}
          </ul>
        </section>
      )}

      <div className="button-row">
        <ReceiptPdfButton kode={kode} pin={pin} />
        {result.canWithdraw && !withdrawing && (
          <button type="button" className="button button--danger" onClick={() => setWithdrawing(true)}>
            {t('lacak.withdraw')}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('lacak.another')}
        </button>
      </div>

      {withdrawing && (
        <form ref={formRef} className="form card card--danger" onSubmit={withdraw} noValidate aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('lacak.withdrawTitle')}</h2>
          <p>{t('lacak.withdrawWarning')}</p>
          {error && <ErrorNotice error={error} />}
          <TextArea
            name="alasan"
            label={t('lacak.withdrawReason')}
            required
            rows={3}
            value={reason}
            error={errors.alasan}
            onChange={setReason}
          />
          <div className={`field ${errors.konfirmasi ? 'field--invalid' : ''}`}>
            <label className="choice">
              <input
                type="checkbox"
                id="f-konfirmasi"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
                aria-invalid={errors.konfirmasi ? true : undefined}
                aria-describedby={errors.konfirmasi ? 'f-konfirmasi-error' : undefined}
              />
              <span>{t('lacak.withdrawConfirm')}</span>
            </label>
            {errors.konfirmasi && (
              <p id="f-konfirmasi-error" className="field-error">
                {errors.konfirmasi}
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {t('lacak.withdrawSubmit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setWithdrawing(false);
                setErrors({});
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
