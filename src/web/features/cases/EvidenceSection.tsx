// The case's evidence files: download, metadata, and the audited viewing purpose.
import { useState } from 'react';
import { TextField } from '../../components/FormField.tsx';
import { useLanguage, useT } from '../../i18n/store.ts';
import { formatBytes } from './labels.ts';
import type { CaseDetail } from './types.ts';

export function EvidenceSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  const [purposeFor, setPurposeFor] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  const base = `/api/v1/cases/${c.id}/evidence`;
  return (
    <section className="card" aria-labelledby="case-evidence">
      <h2 id="case-evidence">{t('case.evidence')}</h2>
      {c.evidence.length === 0 && c.evidenceUrls.length === 0 && <p className="muted">{t('lapor.noEvidence')}</p>}
      {c.evidence.length > 0 && (
        <ul className="evidence-list">
          {c.evidence.map((e) => (
            <li key={e.sha256} className="evidence-list__item">
              <span>
                <strong>{e.name}</strong>{' '}
                <span className="muted">
                  · {e.mimeType} · {formatBytes(e.size, language)}
                </span>
              </span>
              <span className="hint mono break">SHA-256 {e.sha256.slice(0, 16)}…</span>
              <span className="button-row">
                {!e.mimeType.startsWith('video/') && (
                  <a
                    className="button button--secondary button--small"
                    href={`${base}/${e.sha256}?variant=public`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('case.openPublic')}
                  </a>
                )}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setPurposeFor(e.sha256);
                    setPurpose('');
                  }}
                >
                  {t('case.openOriginal')}
                </button>
              </span>
              {purposeFor === e.sha256 && (
                <div className="purpose">
                  <TextField
                    name={`purpose-${e.sha256.slice(0, 8)}`}
                    label={t('case.purpose')}
                    hint={t('case.purposeHint')}
                    value={purpose}
                    onChange={setPurpose}
                  />
                  {purpose.trim().length >= 10 ? (
                    <a
                      className="button button--primary button--small"
                      href={`${base}/${e.sha256}?variant=original&purpose=${encodeURIComponent(purpose.trim())}`}
                      target="_blank"
                      rel="noopener"
                    >
                      {t('case.openOriginalNow')}
                    </a>
                  ) : (
                    <p className="hint">{t('form.minChars', { n: 10 })}</p>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.evidenceUrls.length > 0 && (
        <>
          <h3>{t('bukti.links')}</h3>
          <ul className="plain-list">
            {c.evidenceUrls.map((u) => (
              <li key={u} className="break">
                <a href={u} target="_blank" rel="noopener noreferrer nofollow">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
