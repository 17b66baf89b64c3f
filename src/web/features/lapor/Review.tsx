// Step 6: everything entered, section by section in the form's order, each with an edit button.
import type { ReactNode } from 'react';
import { PELAPOR_CATALOGUE } from '../../../domain/catalogues/pelapor.ts';
import { Notice } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { actLabel, formatBytes, subjectLabel } from '../cases/labels.ts';
import { STEP, STEP_KEYS, links, type Draft } from './draft.ts';

export function Review({ draft, onEdit }: { draft: Draft; onEdit(step: number): void }) {
  const t = useT();
  const language = useLanguage();
  const p = draft.pelapor;
  const category = PELAPOR_CATALOGUE.find((c) => c.id === p.kategori);
  const Section = ({ step, children }: { step: number; children: ReactNode }) => (
    <section className="review__section" aria-labelledby={`review-${step}`}>
      <div className="review__head">
        <h3 id={`review-${step}`}>{t(STEP_KEYS[step])}</h3>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onEdit(step)}
          aria-label={t('lapor.editSection', { section: t(STEP_KEYS[step]) })}
        >
          {t('lapor.edit')}
        </button>
      </div>
      {children}
    </section>
  );
  const d = (iso: string) => (iso ? formatDate(iso, language) : t('common.none'));
  return (
    <div className="review">
      <p>{t('lapor.reviewLead')}</p>
      <Section step={STEP.peristiwa}>
        <dl className="facts facts--stack">
          {draft.peristiwa.judul && (
            <div>
              <dt>{t('lapor.judul')}</dt>
              <dd>{draft.peristiwa.judul}</dd>
            </div>
          )}
          <div>
            <dt>{t('lapor.wilayahKejadian')}</dt>
            <dd>{draft.peristiwa.region ? `${draft.peristiwa.region.name} (${draft.peristiwa.region.code})` : ''}</dd>
          </div>
          <div>
            <dt>{t('lapor.tempat')}</dt>
            <dd>{draft.peristiwa.tempat}</dd>
          </div>
          <div>
            <dt>{t('lapor.tanggalKejadian')}</dt>
            <dd>{d(draft.peristiwa.tanggalKejadian)}</dd>
          </div>
          <div>
            <dt>{t('lapor.tanggalDiketahui')}</dt>
            <dd>{d(draft.peristiwa.tanggalDiketahui)}</dd>
          </div>
        </dl>
        <p className="review__narrative">{draft.peristiwa.uraian}</p>
      </Section>
      <Section step={STEP.terlapor}>
        <ul className="plain-list">
          {draft.terlapor.map((x, i) => (
            <li key={i}>
              <strong>{x.nama}</strong>
              {x.nip ? ` · NIP ${x.nip}` : ''} — {x.jabatan}, {x.instansi} ({subjectLabel(x.jenisSubjek, language)})
              {x.region ? ` · ${x.region.name}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <Section step={STEP.perbuatan}>
        <ul className="plain-list">
          {draft.perbuatan.map((a) => (
            <li key={a}>{actLabel(a, language)}</li>
          ))}
        </ul>
        {draft.saksi.length > 0 && (
          <p>
            {t('lapor.saksi')}:{' '}
            {draft.saksi
              .filter((s) => s.nama.trim())
              .map((s) => s.nama)
              .join(', ')}
          </p>
        )}
      </Section>
      <Section step={STEP.bukti}>
        {draft.bukti.length === 0 && links(draft.tautan).length === 0 ? (
          <p className="muted">{t('lapor.noEvidence')}</p>
        ) : (
          <ul className="plain-list">
            {draft.bukti.map((b) => (
              <li key={b.id}>
                {b.name} ({formatBytes(b.size, language)})
              </li>
            ))}
            {links(draft.tautan).map((u) => (
              <li key={u} className="break">
                {u}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section step={STEP.pelapor}>
        <dl className="facts facts--stack">
          <div>
            <dt>{t('lapor.nama')}</dt>
            <dd>{p.nama}</dd>
          </div>
          <div>
            <dt>{t('lapor.nik')}</dt>
            <dd>{p.nik}</dd>
          </div>
          <div>
            <dt>{t('lapor.ttl')}</dt>
            <dd>
              {p.tempatLahir}, {d(p.tanggalLahir)}
            </dd>
          </div>
          <div>
            <dt>{t('lapor.jenisKelamin')}</dt>
            <dd>{p.jenisKelamin === 'P' ? t('lapor.sexP') : t('lapor.sexL')}</dd>
          </div>
          <div>
            <dt>{t('lapor.pekerjaan')}</dt>
            <dd>{p.pekerjaan}</dd>
          </div>
          <div>
            <dt>{t('lapor.alamat')}</dt>
            <dd>{p.alamat}</dd>
          </div>
          <div>
            <dt>{t('lapor.telepon')}</dt>
            <dd>
              {p.telepon}
              {p.email ? ` · ${p.email}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('lapor.kategori')}</dt>
            <dd>
              {category ? (language === 'en' ? category.labelEn : category.label) : ''}
              {p.kategori === 'pemantau' && p.nomorAkreditasi ? ` (${p.nomorAkreditasi})` : ''}
              {p.kategori === 'peserta' && p.timKampanye ? ` (${p.timKampanye})` : ''}
            </dd>
          </div>
        </dl>
      </Section>
      <Notice>{t('lapor.declaration')}</Notice>
    </div>
  );
}
