// The vulnerability index of a region's profile: score, category and every component with its
// weight, contribution and source.
import { RISK_COLORS } from '../../components/map/layers.ts';
import { RISK_COMPONENTS } from '../../../domain/risk/index.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { RiskExplanation } from '../../api/publicTypes.ts';

export function RiskSection({ risk }: { risk: RiskExplanation | null }) {
  const t = useT();
  const language = useLanguage();
  const n = (value: number, digits = 2) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits }).format(value);
  return (
    <section aria-labelledby="profil-risiko" className="card">
      <h2 id="profil-risiko">{t('profil.risk')}</h2>
      {!risk && <p>{t('profil.riskNone')}</p>}
      {risk && (
        <>
          <p className="risk-summary">
            {risk.category ? (
              <span className={`risk-badge risk-badge--${risk.category}`} style={{ borderColor: RISK_COLORS[risk.category] }}>
                <span className="map-legend__swatch" style={{ background: RISK_COLORS[risk.category] }} aria-hidden="true" />
                {t(`map.risk.${risk.category}`)}
              </span>
            ) : (
              <span className="risk-badge">{t('map.value.noData')}</span>
            )}
            {risk.score !== null && risk.category && <span>{t('profil.score', { score: n(risk.score, 1) })}</span>}
          </p>
          <p className="hint">
            {t('profil.thresholds')}: {risk.thresholds.source}
          </p>
          {!risk.category && <p>{t('profil.riskInsufficient')}</p>}
          {risk.ikpCategory && <p>{t('profil.ikpCategory', { category: risk.ikpCategory })}</p>}
          <p>{pick(risk.note, language)}</p>
          <div className="table-wrap" tabIndex={0}>
            <table className="risk-components">
              <caption>{t('profil.components')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('profil.component')}</th>
                  <th scope="col">{t('profil.value')}</th>
                  <th scope="col">{t('profil.weight')}</th>
                  <th scope="col">{t('profil.contribution')}</th>
                  <th scope="col">{t('profil.source')}</th>
                </tr>
              </thead>
              <tbody>
                {risk.components.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{language === 'en' ? c.labelEn : c.label}</th>
                    <td data-label={t('profil.value')}>
                      {n(c.value, 4)} {unitText(c.unit, language)}
                      {c.note && <span className="hint"> {noteText(c.note, language)}</span>}
                    </td>
                    <td data-label={t('profil.weight')}>{n(c.weight * 100, 1)}%</td>
                    <td data-label={t('profil.contribution')}>{n(c.contribution, 2)}</td>
                    <td data-label={t('profil.source')} className="source">
                      {c.source}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {risk.missing.length > 0 && (
            <>
              <h3>{t('profil.missing')}</h3>
              <ul className="missing-list">
                {risk.missing.map((key) => {
                  const def = RISK_COMPONENTS.find((c) => c.key === key);
                  return (
                    <li key={key}>
                      {def ? (language === 'en' ? def.labelEn : def.label) : t('profil.component')}: {t('map.value.noData')}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

// Units and notes of the risk components come from the domain in Indonesian.
const UNIT_EN: Record<string, string> = {
  '% ASN yang menandatangani': '% of ASN who signed',
  kasus: 'cases',
  'kasus per 1.000 ASN': 'cases per 1,000 ASN',
  pasangan: 'pairs',
  petunjuk: 'media leads',
  'skor 0–100': 'score 0–100',
  'ya/tidak': 'yes/no',
};
const unitText = (unit: string, language: 'id' | 'en') => (language === 'en' ? (UNIT_EN[unit] ?? unit) : unit);
const noteText = (note: string, language: 'id' | 'en') =>
  language === 'en' ? note.replace(/ penanda tangan ÷ /, ' signatories ÷ ').replace(/ kasus ÷ /, ' cases ÷ ') : note;
