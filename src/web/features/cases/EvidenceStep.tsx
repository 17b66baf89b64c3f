// Evidence: photos, PDFs and videos uploaded one by one with a progress bar (the server checks
// type and size and strips metadata), plus links to social-media posts.
import { useEffect, useRef, useState } from 'react';
import { FieldError, TextArea, fieldId } from '../../components/FormField.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { formatBytes } from './labels.ts';
import { DEFAULT_EVIDENCE_LIMITS } from '../../../domain/evidence/limits.ts';
import { toApiError, uploadEvidence } from './http.ts';

export interface EvidenceItem {
  id: string;
  name: string;
  size: number;
  mimeType: string;
}

interface Pending {
  key: number;
  name: string;
  size: number;
  progress: number;
  error?: string;
  abort?: () => void;
}

const MAX_FILES = 10;
const MB = 1024 * 1024;
/** The server's per-kind limit (shared constant), judged from the name/type before any byte is sent. */
export function sizeLimitFor(file: { name: string; type: string }): number {
  const name = file.name.toLowerCase();
  if (file.type === 'application/pdf' || name.endsWith('.pdf')) return DEFAULT_EVIDENCE_LIMITS.pdf;
  if (file.type.startsWith('video/') || /\.(mp4|mov|webm)$/.test(name)) return DEFAULT_EVIDENCE_LIMITS.video;
  if (file.type.startsWith('image/') || /\.(jpe?g|png|webp)$/.test(name)) return DEFAULT_EVIDENCE_LIMITS.image;
  return Math.max(DEFAULT_EVIDENCE_LIMITS.image, DEFAULT_EVIDENCE_LIMITS.pdf, DEFAULT_EVIDENCE_LIMITS.video);
}

const ACCEPT =
  'image/jpeg,image/png,image/webp,application/pdf,video/mp4,video/quicktime,video/webm,.jpg,.jpeg,.png,.webp,.pdf,.mp4,.mov,.webm';

export function EvidenceStep({
  items,
  onChange,
  onBusy,
  error,
  links,
  onLinksChange,
  linksError,
}: {
  items: EvidenceItem[];
  onChange(items: EvidenceItem[]): void;
  onBusy(busy: boolean): void;
  error?: string;
  links: string;
  onLinksChange(value: string): void;
  linksError?: string;
}) {
  const t = useT();
  const language = useLanguage();
  const [pending, setPending] = useState<Pending[]>([]);
  const counter = useRef(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const inputId = fieldId('bukti');

  useEffect(() => {
    onBusy(pending.some((p) => !p.error));
  }, [pending, onBusy]);

  function start(files: FileList | null) {
    if (!files) return;
    const room = MAX_FILES - itemsRef.current.length - pending.filter((p) => !p.error).length;
    Array.from(files).forEach((file, index) => {
      const key = ++counter.current;
      if (index >= room) {
        setPending((list) => [
          ...list,
          { key, name: file.name, size: file.size, progress: 0, error: t('bukti.tooMany', { n: MAX_FILES }) },
        ]);
        return;
      }
      // Refuse an oversize file here instead of after uploading all of it on a phone connection.
      const limit = sizeLimitFor(file);
      if (file.size > limit) {
        setPending((list) => [
          ...list,
          {
            key,
            name: file.name,
            size: file.size,
            progress: 0,
            error: t('bukti.tooLarge', { name: file.name, size: formatBytes(file.size, language), limit: limit / MB }),
          },
        ]);
        return;
      }
      const upload = uploadEvidence(file, (progress) => setPending((list) => list.map((p) => (p.key === key ? { ...p, progress } : p))));
      setPending((list) => [...list, { key, name: file.name, size: file.size, progress: 0, abort: upload.abort }]);
      upload.promise.then(
        (result) => {
          setPending((list) => list.filter((p) => p.key !== key));
          onChange([...itemsRef.current, { id: result.id, name: file.name, size: result.size, mimeType: result.mimeType }]);
        },
        (caught) => {
          const message = toApiError(caught).localized();
          setPending((list) => list.map((p) => (p.key === key ? { ...p, error: message, abort: undefined } : p)));
        },
      );
    });
  }

  return (
    <div className="evidence">
      <p>{t('bukti.lead')}</p>
      <div className={`field ${error ? 'field--invalid' : ''}`}>
        <label htmlFor={inputId} className="upload-drop">
          <span className="upload-drop__title">{t('bukti.choose')}</span>
          <span className="hint" id={`${inputId}-hint`}>
            {t('bukti.limits')}{' '}
            {t('bukti.maxSize', {
              image: DEFAULT_EVIDENCE_LIMITS.image / MB,
              pdf: DEFAULT_EVIDENCE_LIMITS.pdf / MB,
              video: DEFAULT_EVIDENCE_LIMITS.video / MB,
            })}
          </span>
        </label>
        <input
          id={inputId}
          className="upload-drop__input"
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            start(e.target.files);
            e.target.value = '';
          }}
        />
        <FieldError id={inputId} error={error} />
      </div>
      {(items.length > 0 || pending.length > 0) && (
        <ul className="upload-list" aria-live="polite">
          {items.map((item) => (
            <li key={item.id} className="upload-list__item upload-list__item--done">
              <span className="upload-list__name">{item.name}</span>
              <span className="muted">
                {formatBytes(item.size, language)} · {t('bukti.uploaded')}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('bukti.removeFile', { name: item.name })}
                onClick={() => onChange(items.filter((x) => x.id !== item.id))}
              >
                {t('bukti.remove')}
              </button>
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.key} className={`upload-list__item ${p.error ? 'upload-list__item--error' : ''}`}>
              <span className="upload-list__name">{p.name}</span>
              {p.error ? (
                <span className="field-error" role="alert">
                  {t('bukti.failed', { name: p.name })} {p.error}
                </span>
              ) : (
                <span className="upload-list__progress">
                  <progress max={1} value={p.progress} aria-label={t('bukti.progress', { name: p.name })} />
                  <span className="muted">{Math.round(p.progress * 100)}%</span>
                </span>
              )}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  p.abort?.();
                  setPending((list) => list.filter((x) => x.key !== p.key));
                }}
              >
                {p.error ? t('bukti.dismiss') : t('common.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextArea
        name="buktiTautan"
        label={t('bukti.links')}
        hint={t('bukti.linksHint')}
        optionalLabel={t('form.optional')}
        rows={3}
        value={links}
        error={linksError}
        onChange={onLinksChange}
      />
    </div>
  );
}
