// The public report form (formulir laporan, Perbawaslu 8/2020 jo. 9/2024) in six steps:
// pelapor, terlapor, peristiwa, perbuatan + saksi, bukti, review. The draft lives in
// sessionStorage (identity data never goes to localStorage) and is cleared after the receipt.
// A retried submission (double click, flaky network) reuses the Idempotency-Key, so the server
// answers with the same receipt instead of filing twice.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { validateNik } from '../../../domain/cases/nik.ts';
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { PELAPOR_CATALOGUE } from '../../../domain/catalogues/pelapor.ts';
import type { ApiError } from '../../api/client.ts';
import type { RegionSummary } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import {
  CheckboxGroup, ErrorSummary, RadioGroup, TextArea, TextField, focusFirstInvalid, type FieldErrors,
} from '../../components/FormField.tsx';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { EvidenceStep } from '../../features/cases/EvidenceStep.tsx';
import { ReceiptView } from '../../features/cases/ReceiptView.tsx';
import { TerlaporFields, emptyTerlapor, terlaporBody, validateTerlapor, type TerlaporDraft } from '../../features/cases/TerlaporFields.tsx';
import { contentHash, fieldErrorsOf, newIdempotencyKey, postJson, toApiError } from '../../features/cases/http.ts';
import { OTHER_ACT, actLabel, daysBetween, formatBytes, subjectLabel, todayLocal } from '../../features/cases/labels.ts';
import type { Receipt } from '../../features/cases/types.ts';

const DRAFT_KEY = 'netra.lapor.draft';
const SUBMIT_KEY = 'netra.lapor.idempotency';
const FILING_DAYS = 7;

import type { EvidenceItem } from '../../features/cases/EvidenceStep.tsx';

export interface Draft {
  step: number;
  pelapor: {
    nama: string; nik: string; tempatLahir: string; tanggalLahir: string; jenisKelamin: string; pekerjaan: string;
    kewarganegaraan: string; alamat: string; telepon: string; email: string; kategori: string; nomorAkreditasi: string; timKampanye: string;
  };
  terlapor: TerlaporDraft[];
  peristiwa: { judul: string; uraian: string; region: RegionSummary | null; tempat: string; tanggalKejadian: string; tanggalDiketahui: string };
  perbuatan: string[];
  saksi: { nama: string; alamat: string; telepon: string }[];
  bukti: EvidenceItem[];
  tautan: string;
}

const emptyDraft = (): Draft => ({
  step: 0,
  pelapor: { nama: '', nik: '', tempatLahir: '', tanggalLahir: '', jenisKelamin: '', pekerjaan: '', kewarganegaraan: 'Indonesia', alamat: '', telepon: '', email: '', kategori: '', nomorAkreditasi: '', timKampanye: '' },
  terlapor: [emptyTerlapor()],
  peristiwa: { judul: '', uraian: '', region: null, tempat: '', tanggalKejadian: '', tanggalDiketahui: '' },
  perbuatan: [],
  saksi: [],
  bukti: [],
  tautan: '',
});

function loadDraft(): Draft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (raw) return { ...emptyDraft(), ...(JSON.parse(raw) as Partial<Draft>) };
  } catch {
    // unreadable draft: start over
  }
  return emptyDraft();
}

const STEP_KEYS = ['lapor.step.pelapor', 'lapor.step.terlapor', 'lapor.step.peristiwa', 'lapor.step.perbuatan', 'lapor.step.bukti', 'lapor.step.tinjau'] as const;

/** Which step holds an API field ('terlapor.0.nip' → 1). */
export function stepOfField(field: string): number | null {
  const head = field.split('.')[0];
  switch (head) {
    case 'pelapor': return 0;
    case 'terlapor': return 1;
    case 'peristiwa': return 2;
    case 'perbuatan': case 'saksi': return 3;
    case 'bukti': case 'buktiTautan': return 4;
    default: return null;
  }
}

const links = (text: string) => text.split(/\s+/).map((s) => s.trim()).filter(Boolean);
const isHttpUrl = (value: string) => { try { const u = new URL(value); return u.protocol === 'http:' || u.protocol === 'https:'; } catch { return false; } };

