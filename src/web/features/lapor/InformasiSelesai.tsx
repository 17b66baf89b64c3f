// After identity-free informasi: a receipt code (proof of sending, not a tracking code) and a
// plain statement that no updates follow.
import { Link, useLocation } from 'react-router-dom';
import { Notice, PageTitle } from '../../components/Layout.tsx';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import { CopyValue } from '../cases/ReceiptView.tsx';

import type { InformasiReceipt } from '../../../contracts/cases.ts';

export type { InformasiReceipt };

export function InformasiSelesai() {
  const t = useT();
  const language = useLanguage();
  const receipt = (useLocation().state as { receipt?: InformasiReceipt } | null)?.receipt;
  return (
    <div className="page page--narrow receipt">
      <PageTitle>{t('informasi.receiptTitle')}</PageTitle>
      {!receipt ? (
        <Notice>{t('informasi.gone')}</Notice>
      ) : (
        <>
          <Notice kind="success">
            {receipt.folded && (
              <p>
                <strong>{t('informasi.folded')}</strong>
              </p>
            )}
            <p>{pick(receipt.message, language)}</p>
          </Notice>
          <div className="card receipt__codes">
            <CopyValue label={t('informasi.code')} value={receipt.receiptCode} />
            <p className="hint">{t('informasi.codeHint')}</p>
          </div>
          <dl className="facts facts--stack">
            <div>
              <dt>{t('receipt.office')}</dt>
              <dd>{receipt.officeName}</dd>
            </div>
            <div>
              <dt>{t('receipt.received')}</dt>
              <dd>{receipt.receivedLocal}</dd>
            </div>
          </dl>
          <p>{t('informasi.giveUp')}</p>
        </>
      )}
      <p>
        <Link to="/lapor">{t('informasi.again')}</Link>
      </p>
    </div>
  );
}
