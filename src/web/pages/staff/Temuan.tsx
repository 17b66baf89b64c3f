// Informasi awal recorded by supervisors (field supervision, cyber patrol, media, a laporan that
// failed the formal requirements); it may become a temuan in the plenary. Below: the temuan queue.
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { api, type ApiError } from '../../api/client.ts';
import type { RegionSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  focusFirstInvalid,
  type FieldErrors,
} from '../../components/FormField.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { useStaffUser } from '../../session/session.tsx';
import { CaseList } from '../../features/cases/CaseList.tsx';
import { fieldErrorsOf, toApiError } from '../../features/cases/http.ts';
import { OTHER_ACT, actLabel, todayLocal } from '../../features/cases/labels.ts';
import { TerlaporFields, emptyTerlapor, terlaporBody, validateTerlapor, type TerlaporDraft } from '../../features/cases/TerlaporFields.tsx';
import type { CaseList as CaseListPage, CreatedTemuan } from '../../features/cases/types.ts';
import { TEMUAN_LIMITS } from '../../../contracts/limits.ts';

const SOURCES = ['pengawasan_lapangan', 'patroli_siber', 'media', 'laporan_tidak_memenuhi_syarat'] as const;

export default function Temuan() {
  const t = useT();
  const language = useLanguage();
  const user = useStaffUser();
  const navigate = useNavigate();
  const canRecord = user.role.startsWith('pengawas') || user.role === 'admin';
  const list = useApi(
    user.role === 'bkn' || user.role === 'ppk' ? null : (signal) => api.get<CaseListPage>('/cases', { kind: 'temuan', limit: 50 }, signal),
    [],
  );
  const [form, setForm] = useState({
    sumber: '',
    judul: '',
    uraian: '',
    tempat: '',
    tanggalKejadian: '',
    tanggalDiketahui: '',
    tautan: '',
  });
  const [region, setRegion] = useState<RegionSummary | null>(null);
  const [acts, setActs] = useState<string[]>([]);
  const [terlapor, setTerlapor] = useState<TerlaporDraft[]>([emptyTerlapor()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const today = todayLocal();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!form.sumber) found.sumber = t('form.choose');
    if (form.judul.trim().length < TEMUAN_LIMITS.judul.min) found.judul = t('form.minChars', { n: TEMUAN_LIMITS.judul.min });
    if (form.uraian.trim().length < TEMUAN_LIMITS.uraian.min) found.uraian = t('form.minChars', { n: TEMUAN_LIMITS.uraian.min });
    if (!region) found.kodeWilayah = t('lapor.regionRequired');
    if (form.tempat.trim().length < TEMUAN_LIMITS.tempat.min) found.tempat = t('form.minChars', { n: TEMUAN_LIMITS.tempat.min });
    if (!form.tanggalKejadian) found.tanggalKejadian = t('form.required');
    if (!form.tanggalDiketahui) found.tanggalDiketahui = t('form.required');
    else if (form.tanggalDiketahui > today) found.tanggalDiketahui = t('form.futureDate');
    if (form.tanggalKejadian && form.tanggalDiketahui && form.tanggalKejadian > form.tanggalDiketahui)
      found.tanggalKejadian = t('form.dateOrder');
    if (acts.length === 0) found.perbuatan = t('lapor.actRequired');
    Object.assign(found, validateTerlapor(terlapor, t, language));
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<CreatedTemuan>('/temuan', {
        sumber: form.sumber,
        judul: form.judul.trim(),
        uraian: form.uraian.trim(),
        kodeWilayah: region!.code,
        tempat: form.tempat.trim(),
        tanggalKejadian: form.tanggalKejadian,
        tanggalDiketahui: form.tanggalDiketahui,
        perbuatan: acts,
        terlapor: terlaporBody(terlapor),
        buktiTautan: form.tautan.split(/\s+/).filter(Boolean),
      });
      navigate(`/staf/kasus/${created.id}`);
    } catch (caught) {
      const apiError = toApiError(caught);
      const fields = fieldErrorsOf(apiError);
      if (Object.keys(fields).length) {
        setErrors(fields);
        focusFirstInvalid(formRef.current, Object.keys(fields)[0]);
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <PageTitle>{t('staff.findings')}</PageTitle>
      <p>{t('temuan.lead')}</p>
      {canRecord && (
        <details className="card temuan-form" open={Object.keys(errors).length > 0 || undefined}>
          <summary>
            <strong>{t('temuan.new')}</strong>
          </summary>
          <form ref={formRef} className="form" onSubmit={submit} noValidate>
            <ErrorSummary title={t('form.errorSummary')} errors={errors} />
            {error && <ErrorNotice error={error} />}
            <SelectField
              name="sumber"
              label={t('temuan.source')}
              required
              value={form.sumber}
              onChange={set('sumber')}
              placeholder={t('form.choosePlaceholder')}
              error={errors.sumber}
              options={SOURCES.map((s) => ({ value: s, label: t(`temuan.source.${s}`) }))}
            />
            <TextField
              name="judul"
              label={t('temuan.judul')}
              required
              maxLength={TEMUAN_LIMITS.judul.max}
              value={form.judul}
              onChange={set('judul')}
              error={errors.judul}
            />
            <TextArea
              name="uraian"
              label={t('lapor.uraian')}
              required
              rows={5}
              maxLength={TEMUAN_LIMITS.uraian.max}
              value={form.uraian}
              onChange={set('uraian')}
              error={errors.uraian}
            />
            <RegionPicker
              name="kodeWilayah"
              label={t('lapor.wilayahKejadian')}
              includeDesa
              value={region}
              onChange={setRegion}
              error={errors.kodeWilayah}
            />
            <TextField
              name="tempat"
              label={t('lapor.tempat')}
              required
              maxLength={TEMUAN_LIMITS.tempat.max}
              value={form.tempat}
              onChange={set('tempat')}
              error={errors.tempat}
            />
            <div className="form form--grid">
              <TextField
                name="tanggalKejadian"
                type="date"
                label={t('lapor.tanggalKejadian')}
                required
                max={today}
                value={form.tanggalKejadian}
                onChange={set('tanggalKejadian')}
                error={errors.tanggalKejadian}
              />
              <TextField
                name="tanggalDiketahui"
                type="date"
                label={t('lapor.tanggalDiketahui')}
                hint={t('temuan.knownHint')}
                required
                max={today}
                value={form.tanggalDiketahui}
                onChange={set('tanggalDiketahui')}
                error={errors.tanggalDiketahui}
              />
            </div>
            <CheckboxGroup
              name="perbuatan"
              label={t('lapor.perbuatan')}
              value={acts}
              onChange={setActs}
              error={errors.perbuatan}
              options={[
                ...NEUTRALITY_ACTS.map((a) => ({ value: a.id, label: language === 'en' ? a.labelEn : a.label })),
                { value: OTHER_ACT.id, label: actLabel(OTHER_ACT.id, language) },
              ]}
            />
            <h3>{t('lapor.step.terlapor')}</h3>
            <TerlaporFields list={terlapor} onChange={setTerlapor} errors={errors} />
            <TextArea
              name="buktiTautan"
              label={t('bukti.links')}
              hint={t('bukti.linksHint')}
              optionalLabel={t('form.optional')}
              rows={2}
              value={form.tautan}
              onChange={set('tautan')}
              error={errors.buktiTautan}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('temuan.submit')}
              </button>
            </div>
          </form>
        </details>
      )}
      <h2>{t('temuan.list')}</h2>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && (list.data.items.length === 0 ? <p>{t('queue.empty')}</p> : <CaseList items={list.data.items} />)}
    </div>
  );
}
