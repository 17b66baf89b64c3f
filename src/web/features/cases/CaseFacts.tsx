// The facts and the people of a case, as staff read them.
import { Link } from 'react-router-dom';
import { Notice } from '../../components/Layout.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import { actLabel, classificationLabel, formatDateTime, subjectLabel } from './labels.ts';
import type { CaseDetail } from './types.ts';

// The case's facts (registration, office, region, dates, acts, classification, narrative).
export function CaseFacts({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="case-facts">
      <h2 id="case-facts">{t('case.facts')}</h2>
      <dl className="facts facts--stack">
        <div>
          <dt>{t('case.registration')}</dt>
          <dd>{c.registrationNumber ?? t('queue.unregistered')}</dd>
        </div>
        {c.trackingCode && (
          <div>
            <dt>{t('lacak.code')}</dt>
            <dd className="mono">{c.trackingCode}</dd>
          </div>
        )}
        <div>
          <dt>{t('receipt.office')}</dt>
          <dd>{c.officeName}</dd>
        </div>
        <div>
          <dt>{t('handling.eventRegion')}</dt>
          <dd>
            <Link to={`/wilayah/${c.eventRegionCode}`}>{c.eventRegionName ?? c.eventRegionCode}</Link>
            {c.eventPlace ? ` · ${c.eventPlace}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('handling.eventDate')}</dt>
          <dd>{c.eventDate ? formatDate(c.eventDate, language) : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('handling.knownDate')}</dt>
          <dd>{c.knownDate ? formatDate(c.knownDate, language) : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('receipt.received')}</dt>
          <dd>{formatDateTime(c.receivedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('case.acts')}</dt>
          <dd>{c.acts.map((a) => actLabel(a, language)).join('; ')}</dd>
        </div>
        {c.classification && (
          <div>
            <dt>{t('case.classification')}</dt>
            <dd>{classificationLabel(c.classification, language)}</dd>
          </div>
        )}
        {c.stateReason && (
          <div>
            <dt>{t('case.stateReason')}</dt>
            <dd>{c.stateReason}</dd>
          </div>
        )}
        {c.decisionSummary && (
          <div>
            <dt>{t('case.summary')}</dt>
            <dd>{c.decisionSummary}</dd>
          </div>
        )}
      </dl>
      {c.late && <Notice kind="warning">{c.proposedReason ?? t('lapor.lateBody')}</Notice>}
      <h3>{t('lapor.uraian')}</h3>
      <p className="kasus__narrative">{c.narrative}</p>
    </section>
  );
}

// The terlapor and the witnesses.
export function TerlaporSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="case-terlapor">
      <h2 id="case-terlapor">{t('case.terlapor')}</h2>
      <ul className="plain-list">
        {c.terlapor.map((x) => (
          <li key={x.id}>
            <strong>{x.name}</strong>
            {x.nip ? (
              <>
                {' '}
                · NIP <span className="mono">{x.nip}</span>
              </>
            ) : null}
            <br />
            {x.position}, {x.agency} · {subjectLabel(x.subjectType, language)}
            {x.regionCode ? ` · ${x.regionCode}` : ''}
          </li>
        ))}
      </ul>
      {c.witnesses.length > 0 && (
        <>
          <h3>{t('lapor.saksi')}</h3>
          <ul className="plain-list">
            {c.witnesses.map((w, i) => (
              <li key={i}>
                {w.name} — {w.address}
                {w.phone ? ` · ${w.phone}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
