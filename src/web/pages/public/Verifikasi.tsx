// /verifikasi/deklarasi/:id?sig=…: the page a certificate's QR code opens. Asks the server to
// check the Ed25519 signature against the stored pledge and says plainly whether it is valid.
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, PageTitle } from '../../components/Layout.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { PledgeVerification } from '../../api/publicTypes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function Verifikasi() {
  const t = useT();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const sig = params.get('sig') ?? '';
  const wellFormed = UUID.test(id) && sig.length > 0 && sig.length <= 200;
  const result = useApi(wellFormed ? (signal) => api.get<PledgeVerification>(`/public/pledges/${id}/verify`, { sig }, signal) : null, [
    id,
    sig,
  ]);
  const crumbs = <Breadcrumbs items={[{ to: '/deklarasi', label: t('deklarasi.title') }, { label: t('verifikasi.title') }]} />;
  if (!wellFormed) {
    return (
      <div className="page page--narrow">
        {crumbs}
        <PageTitle>{t('verifikasi.title')}</PageTitle>
        <div className="verdict verdict--invalid" role="status">
          <p className="verdict__title">{t('verifikasi.invalid')}</p>
          <p>{t('verifikasi.malformed')}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      {crumbs}
      <PageTitle>{t('verifikasi.title')}</PageTitle>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorNotice error={result.error} onRetry={result.reload} />}
      {result.status === 'ready' && (
        <>
          <div className={`verdict ${result.data.valid ? 'verdict--valid' : 'verdict--invalid'}`} role="status">
            <p className="verdict__title">
              <span aria-hidden="true">{result.data.valid ? '✓ ' : '✗ '}</span>
              {result.data.valid ? t('verifikasi.valid') : t('verifikasi.invalid')}
            </p>
            <p>
              {result.data.valid
                ? t('verifikasi.validBody')
                : result.data.message
                  ? pick(result.data.message, language)
                  : t('verifikasi.invalidBody')}
            </p>
          </div>
          {result.data.pledge && (
            <section aria-labelledby="verifikasi-isi" className="card">
              <h2 id="verifikasi-isi">{result.data.valid ? t('verifikasi.fields') : t('verifikasi.fieldsUnverified')}</h2>
              <dl className="facts facts--profile">
                <div>
                  <dt>{t('deklarasi.agency')}</dt>
                  <dd>{result.data.pledge.agency}</dd>
                </div>
                <div>
                  <dt>{t('deklarasi.region')}</dt>
                  <dd>
                    <Link to={`/wilayah/${result.data.pledge.regionCode}/profil`}>{result.data.pledge.regionName}</Link> (
                    {result.data.pledge.regionCode})
                  </dd>
                </div>
                <div>
                  <dt>{t('deklarasi.date')}</dt>
                  <dd>{formatDate(result.data.pledge.date, language)}</dd>
                </div>
                <div>
                  <dt>{t('deklarasi.venue')}</dt>
                  <dd>{result.data.pledge.venue}</dd>
                </div>
                <div>
                  <dt>{t('deklarasi.signatoriesCol')}</dt>
                  <dd>{formatNumber(result.data.pledge.signatoryCount, language)}</dd>
                </div>
                <div>
                  <dt>{t('verifikasi.issuedAt')}</dt>
                  <dd>{result.data.pledge.issuedAt.slice(0, 19).replace('T', ' ')} UTC</dd>
                </div>
                <div>
                  <dt>{t('verifikasi.keyId')}</dt>
                  <dd>
                    <code>{result.data.pledge.keyId}</code>
                  </dd>
                </div>
                {result.data.pledge.documentSha256 && (
                  <div>
                    <dt>{t('verifikasi.documentSha')}</dt>
                    <dd>
                      <code className="hash">{result.data.pledge.documentSha256}</code>
                    </dd>
                  </div>
                )}
              </dl>
              <p>
                <a href={`/api/v1/public/pledges/${result.data.pledge.id}/certificate.pdf`}>{t('deklarasi.certificate')}</a>
                {' · '}
                <a href="/api/v1/public/pledges/public-key">{t('verifikasi.publicKey')}</a>
              </p>
            </section>
          )}
          <p className="hint">{t('verifikasi.how')}</p>
        </>
      )}
    </div>
  );
}
