// The audited reporter-identity reveal: a reason of at least REVEAL_REASON_MIN characters, then the sealed identity.
import { useRef, useState, type FormEvent } from 'react';
import { REVEAL_REASON_MIN, checkRevealReason } from '../../../domain/access/revealReason.ts';
import { api, type ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { TextArea, focusFirstInvalid, type FieldErrors } from '../../components/FormField.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/store.ts';
import { toApiError } from './http.ts';
import type { CaseDetail, ReporterIdentity } from './types.ts';

export function IdentitySection({ c }: { c: CaseDetail }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [identity, setIdentity] = useState<ReporterIdentity['identity'] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkRevealReason(reason);
    if (!check.ok) {
      setErrors({
        identityReason: check.problem === 'no_content' ? t('case.identityReasonEmpty') : t('form.minChars', { n: REVEAL_REASON_MIN }),
      });
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(null);
    try {
      const result = await api.post<ReporterIdentity>(`/cases/${c.id}/reporter-identity`, { reason: reason.trim() });
      setIdentity(result.identity);
    } catch (caught) {
      setError(toApiError(caught));
    }
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
    } catch (caught) {
      setError(toApiError(caught));
    }
  }
  const labels: Record<string, MessageKey> = {
    nama: 'lapor.nama',
    nik: 'lapor.nik',
    tempatLahir: 'lapor.tempatLahir',
    tanggalLahir: 'lapor.tanggalLahir',
    jenisKelamin: 'lapor.jenisKelamin',
    pekerjaan: 'lapor.pekerjaan',
    kewarganegaraan: 'lapor.kewarganegaraan',
    alamat: 'lapor.alamat',
    telepon: 'lapor.telepon',
    email: 'lapor.email',
    kategori: 'lapor.kategori',
    nomorAkreditasi: 'lapor.nomorAkreditasi',
    timKampanye: 'lapor.timKampanye',
  };
  return (
    <section className="card" aria-labelledby="case-identity">
      <h2 id="case-identity">{t('case.identity')}</h2>
      {identity ? (
        <>
          <dl className="facts facts--stack">
            {Object.entries(identity).map(([k, v]) => (
              <div key={k}>
                <dt>{labels[k] ? t(labels[k]) : k}</dt>
                <dd>{String(v)}</dd>
              </div>
            ))}
          </dl>
          {error && <ErrorNotice error={error} />}
          {c.kind === 'laporan' && (
            <button type="button" className="button button--secondary" onClick={downloadNamedReceipt}>
              {t('case.identityReceipt')}
            </button>
          )}
        </>
      ) : !open ? (
        <>
          <p className="hint">{t('case.identityHint')}</p>
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t('case.identityShow')}
          </button>
        </>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {error && <ErrorNotice error={error} />}
          <TextArea
            name="identityReason"
            label={t('case.identityReason')}
            hint={t('case.identityAudited')}
            required
            rows={2}
            value={reason}
            onChange={setReason}
            error={errors.identityReason}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('case.identityConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