export function buildBody(d: Draft) {
  const p = d.pelapor;
  const opt = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    pelapor: {
      nama: p.nama.trim(), nik: p.nik.replace(/[\s.]/g, ''), tempatLahir: p.tempatLahir.trim(), tanggalLahir: p.tanggalLahir,
      jenisKelamin: p.jenisKelamin, pekerjaan: p.pekerjaan.trim(), kewarganegaraan: p.kewarganegaraan.trim() || 'Indonesia',
      alamat: p.alamat.trim(), telepon: p.telepon.replace(/[\s-]/g, ''), email: opt(p.email), kategori: p.kategori,
      nomorAkreditasi: p.kategori === 'pemantau' ? opt(p.nomorAkreditasi) : undefined,
      timKampanye: p.kategori === 'peserta' ? opt(p.timKampanye) : undefined,
    },
    terlapor: terlaporBody(d.terlapor),
    peristiwa: {
      judul: opt(d.peristiwa.judul), uraian: d.peristiwa.uraian.trim(), kodeWilayah: d.peristiwa.region?.code ?? '',
      tempat: d.peristiwa.tempat.trim(), tanggalKejadian: d.peristiwa.tanggalKejadian, tanggalDiketahui: d.peristiwa.tanggalDiketahui,
    },
    perbuatan: d.perbuatan,
    saksi: d.saksi.filter((s) => s.nama.trim() || s.alamat.trim() || s.telepon.trim())
      .map((s) => ({ nama: s.nama.trim(), alamat: s.alamat.trim(), ...(s.telepon.trim() ? { telepon: s.telepon.trim() } : {}) })),
    bukti: d.bukti.map((b) => b.id),
    buktiTautan: links(d.tautan),
  };
}

type T = ReturnType<typeof useT>;

function validateStep(step: number, d: Draft, t: T, language: 'id' | 'en'): FieldErrors {
  const errors: FieldErrors = {};
  const today = todayLocal();
  const min = (path: string, value: string, n: number) => { if (value.trim().length < n) errors[path] = value.trim() ? t('form.minChars', { n }) : t('form.required'); };
  if (step === 0) {
    const p = d.pelapor;
    min('pelapor.nama', p.nama, 2);
    const nik = validateNik(p.nik, today);
    if (!nik.valid) errors['pelapor.nik'] = nik.reason[language];
    else if (p.tanggalLahir && nik.birthDate !== p.tanggalLahir) errors['pelapor.nik'] = t('lapor.nikBirthMismatch');
    else if (p.jenisKelamin && nik.sex !== p.jenisKelamin) errors['pelapor.nik'] = t('lapor.nikSexMismatch');
    min('pelapor.tempatLahir', p.tempatLahir, 2);
    if (!p.tanggalLahir) errors['pelapor.tanggalLahir'] = t('form.required');
    else if (p.tanggalLahir > today) errors['pelapor.tanggalLahir'] = t('form.futureDate');
    if (!p.jenisKelamin) errors['pelapor.jenisKelamin'] = t('form.choose');
    min('pelapor.pekerjaan', p.pekerjaan, 2);
    min('pelapor.kewarganegaraan', p.kewarganegaraan, 2);
    min('pelapor.alamat', p.alamat, 5);
    if (!/^(\+62|62|0)8\d{7,12}$/.test(p.telepon.replace(/[\s-]/g, ''))) errors['pelapor.telepon'] = t('form.phone');
    if (p.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email.trim())) errors['pelapor.email'] = t('form.email');
    if (!p.kategori) errors['pelapor.kategori'] = t('form.choose');
    if (p.kategori === 'pemantau') min('pelapor.nomorAkreditasi', p.nomorAkreditasi, 3);
    if (p.kategori === 'peserta') min('pelapor.timKampanye', p.timKampanye, 3);
  }
  if (step === 1) Object.assign(errors, validateTerlapor(d.terlapor, t, language));
  if (step === 2) {
    const e = d.peristiwa;
    if (e.judul.trim() && e.judul.trim().length < 5) errors['peristiwa.judul'] = t('form.minChars', { n: 5 });
    min('peristiwa.uraian', e.uraian, 30);
    if (!e.region) errors['peristiwa.kodeWilayah'] = t('lapor.regionRequired');
    min('peristiwa.tempat', e.tempat, 2);
    if (!e.tanggalKejadian) errors['peristiwa.tanggalKejadian'] = t('form.required');
    else if (e.tanggalKejadian > today) errors['peristiwa.tanggalKejadian'] = t('form.futureDate');
    if (!e.tanggalDiketahui) errors['peristiwa.tanggalDiketahui'] = t('form.required');
    else if (e.tanggalDiketahui > today) errors['peristiwa.tanggalDiketahui'] = t('form.futureDate');
    else if (e.tanggalKejadian && e.tanggalKejadian > e.tanggalDiketahui) errors['peristiwa.tanggalKejadian'] = t('form.dateOrder');
  }
  if (step === 3) {
    if (d.perbuatan.length === 0) errors.perbuatan = t('lapor.actRequired');
    d.saksi.forEach((s, i) => {
      if (!s.nama.trim() && !s.alamat.trim() && !s.telepon.trim()) return;
      min(`saksi.${i}.nama`, s.nama, 2);
      min(`saksi.${i}.alamat`, s.alamat, 2);
    });
  }
  if (step === 4) {
    const bad = links(d.tautan).find((u) => !isHttpUrl(u));
    if (bad) errors.buktiTautan = t('form.url', { url: bad });
    else if (links(d.tautan).length > 10) errors.buktiTautan = t('lapor.tooManyLinks');
  }
  return errors;
}

