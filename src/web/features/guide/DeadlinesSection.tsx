// The guide's legal deadlines with their validity dates and sources, and the regulations in force.
import { formatDate } from '../../i18n/format.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from '../../api/publicTypes.ts';

export function DeadlinesSection({ g }: { g: Guide }) {
  const t = useT();
  const language = useLanguage();
  const en = language === 'en';
  return (
    <section aria-labelledby="panduan-tenggat" className="guide__section">
      <h2 id="panduan-tenggat">{t('panduan.deadlines')}</h2>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('panduan.deadline')}</th>
              <th scope="col">{t('panduan.length')}</th>
              <th scope="col">{t('panduan.source')}</th>
            </tr>
          </thead>
          <tbody>
            {g.deadlines.map((d) => (
              <tr key={d.versionId}>
                <th scope="row">
                  {en ? d.titleEn : d.title}
                  {(d.inForceFrom || d.inForceUntil) && (
                    <span className="hint">
                      {' '}
                      {d.inForceFrom && t('panduan.from', { date: formatDate(d.inForceFrom, language) })}
                      {d.inForceFrom && d.inForceUntil && ' '}
                      {d.inForceUntil && t('panduan.until', { date: formatDate(d.inForceUntil, language) })}
                    </span>
                  )}
                </th>
                <td>{pick(d.length, language)}</td>
                <td className="source">
                  {d.source}
                  {d.unconfirmed && (
                    <span className="hint">
                      {' '}
                      {t('panduan.unconfirmed')}: {en ? (d.unconfirmedEn ?? d.unconfirmed) : d.unconfirmed}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('panduan.regulations')}</h3>
      <ul>
        {g.regulations.map((r) => (
          <li key={r.id}>
            {r.title}
            {(r.inForceFrom || r.inForceUntil) && (
              <span className="muted">
                {' '}
                — {r.inForceFrom && t('panduan.from', { date: formatDate(r.inForceFrom, language) })}
                {r.inForceFrom && r.inForceUntil && ' '}
                {r.inForceUntil && t('panduan.until', { date: formatDate(r.inForceUntil, language) })}
              </span>
            )}
            <span className="source"> ({r.source})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
