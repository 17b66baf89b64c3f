// Admin section of the leads page: add an RSS/Atom feed, poll it now; and (for supervisors too)
// paste an article's URL and text for analysis.
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Notice } from '../../components/Layout.tsx';
import { useT } from '../../i18n/store.ts';
import { LEAD_LIMITS, type LeadJobRef, type LeadSource, type LeadSourceList } from './types.ts';

export function SourcesAdmin() {
  const t = useT();
  const ids = { name: useId(), url: useId() };
  const sources = useApi((signal) => api.get<LeadSourceList>('/lead-sources', undefined, signal), []);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.post<LeadSource>('/lead-sources', { kind: 'rss', name, url });
      setMessage(t('leads.sourceAdded', { name: created.name }));
      setName('');
      setUrl('');
      sources.reload();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  const poll = async (id: string) => {
    setError(null);
    try {
      const { jobId } = await api.post<LeadJobRef>(`/lead-sources/${id}/poll`);
      setMessage(t('leads.sourcePolled', { id: jobId ?? '–' }));
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <section className="card lead-admin" aria-labelledby="lead-sources-title">
      <h2 id="lead-sources-title">{t('leads.adminTitle')}</h2>
      <p className="muted">{t('leads.adminIntro')}</p>
      {message && <Notice kind="success">{message}</Notice>}
      {error && <ErrorNotice error={error} />}
      <form className="form lead-admin__form" onSubmit={add}>
        <div className="field">
          <label htmlFor={ids.name}>{t('leads.sourceName')}</label>
          <input
            id={ids.name}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            minLength={LEAD_LIMITS.sourceName.min}
            maxLength={LEAD_LIMITS.sourceName.max}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.url}>{t('leads.sourceUrl')}</label>
          <input id={ids.url} type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={LEAD_LIMITS.url.max} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('leads.sourceAdd')}
          </button>
        </div>
      </form>
      {sources.status === 'error' && <ErrorNotice error={sources.error} onRetry={sources.reload} />}
      {sources.status === 'ready' && (
        <ul className="lead-sources">
          {sources.data.items
            .filter((s) => s.kind === 'rss' || s.kind === 'atom')
            .map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> <span className="muted">{s.url}</span>{' '}
                <span className="muted">{t('leads.sourceStatus', { articles: s.articles, failures: s.failures })}</span>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void poll(s.id)}
                  aria-label={`${t('leads.sourcePoll')}: ${s.name}`}
                >
                  {t('leads.sourcePoll')}
                </button>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

export function PasteArticle({ onSent }: { onSent(): void }) {
  const t = useT();
  const ids = { url: useId(), text: useId() };
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post('/leads/manual', { url: url || undefined, text });
      setSent(true);
      setUrl('');
      setText('');
      onSent();
    } catch (caught) {
      setError(caught as ApiError);
    }
  };
  return (
    <section className="card" aria-labelledby="lead-paste-title">
      <h2 id="lead-paste-title">{t('leads.pasteTitle')}</h2>
      {sent && <Notice kind="success">{t('leads.pasted')}</Notice>}
      {error && <ErrorNotice error={error} />}
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.url}>{t('leads.pasteUrl')}</label>
          <input id={ids.url} type="url" value={url} onChange={(e) => setUrl(e.target.value)} maxLength={LEAD_LIMITS.url.max} />
        </div>
        <div className="field">
          <label htmlFor={ids.text}>{t('leads.pasteText')}</label>
          <textarea
            id={ids.text}
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            minLength={LEAD_LIMITS.manualText.min}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t('leads.pasteSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
