// The guide for citizens: how to report, what happens next with its deadlines, the outcomes.
import { Link } from 'react-router-dom';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from '../../api/publicTypes.ts';

export function CitizensSection({ g }: { g: Guide }) {
  const t = useT();
  const language = useLanguage();
  const en = language === 'en';
  const deadlinesById = (id: string) => g.deadlines.filter((d) => d.id === id);
  return (
    <section aria-labelledby="panduan-warga" className="guide__section">
      <h2 id="panduan-warga">{t('panduan.forCitizens')}</h2>
      <h3>{pick(g.howToReport.title, language)}</h3>
      <ol className="steps">
        {g.howToReport.steps.map((step) => (
          <li key={step.id}>
            {pick(step, language)}
            {step.source && <span className="source"> ({step.source})</span>}
          </li>
        ))}
      </ol>
      <p>
        <Link to="/lapor" className="button button--primary">
          {t('panduan.reportCta')}
        </Link>
      </p>
      <h3>{pick(g.whatHappensNext.title, language)}</h3>
      <ol className="steps steps--timeline">
        {g.whatHappensNext.steps.map((step) => (
          <li key={step.state}>
            <strong>{pick(step.label, language)}</strong>: {pick(step.explanation, language)}
            {step.deadlineRuleIds.length > 0 && (
              <ul className="deadline-chips">
                {step.deadlineRuleIds
                  .flatMap((id) => deadlinesById(id).slice(-1))
                  .map((d) => (
                    <li key={d.versionId}>
                      {en ? d.titleEn : d.title}: <strong>{pick(d.length, language)}</strong> <span className="source">({d.source})</span>
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h3>{t('panduan.outcomes')}</h3>
      <ul>
        {g.outcomes.map((o) => (
          <li key={o.id}>
            {en ? o.labelEn : o.label} <span className="source">({o.source})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
