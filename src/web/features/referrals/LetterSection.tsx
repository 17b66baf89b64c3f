// The referral letter's data as the recipient office sees it, with the PDF link.
import { formatDate } from '../../i18n/format.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import type { ReferralLetter } from './types.ts';

export function LetterSection({ letter }: { letter: ReferralLetter }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="card letter" aria-labelledby="ref-letter">
      <h2 id="ref-letter">{t('ref.letter')}</h2>
      <p>
        <a href={`/api/v1/referrals/${encodeURIComponent(letter.referralId)}/letter.pdf`} download>
          {t('ref.letter')} (PDF)
        </a>
      </p>
      <dl className="facts facts--stack">
        <div>
          <dt>{t('ref.number')}</dt>
          <dd>{letter.number}</dd>
        </div>
        <div>
          <dt>{t('ref.date')}</dt>
          <dd>{letter.dateLocal}</dd>
        </div>
        <div>
          <dt>{t('ref.from')}</dt>
          <dd>{letter.from.officeName}</dd>
        </div>
        <div>
          <dt>{t('ref.to')}</dt>
          <dd>{letter.addressee}</dd>
        </div>
        <div>
          <dt>{t('ref.subject')}</dt>
          <dd>{letter.subject}</dd>
        </div>
        {letter.registrationNumber && (
          <div>
            <dt>{t('case.registration')}</dt>
            <dd>{letter.registrationNumber}</dd>
          </div>
        )}
        {letter.event.date && (
          <div>
            <dt>{t('lapor.tanggalKejadian')}</dt>
            <dd>
              {formatDate(letter.event.date, language)}
              {letter.event.place ? ` · ${letter.event.place}` : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('case.acts')}</dt>
          <dd>{letter.acts.map((a) => a.label).join('; ') || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('ref.legalBasis')}</dt>
          <dd>{letter.legalBasis}</dd>
        </div>
        {letter.followUpDeadline && (
          <div>
            <dt>{t('ref.followUp')}</dt>
            <dd>
              {letter.followUpDeadline.dueLocal}
              <span className="hint">
                <br />
                {letter.followUpDeadline.source}
              </span>
            </dd>
          </div>
        )}
      </dl>
      {letter.kajianSummary && (
        <>
          <h3>{t('case.summary')}</h3>
          <p>{letter.kajianSummary}</p>
        </>
      )}
      {letter.proposedTrack.sanctions.length > 0 && (
        <>
          <h3>{t('ref.proposedSanctions')}</h3>
          <ul className="plain-list">
            {letter.proposedTrack.sanctions.map((s) => (
              <li key={s.key}>{s.label}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
