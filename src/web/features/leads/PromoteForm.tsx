// Promotion of a lead to informasi awal: title, region, date, acts and the terlapor, prefilled from the extracted facts.
import { useId, useState, type FormEvent } from 'react';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPES } from '../../../domain/catalogues/subjects.ts';
import { neutralityActsForMediaActs } from '../../../domain/leads/acts.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { subjectLabel } from '../cases/labels.ts';
import type { LeadDetail, PromotedLead } from './types.ts';

export function PromoteForm({ lead, onDone }: { lead: LeadDetail; onDone(caseId: string): void }) {
  const t = useT();
  const language = useLanguage();
  const ids = { judul: useId(), region: useId(), date: useId(), nama: useId(), jabatan: useId(), instansi: useId(), jenis: useId() };
  const person = lead.people[0];
  const [judul, setJudul] = useState((lead.article.title ?? '').slice(0, 200));
  const [kodeWilayah, setKodeWilayah] = useState(lead.regions.find((r) => r.level !== 'provinsi')?.code ?? lead.regions[0]?.code ?? '');
  const [tanggal, setTanggal] = useState(lead.date ?? '');
  const [perbuatan, setPerbuatan] = useState<string[]>(neutralityActsForMediaActs(lead.acts));
  const [terlapor, setTerlapor] = useState({
    nama: '',
    jabatan: person?.position ?? '',
    instansi: '',
    jenisSubjek: lead.actors.find((a) => (SUBJECT_TYPES as readonly string[]).includes(a)) ?? 'PNS',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setPerbuatan((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const result = await api.post<PromotedLead>(`/leads/${lead.id}/promote`, {
        judul: judul.trim() || undefined,
        kodeWilayah: kodeWilayah || undefined,
        tanggalKejadian: tanggal || undefined,
        perbuatan: perbuatan.length ? perbuatan : undefined,
        terlapor: [terlapor],
      });
      onDone(result.caseId);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="lead-promote-title">
      <h2 id="lead-promote-title">{t('leads.promoteTitle')}</h2>
      <p className="muted">{t('leads.promoteIntro')}</p>
      {error && <ErrorNotice error={error} />}
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.judul}>{t('leads.fieldTitle')}</label>
          <input id={ids.judul} value={judul} onChange={(e) => setJudul(e.target.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={ids.region}>{t('leads.fieldRegion')}</label>
          <input id={ids.region} value={kodeWilayah} onChange={(e) => setKodeWilayah(e.target.value)} pattern="\d{2}(\.\d{2}){0,3}" />
        </div>
        <div className="field">
          <label htmlFor={ids.date}>{t('leads.fieldDate')}</label>
          <input id={ids.date} type="date" value={tanggal} onChange={(e) => setTanggal(e.target.value)} />
        </div>
        <fieldset className="field lead-acts">
          <legend>{t('leads.fieldActs')}</legend>
          {NEUTRALITY_ACTS.map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" checked={perbuatan.includes(a.id)} onChange={() => toggle(a.id)} />{' '}
              {pick({ id: a.label, en: a.labelEn }, language)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.nama}>{t('leads.fieldTerlaporName')}</label>
          <input
            id={ids.nama}
            value={terlapor.nama}
            onChange={(e) => setTerlapor({ ...terlapor, nama: e.target.value })}
            required
            minLength={2}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.jabatan}>{t('leads.fieldTerlaporPosition')}</label>
          <input
            id={ids.jabatan}
            value={terlapor.jabatan}
            onChange={(e) => setTerlapor({ ...terlapor, jabatan: e.target.value })}
            required
            minLength={2}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.instansi}>{t('leads.fieldTerlaporAgency')}</label>
          <input
            id={ids.instansi}
            value={terlapor.instansi}
            onChange={(e) => setTerlapor({ ...terlapor, instansi: e.target.value })}
            required
            minLength={2}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.jenis}>{t('leads.fieldTerlaporType')}</label>
          <select id={ids.jenis} value={terlapor.jenisSubjek} onChange={(e) => setTerlapor({ ...terlapor, jenisSubjek: e.target.value })}>
            {SUBJECT_TYPES.map((s) => (
              <option key={s} value={s}>
                {subjectLabel(s, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('leads.promote')}
          </button>
        </div>
      </form>
    </section>
  );
}