export default function Lapor() {
  return (
    <Routes>
      <Route index element={<LaporForm />} />
      <Route path="selesai" element={<LaporSelesai />} />
      <Route path="*" element={<LaporForm />} />
    </Routes>
  );
}

function LaporSelesai() {
  const t = useT();
  const location = useLocation();
  const receipt = (location.state as { receipt?: Receipt } | null)?.receipt;
  if (!receipt) {
    return (
      <div className="page page--narrow">
        <PageTitle>{t('lapor.receiptTitle')}</PageTitle>
        <Notice>{t('lapor.receiptGone')}</Notice>
        <p><Link to="/lacak">{t('nav.track')}</Link></p>
      </div>
    );
  }
  return <ReceiptView receipt={receipt} />;
}

function LaporForm() {
  const t = useT();
  const language = useLanguage();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterStep = useRef<string | null>(null);
  const firstRender = useRef(true);
  const step = Math.min(Math.max(draft.step, 0), STEP_KEYS.length - 1);
  const today = todayLocal();

  useEffect(() => {
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // storage full or disabled: the draft lasts for this page only
    }
  }, [draft]);

  // On a step change, focus the field a server error named, or else the step's heading.
  useEffect(() => {
    if (firstRender.current) { firstRender.current = false; return; }
    if (focusAfterStep.current) {
      focusFirstInvalid(formRef.current, focusAfterStep.current);
      focusAfterStep.current = null;
    } else {
      headingRef.current?.focus();
      headingRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [step]);

  // Once shown, an error goes away as soon as its field passes the check again.
  const lastContent = useRef('');
  useEffect(() => {
    const content = JSON.stringify({ ...draft, step: 0 });
    const changed = lastContent.current !== '' && lastContent.current !== content;
    lastContent.current = content;
    if (!changed) return;
    setErrors((current) => {
      const keys = Object.keys(current);
      if (keys.length === 0) return current;
      const now = validateStep(step, draft, t, language);
      const next: FieldErrors = {};
      for (const key of keys) {
        const clientChecked = stepOfField(key) === step;
        if (!clientChecked || now[key]) next[key] = clientChecked && now[key] ? now[key] : current[key];
      }
      return Object.keys(next).length === keys.length && keys.every((k) => next[k] === current[k]) ? current : next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  const setPelapor = (patch: Partial<Draft['pelapor']>) => {
    setDraft((d) => ({ ...d, pelapor: { ...d.pelapor, ...patch } }));
  };
  const setPeristiwa = (patch: Partial<Draft['peristiwa']>) => setDraft((d) => ({ ...d, peristiwa: { ...d.peristiwa, ...patch } }));
  const goTo = (next: number) => { setErrors({}); setSubmitError(null); setDraft((d) => ({ ...d, step: next })); };

  function next(event: FormEvent) {
    event.preventDefault();
    if (step === STEP_KEYS.length - 1) { void submit(); return; }
    const found = validateStep(step, draft, t, language);
    setErrors(found);
    if (Object.keys(found).length > 0) { focusFirstInvalid(formRef.current); return; }
    if (step === 4 && uploading) return;
    goTo(step + 1);
  }

  async function submit() {
    // Re-check every step: a stored draft may predate a rule.
    for (let s = 0; s < STEP_KEYS.length - 1; s++) {
      const found = validateStep(s, draft, t, language);
      if (Object.keys(found).length > 0) {
        focusAfterStep.current = Object.keys(found)[0];
        setDraft((d) => ({ ...d, step: s }));
        setErrors(found);
        return;
      }
    }
    const body = buildBody(draft);
    const text = JSON.stringify(body);
    const hash = contentHash(text);
    let key = newIdempotencyKey();
    try {
      const stored = JSON.parse(sessionStorage.getItem(SUBMIT_KEY) ?? 'null') as { key: string; hash: string } | null;
      if (stored && stored.hash === hash) key = stored.key;
      sessionStorage.setItem(SUBMIT_KEY, JSON.stringify({ key, hash }));
    } catch {
      // without storage the key still protects this page's retries
    }
    setBusy(true);
    setSubmitError(null);
    try {
      const receipt = await postJson<Receipt>('/api/v1/laporan', body, { 'Idempotency-Key': key });
      sessionStorage.removeItem(DRAFT_KEY);
      sessionStorage.removeItem(SUBMIT_KEY);
      navigate('/lapor/selesai', { state: { receipt } });
    } catch (caught) {
      const error = toApiError(caught);
      const fields = fieldErrorsOf(error);
      const placed = Object.keys(fields).filter((f) => stepOfField(f) !== null);
      if (placed.length > 0) {
        const target = stepOfField(placed[0])!;
        setErrors(Object.fromEntries(placed.map((f) => [f, fields[f]])));
        if (target !== step) {
          focusAfterStep.current = placed[0];
          setDraft((d) => ({ ...d, step: target }));
        } else {
          focusFirstInvalid(formRef.current, placed[0]);
        }
      } else {
        setSubmitError(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const nikDigits = draft.pelapor.nik.replace(/[\s.]/g, '');
  const nik = nikDigits.length === 16 ? validateNik(nikDigits, today) : null;
  const nikStatus = nikDigits.length === 0 ? undefined
    : nikDigits.length !== 16 || /\D/.test(nikDigits) ? t('lapor.nikCount', { n: nikDigits.replace(/\D/g, '').length })
      : nik && nik.valid ? t('lapor.nikOk', { date: formatDate(nik.birthDate, language), sex: t(nik.sex === 'P' ? 'lapor.sexP' : 'lapor.sexL') })
        : nik && !nik.valid ? nik.reason[language] : undefined;

  const knownDaysAgo = draft.peristiwa.tanggalDiketahui && draft.peristiwa.tanggalDiketahui <= today ? daysBetween(draft.peristiwa.tanggalDiketahui, today) : 0;
  const stepTitle = t(STEP_KEYS[step]);

  return (
    <div className="page lapor">
      <PageTitle>{t('report.title')}</PageTitle>
      {step === 0 && <p className="lead">{t('lapor.lead')}</p>}
      <nav aria-label={t('lapor.stepsNav')}>
        <ol className="stepper">
          {STEP_KEYS.map((key, index) => (
            <li key={key} className={index === step ? 'stepper__item stepper__item--current' : index < step ? 'stepper__item stepper__item--done' : 'stepper__item'}
              aria-current={index === step ? 'step' : undefined}>
              <span className="stepper__number" aria-hidden="true">{index + 1}</span>
              <span className="stepper__label">{t(key)}</span>
            </li>
          ))}
        </ol>
      </nav>
      <form ref={formRef} className="form card lapor__form" onSubmit={next} noValidate>
        <h2 ref={headingRef} tabIndex={-1} className="lapor__step-title">
          {t('lapor.stepOf', { n: step + 1, total: STEP_KEYS.length })}: {stepTitle}
        </h2>
        <ErrorSummary title={t('form.errorSummary')} errors={errors} />
        {submitError && <ErrorNotice error={submitError} />}

        {step === 0 && (
          <>
            <Notice>{t('lapor.privacy')}</Notice>
            <div className="form form--grid">
              <TextField name="pelapor.nama" label={t('lapor.nama')} required autoComplete="name" value={draft.pelapor.nama} error={errors['pelapor.nama']}
                onChange={(v) => setPelapor({ nama: v })} />
              <TextField name="pelapor.nik" label={t('lapor.nik')} hint={t('lapor.nikHint')} required inputMode="numeric" maxLength={20}
                value={draft.pelapor.nik} error={errors['pelapor.nik']} status={nikStatus}
                onChange={(v) => setPelapor({ nik: v.replace(/[^\d\s.]/g, '') })}
                onBlur={() => {
                  // Fill the birth date and sex from a valid NIK when they are still empty.
                  if (nik?.valid) setPelapor({ tanggalLahir: draft.pelapor.tanggalLahir || nik.birthDate, jenisKelamin: draft.pelapor.jenisKelamin || nik.sex });
                }} />
              <TextField name="pelapor.tempatLahir" label={t('lapor.tempatLahir')} required value={draft.pelapor.tempatLahir} error={errors['pelapor.tempatLahir']}
                onChange={(v) => setPelapor({ tempatLahir: v })} />
              <TextField name="pelapor.tanggalLahir" type="date" label={t('lapor.tanggalLahir')} required max={today} autoComplete="bday"
                value={draft.pelapor.tanggalLahir} error={errors['pelapor.tanggalLahir']} onChange={(v) => setPelapor({ tanggalLahir: v })} />
              <RadioGroup name="pelapor.jenisKelamin" label={t('lapor.jenisKelamin')} value={draft.pelapor.jenisKelamin} error={errors['pelapor.jenisKelamin']}
                onChange={(v) => setPelapor({ jenisKelamin: v })} className="choice-group--inline"
                options={[{ value: 'L', label: t('lapor.sexL') }, { value: 'P', label: t('lapor.sexP') }]} />
              <TextField name="pelapor.pekerjaan" label={t('lapor.pekerjaan')} required value={draft.pelapor.pekerjaan} error={errors['pelapor.pekerjaan']}
                onChange={(v) => setPelapor({ pekerjaan: v })} />
              <TextField name="pelapor.kewarganegaraan" label={t('lapor.kewarganegaraan')} required value={draft.pelapor.kewarganegaraan}
                error={errors['pelapor.kewarganegaraan']} onChange={(v) => setPelapor({ kewarganegaraan: v })} />
              <TextField name="pelapor.telepon" type="tel" inputMode="tel" label={t('lapor.telepon')} hint={t('lapor.teleponHint')} required autoComplete="tel"
                value={draft.pelapor.telepon} error={errors['pelapor.telepon']} onChange={(v) => setPelapor({ telepon: v })} />
              <TextField name="pelapor.email" type="email" inputMode="email" label={t('lapor.email')} optionalLabel={t('form.optional')} hint={t('lapor.emailHint')}
                autoComplete="email" value={draft.pelapor.email} error={errors['pelapor.email']} onChange={(v) => setPelapor({ email: v })} />
            </div>
            <TextArea name="pelapor.alamat" label={t('lapor.alamat')} required rows={2} value={draft.pelapor.alamat} error={errors['pelapor.alamat']}
              onChange={(v) => setPelapor({ alamat: v })} />
            <RadioGroup name="pelapor.kategori" label={t('lapor.kategori')} hint={t('lapor.kategoriHint')} value={draft.pelapor.kategori}
              error={errors['pelapor.kategori']} onChange={(v) => setPelapor({ kategori: v })}
              options={PELAPOR_CATALOGUE.map((c) => ({ value: c.id, label: language === 'en' ? c.labelEn : c.label, description: language === 'en' ? c.requirementEn : c.requirement }))} />
            {draft.pelapor.kategori === 'pemantau' && (
              <TextField name="pelapor.nomorAkreditasi" label={t('lapor.nomorAkreditasi')} required value={draft.pelapor.nomorAkreditasi}
                error={errors['pelapor.nomorAkreditasi']} onChange={(v) => setPelapor({ nomorAkreditasi: v })} />
            )}
            {draft.pelapor.kategori === 'peserta' && (
              <TextField name="pelapor.timKampanye" label={t('lapor.timKampanye')} required value={draft.pelapor.timKampanye}
                error={errors['pelapor.timKampanye']} onChange={(v) => setPelapor({ timKampanye: v })} />
            )}
          </>
        )}

        {step === 1 && (
          <>
            <p>{t('lapor.terlaporLead')}</p>
            <TerlaporFields list={draft.terlapor} errors={errors} onChange={(terlapor) => setDraft((d) => ({ ...d, terlapor }))} />
          </>
        )}

        {step === 2 && (
          <>
            <TextField name="peristiwa.judul" label={t('lapor.judul')} optionalLabel={t('form.optional')} hint={t('lapor.judulHint')} maxLength={200}
              value={draft.peristiwa.judul} error={errors['peristiwa.judul']} onChange={(v) => setPeristiwa({ judul: v })} />
            <TextArea name="peristiwa.uraian" label={t('lapor.uraian')} hint={t('lapor.uraianHint')} required rows={7} maxLength={20000}
              value={draft.peristiwa.uraian} error={errors['peristiwa.uraian']} onChange={(v) => setPeristiwa({ uraian: v })}
              counter={t('lapor.charCount', { n: draft.peristiwa.uraian.trim().length })} />
            <RegionPicker name="peristiwa.kodeWilayah" label={t('lapor.wilayahKejadian')} hint={t('lapor.wilayahKejadianHint')} includeDesa
              value={draft.peristiwa.region} error={errors['peristiwa.kodeWilayah']} onChange={(region) => setPeristiwa({ region })} />
            <TextField name="peristiwa.tempat" label={t('lapor.tempat')} hint={t('lapor.tempatHint')} required value={draft.peristiwa.tempat}
              error={errors['peristiwa.tempat']} onChange={(v) => setPeristiwa({ tempat: v })} />
            <div className="form form--grid">
              <TextField name="peristiwa.tanggalKejadian" type="date" label={t('lapor.tanggalKejadian')} required max={today}
                value={draft.peristiwa.tanggalKejadian} error={errors['peristiwa.tanggalKejadian']} onChange={(v) => setPeristiwa({ tanggalKejadian: v })} />
              <TextField name="peristiwa.tanggalDiketahui" type="date" label={t('lapor.tanggalDiketahui')} hint={t('lapor.tanggalDiketahuiHint')} required max={today}
                value={draft.peristiwa.tanggalDiketahui} error={errors['peristiwa.tanggalDiketahui']} onChange={(v) => setPeristiwa({ tanggalDiketahui: v })} />
            </div>
            {knownDaysAgo > FILING_DAYS && (
              <Notice kind="warning">
                <p><strong>{t('lapor.lateTitle', { n: knownDaysAgo })}</strong></p>
                <p>{t('lapor.lateBody')}</p>
              </Notice>
            )}
          </>
        )}

        {step === 3 && (
          <>
            <CheckboxGroup name="perbuatan" label={t('lapor.perbuatan')} hint={t('lapor.perbuatanHint')} value={draft.perbuatan} error={errors.perbuatan}
              onChange={(perbuatan) => setDraft((d) => ({ ...d, perbuatan }))}
              options={[...NEUTRALITY_ACTS.map((a) => ({ value: a.id, label: language === 'en' ? a.labelEn : a.label })),
                { value: OTHER_ACT.id, label: actLabel(OTHER_ACT.id, language) }]} />
            <h3>{t('lapor.saksi')}</h3>
            <p className="hint">{t('lapor.saksiHint')}</p>
            {draft.saksi.map((s, i) => (
              <fieldset key={i} className="repeat__item card">
                <legend>{t('lapor.saksiN', { n: i + 1 })}</legend>
                <div className="form form--grid">
                  <TextField name={`saksi.${i}.nama`} label={t('lapor.saksiNama')} required value={s.nama} error={errors[`saksi.${i}.nama`]}
                    onChange={(v) => setDraft((d) => ({ ...d, saksi: d.saksi.map((x, j) => (j === i ? { ...x, nama: v } : x)) }))} />
                  <TextField name={`saksi.${i}.telepon`} type="tel" inputMode="tel" label={t('lapor.telepon')} optionalLabel={t('form.optional')} value={s.telepon}
                    error={errors[`saksi.${i}.telepon`]} onChange={(v) => setDraft((d) => ({ ...d, saksi: d.saksi.map((x, j) => (j === i ? { ...x, telepon: v } : x)) }))} />
                </div>
                <TextField name={`saksi.${i}.alamat`} label={t('lapor.alamat')} required value={s.alamat} error={errors[`saksi.${i}.alamat`]}
                  onChange={(v) => setDraft((d) => ({ ...d, saksi: d.saksi.map((x, j) => (j === i ? { ...x, alamat: v } : x)) }))} />
                <button type="button" className="button button--secondary button--small"
                  onClick={() => setDraft((d) => ({ ...d, saksi: d.saksi.filter((_, j) => j !== i) }))}>{t('lapor.removeSaksi', { n: i + 1 })}</button>
              </fieldset>
            ))}
            {draft.saksi.length < 20 && (
              <button type="button" className="button button--secondary"
                onClick={() => setDraft((d) => ({ ...d, saksi: [...d.saksi, { nama: '', alamat: '', telepon: '' }] }))}>{t('lapor.addSaksi')}</button>
            )}
          </>
        )}

        {step === 4 && (
          <EvidenceStep items={draft.bukti} error={errors.bukti} onChange={(bukti) => setDraft((d) => ({ ...d, bukti }))} onBusy={setUploading}
            links={draft.tautan} linksError={errors.buktiTautan} onLinksChange={(tautan) => setDraft((d) => ({ ...d, tautan }))} />
        )}

        {step === 5 && <Review draft={draft} onEdit={goTo} />}

        <div className="form__actions lapor__actions">
          {step > 0 && (
            <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)} disabled={busy}>{t('lapor.back')}</button>
          )}
          {step < STEP_KEYS.length - 1 ? (
            <button type="submit" className="button button--primary" disabled={step === 4 && uploading}>{t('lapor.next')}</button>
          ) : (
            <button type="submit" className="button button--primary button--large" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('lapor.submitting') : t('lapor.submit')}
            </button>
          )}
        </div>
      </form>
      <p className="hint">{t('lapor.draftNote')}{' '}
        <button type="button" className="button button--inline" onClick={() => {
          if (!window.confirm(t('lapor.clearConfirm'))) return;
          sessionStorage.removeItem(DRAFT_KEY);
          sessionStorage.removeItem(SUBMIT_KEY);
          setErrors({});
          setDraft(emptyDraft());
        }}>{t('lapor.clearDraft')}</button>
      </p>
    </div>
  );
}

function Review({ draft, onEdit }: { draft: Draft; onEdit(step: number): void }) {
  const t = useT();
  const language = useLanguage();
  const p = draft.pelapor;
  const category = PELAPOR_CATALOGUE.find((c) => c.id === p.kategori);
  const Section = ({ step, children }: { step: number; children: ReactNode }) => (
    <section className="review__section" aria-labelledby={`review-${step}`}>
      <div className="review__head">
        <h3 id={`review-${step}`}>{t(STEP_KEYS[step])}</h3>
        <button type="button" className="button button--secondary button--small" onClick={() => onEdit(step)}
          aria-label={t('lapor.editSection', { section: t(STEP_KEYS[step]) })}>{t('lapor.edit')}</button>
      </div>
      {children}
    </section>
  );
  const d = (iso: string) => (iso ? formatDate(iso, language) : t('common.none'));
  return (
    <div className="review">
      <p>{t('lapor.reviewLead')}</p>
      <Section step={0}>
        <dl className="facts facts--stack">
          <div><dt>{t('lapor.nama')}</dt><dd>{p.nama}</dd></div>
          <div><dt>{t('lapor.nik')}</dt><dd>{p.nik}</dd></div>
          <div><dt>{t('lapor.ttl')}</dt><dd>{p.tempatLahir}, {d(p.tanggalLahir)}</dd></div>
          <div><dt>{t('lapor.jenisKelamin')}</dt><dd>{p.jenisKelamin === 'P' ? t('lapor.sexP') : t('lapor.sexL')}</dd></div>
          <div><dt>{t('lapor.pekerjaan')}</dt><dd>{p.pekerjaan}</dd></div>
          <div><dt>{t('lapor.alamat')}</dt><dd>{p.alamat}</dd></div>
          <div><dt>{t('lapor.telepon')}</dt><dd>{p.telepon}{p.email ? ` · ${p.email}` : ''}</dd></div>
          <div><dt>{t('lapor.kategori')}</dt><dd>{category ? (language === 'en' ? category.labelEn : category.label) : ''}
            {p.kategori === 'pemantau' && p.nomorAkreditasi ? ` (${p.nomorAkreditasi})` : ''}{p.kategori === 'peserta' && p.timKampanye ? ` (${p.timKampanye})` : ''}</dd></div>
        </dl>
      </Section>
      <Section step={1}>
        <ul className="plain-list">
          {draft.terlapor.map((x, i) => (
            <li key={i}><strong>{x.nama}</strong>{x.nip ? ` · NIP ${x.nip}` : ''} — {x.jabatan}, {x.instansi} ({subjectLabel(x.jenisSubjek, language)}){x.region ? ` · ${x.region.name}` : ''}</li>
          ))}
        </ul>
      </Section>
      <Section step={2}>
        <dl className="facts facts--stack">
          {draft.peristiwa.judul && <div><dt>{t('lapor.judul')}</dt><dd>{draft.peristiwa.judul}</dd></div>}
          <div><dt>{t('lapor.wilayahKejadian')}</dt><dd>{draft.peristiwa.region ? `${draft.peristiwa.region.name} (${draft.peristiwa.region.code})` : ''}</dd></div>
          <div><dt>{t('lapor.tempat')}</dt><dd>{draft.peristiwa.tempat}</dd></div>
          <div><dt>{t('lapor.tanggalKejadian')}</dt><dd>{d(draft.peristiwa.tanggalKejadian)}</dd></div>
          <div><dt>{t('lapor.tanggalDiketahui')}</dt><dd>{d(draft.peristiwa.tanggalDiketahui)}</dd></div>
        </dl>
        <p className="review__narrative">{draft.peristiwa.uraian}</p>
      </Section>
      <Section step={3}>
        <ul className="plain-list">{draft.perbuatan.map((a) => <li key={a}>{actLabel(a, language)}</li>)}</ul>
        {draft.saksi.length > 0 && <p>{t('lapor.saksi')}: {draft.saksi.filter((s) => s.nama.trim()).map((s) => s.nama).join(', ')}</p>}
      </Section>
      <Section step={4}>
        {draft.bukti.length === 0 && links(draft.tautan).length === 0 ? <p className="muted">{t('lapor.noEvidence')}</p> : (
          <ul className="plain-list">
            {draft.bukti.map((b) => <li key={b.id}>{b.name} ({formatBytes(b.size, language)})</li>)}
            {links(draft.tautan).map((u) => <li key={u} className="break">{u}</li>)}
          </ul>
        )}
      </Section>
      <Notice>{t('lapor.declaration')}</Notice>
    </div>
  );
}

