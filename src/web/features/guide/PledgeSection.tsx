// The guide's closing section: what a neutrality pledge means.
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from '../../api/publicTypes.ts';

export function PledgeSection({ g }: { g: Guide }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="panduan-deklarasi" className="guide__section">
      <h2 id="panduan-deklarasi">{pick(g.pledge.title, language)}</h2>
      {g.pledge.paragraphs.map((p, i) => (
        <Fragment key={i}>
          <p>{pick(p, language)}</p>
        </Fragment>
      ))}
      <p>
        <Link to="/deklarasi">{t('panduan.pledgesLink')}</Link>
      </p>
    </section>
  );
}
