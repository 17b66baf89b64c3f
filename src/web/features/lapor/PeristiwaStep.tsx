// Step 1: what happened, where and when. 'Use my location' asks the browser for the position and
// the server for the kabupaten/kota whose boundary holds it; the person may narrow it further.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { RegionDetail } from '../../api/types.ts';
import type { FieldErrors } from '../../components/FormField.tsx';
import { TextArea, TextField } from '../../components/FormField.tsx';
import { Notice } from '../../components/Layout.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useT } from '../../i18n/store.ts';
import { daysBetween, todayLocal } from '../cases/labels.ts';
import { FILING_DAYS, type Draft } from './draft.ts';
import { PERISTIWA_LIMITS as E } from '../../../contracts/limits.ts';
import type { GeoLocation } from '../../../contracts/public.ts';

type Peristiwa = Draft['peristiwa'];

export function PeristiwaStep({
  value,
  errors,
  onChange,
}: {
  value: Peristiwa;
  errors: FieldErrors;
  onChange(patch: Partial<Peristiwa>): void;
}) {
  const t = useT();
  const today = todayLocal();
  const knownDaysAgo = value.tanggalDiketahui && value.tanggalDiketahui <= today ? daysBetween(value.tanggalDiketahui, today) : 0;
  return (
    <>
      <Notice>{t('lapor.anonymousLead')}</Notice>
      <TextArea
        name="peristiwa.uraian"
        label={t('lapor.uraian')}
        hint={t('lapor.uraianHint')}
        required
        rows={7}
        maxLength={E.uraian.max}
        value={value.uraian}
        error={errors['peristiwa.uraian']}
        onChange={(v) => onChange({ uraian: v })}
        counter={t('lapor.charCount', { n: value.uraian.trim().length })}
      />
      <TextField
        name="peristiwa.judul"
        label={t('lapor.judul')}
        optionalLabel={t('form.optional')}
        hint={t('lapor.judulHint')}
        maxLength={E.judul.max}
        value={value.judul}
        error={errors['peristiwa.judul']}
        onChange={(v) => onChange({ judul: v })}
      />
      <RegionPicker
        name="peristiwa.kodeWilayah"
        label={t('lapor.wilayahKejadian')}
        hint={t('lapor.wilayahKejadianHint')}
        includeDesa
        value={value.region}
        error={errors['peristiwa.kodeWilayah']}
        onChange={(region) => onChange({ region })}
      />
      <UseMyLocation onFound={(region) => onChange({ region })} />
      <TextField
        name="peristiwa.tempat"
        label={t('lapor.tempat')}
        hint={t('lapor.tempatHint')}
        required
        value={value.tempat}
        error={errors['peristiwa.tempat']}
        onChange={(v) => onChange({ tempat: v })}
      />
      <div className="form form--grid">
        <TextField
          name="peristiwa.tanggalKejadian"
          type="date"
          label={t('lapor.tanggalKejadian')}
          required
          max={today}
          value={value.tanggalKejadian}
          error={errors['peristiwa.tanggalKejadian']}
          onChange={(v) => onChange({ tanggalKejadian: v })}
        />
        <TextField
          name="peristiwa.tanggalDiketahui"
          type="date"
          label={t('lapor.tanggalDiketahui')}
          hint={t('lapor.tanggalDiketahuiHint')}
          required
          max={today}
          value={value.tanggalDiketahui}
          error={errors['peristiwa.tanggalDiketahui']}
          onChange={(v) => onChange({ tanggalDiketahui: v })}
        />
      </div>
      {knownDaysAgo > FILING_DAYS && (
        <Notice kind="warning">
          <p>
            <strong>{t('lapor.lateTitle', { n: knownDaysAgo })}</strong>
          </p>
          <p>{t('lapor.lateBody')}</p>
        </Notice>
      )}
    </>
  );
}

function UseMyLocation({ onFound }: { onFound(region: RegionDetail): void }) {
  const t = useT();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'denied' | 'outside' } | { kind: 'found'; name: string }>({ kind: 'idle' });
  if (typeof navigator === 'undefined' || !navigator.geolocation) return null;
  const locate = () => {
    setState({ kind: 'busy' });
    navigator.geolocation.getCurrentPosition(
      async (position) => {
        try {
          const found = await api.get<GeoLocation>('/api/v1/geo/locate', { lat: position.coords.latitude, lon: position.coords.longitude });
          const region = await api.get<RegionDetail>(`/api/v1/regions/${encodeURIComponent(found.code)}`);
          onFound(region);
          setState({ kind: 'found', name: region.name });
        } catch {
          setState({ kind: 'outside' });
        }
      },
      () => setState({ kind: 'denied' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };
  return (
    <div className="field">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={locate}
        disabled={state.kind === 'busy'}
        aria-busy={state.kind === 'busy' || undefined}
      >
        {state.kind === 'busy' ? t('lapor.locating') : t('lapor.useLocation')}
      </button>
      <p className="field-status" aria-live="polite">
        {state.kind === 'found'
          ? t('lapor.located', { name: state.name })
          : state.kind === 'denied'
            ? t('lapor.locationDenied')
            : state.kind === 'outside'
              ? t('lapor.locationOutside')
              : ''}
      </p>
    </div>
  );
}
