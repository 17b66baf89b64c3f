// The receipt after a report is filed: tracking code and PIN (big, copyable), the PDF receipt,
// and what happens next with the legal deadlines.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { downloadFile, toApiError } from './http.ts';
import type { Receipt } from './types.ts';

export function CopyValue({ label, value, className }: { label: string; value: string; className?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <div className={`copy-value ${className ?? ''}`}>
      <span className="copy-value__label">{label}</span>
      <output className="copy-value__value" aria-label={label}>
        {value}
      </output>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t('receipt.copyLabel', { label })}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          } catch {
            window.prompt(label, value);
          }
        }}
      >
        {copied ? t('receipt.copied') : t('receipt.copy')}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t('receipt.copiedLabel', { label }) : ''}
      </span>
    </div>
  );
}

export function ReceiptPdfButton({ kode, pin }: { kode: string; pin: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <>
      {error && <ErrorNotice error={error} />}
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await downloadFile('POST', '/api/v1/lacak/tanda-bukti', { kode, pin }, `tanda-bukti-${kode}.pdf`);
          } catch (caught) {
            setError(toApiError(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('receipt.downloading') : t('receipt.download')}
      </button>
    </>
  );
}

export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="page page--narrow receipt">
      <PageTitle>{t('lapor.receiptTitle')}</PageTitle>
      <Notice kind="success">
        <p>{pick(receipt.message, language)}</p>
      </Notice>
      <div className="card receipt__codes">
        <CopyValue label={t('receipt.code')} value={receipt.trackingCode} />
        <CopyValue label={t('receipt.pin')} value={receipt.pin} />
        <p className="hint">{t('receipt.keep')}</p>
      </div>
      <dl className="facts facts--stack">
        <div>
          <dt>{t('receipt.office')}</dt>
          <dd>{receipt.officeName}</dd>
        </div>
        <div>
          <dt>{t('receipt.received')}</dt>
          <dd>{receipt.receivedLocal}</dd>
        </div>
        {receipt.terlapor && receipt.terlapor.length > 0 && (
          <div>
            <dt>{t('receipt.about')}</dt>
            <dd>{receipt.terlapor.map((x) => `${x.jabatan}, ${x.instansi}`).join('; ')}</dd>
          </div>
        )}
      </dl>
      {receipt.late && (
        <Notice kind="warning">
          <p>
            <strong>{t('receipt.lateTitle')}</strong>
          </p>
          <p>{receipt.proposedReason ?? t('lapor.lateBody')}</p>
          <p>{t('receipt.lateStill')}</p>
          <p>
            {t('receipt.filingDeadline')}: {receipt.filingDeadlineLocal}
          </p>
        </Notice>
      )}
      <div className="button-row">
        <ReceiptPdfButton kode={receipt.trackingCode} pin={receipt.pin} />
        <Link className="button button--primary" to="/lacak" state={{ kode: receipt.trackingCode }}>
          {t('receipt.track')}
        </Link>
      </div>
      <h2>{t('receipt.nextTitle')}</h2>
      <ol className="steps">
        <li>{t('receipt.next1')}</li>
        <li>{t('receipt.next2')}</li>
        <li>{t('receipt.next3')}</li>
        <li>{t('receipt.next4')}</li>
        <li>{t('receipt.next5')}</li>
      </ol>
    </div>
  );
}
