// /staf/deklarasi: a Bawaslu supervisor registers a neutrality pledge in their jurisdiction
// (agency, region, date, venue, number of signatories and/or their list) and gets the signed
// certificate (PDF with a QR code) and its verification link.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import type { RegionDetail, RegionSummary } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import type { RegisteredPledge } from '../../api/publicTypes.ts';

/** Today in the browser's zone as YYYY-MM-DD (the server rejects future dates in the region's zone). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** "Nama; Jabatan" per line → the API's signatory list. */
export function parseSignatories(text: string): { name: string; position: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...rest] = line.split(/[;\t]/);
      return { name: name.trim(), position: rest.join(' ').trim() };
    });
}

export default function DeklarasiStaf() {
  const t = useT();
  const user = useStaffUser();
  const ids = { agency: useId(), date: useId(), venue: useId(), count: useId(), list: useId(), listHint: useId(), countHint: useId() };
  const [agency, setAgency] = useState('');
  const [region, setRegion] = useState<RegionSummary | null>(null);
  const [date, setDate] = useState(today());
  const [venue, setVenue] = useState('');
  const [count, setCount] = useState('');
  const [list, setList] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<RegisteredPledge | null>(null);

  // Start from the supervisor's own jurisdiction.
  useEffect(() => {
    if (!user.regionCode) return;
    const controller = new AbortController();
    api
      .get<RegionDetail>(`/regions/${encodeURIComponent(user.regionCode)}`, undefined, controller.signal)
      .then((detail) => setRegion((current) => current ?? detail))
      .catch(() => {});
    return () => controller.abort();
  }, [user.regionCode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCreated(null);
    if (!region) {
      setError(new ApiError(400, 'validation_failed', { id: 'Pilih wilayah deklarasi.', en: 'Choose the pledge region.' }, 'regionCode'));
      return;
    }
    const signatories = parseSignatories(list);
    const body = {
      agency: agency.trim(),
      regionCode: region.code,
      date,
      venue: venue.trim(),
      ...(count.trim() ? { signatoryCount: Number(count) } : {}),
      ...(signatories.length > 0 ? { signatories } : {}),
    };
    setBusy(true);
    try {
      setCreated(await api.post<RegisteredPledge>('/pledges', body));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'client_error', { id: String(failure), en: String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: string) => error?.field === field || undefined;
  return (
    <div className="page page--narrow">
      <PageTitle>{t('stafDeklarasi.title')}</PageTitle>
      <p>{t('stafDeklarasi.lead')}</p>
      {created && (
        <Notice kind="success">
          <p>
            <strong>{t('stafDeklarasi.created', { agency: created.agency })}</strong>
          </p>
          <p>
            <a href={`/api/v1/public/pledges/${created.id}/certificate.pdf`} className="button button--primary" download>
              {t('stafDeklarasi.download')}
            </a>
          </p>
          <p>
            <Link to={created.verificationUrl} data-testid="verification-link">
              {t('stafDeklarasi.verify')}
            </Link>
          </p>
          <p className="hint">{t('stafDeklarasi.createdHint')}</p>
        </Notice>
      )}
      {error && <ErrorNotice error={error} />}
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.agency}>{t('stafDeklarasi.agency')}</label>
          <input
            id={ids.agency}
            value={agency}
            required
            minLength={3}
            maxLength={300}
            aria-invalid={invalid('agency')}
            placeholder={t('stafDeklarasi.agencyPlaceholder')}
            onChange={(e) => setAgency(e.target.value)}
          />
        </div>
        <RegionPicker
          label={t('stafDeklarasi.region')}
          hint={t('stafDeklarasi.regionHint')}
          value={region}
          onChange={setRegion}
          invalid={invalid('regionCode')}
        />
        <div className="field">
          <label htmlFor={ids.date}>{t('stafDeklarasi.date')}</label>
          <input
            id={ids.date}
            type="date"
            value={date}
            max={today()}
            required
            aria-invalid={invalid('date')}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.venue}>{t('stafDeklarasi.venue')}</label>
          <input
            id={ids.venue}
            value={venue}
            required
            minLength={3}
            maxLength={300}
            aria-invalid={invalid('venue')}
            onChange={(e) => setVenue(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.count}>{t('stafDeklarasi.count')}</label>
          <p id={ids.countHint} className="hint">
            {t('stafDeklarasi.countHint')}
          </p>
          <input
            id={ids.count}
            type="number"
            inputMode="numeric"
            min={1}
            value={count}
            aria-describedby={ids.countHint}
            aria-invalid={invalid('signatoryCount')}
            onChange={(e) => setCount(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.list}>{t('stafDeklarasi.list')}</label>
          <p id={ids.listHint} className="hint">
            {t('stafDeklarasi.listHint')}
          </p>
          <textarea
            id={ids.list}
            rows={5}
            value={list}
            aria-describedby={ids.listHint}
            aria-invalid={invalid('signatories')}
            onChange={(e) => setList(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('stafDeklarasi.saving') : t('stafDeklarasi.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
