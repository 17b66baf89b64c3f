// The guide for ASN: who counts, what is allowed, the prohibited acts by sanction track and by
// election stage, and the Pilkada law's articles.
import type { MessageKey } from '../../i18n/messages.ts';
import { pick, useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from '../../api/publicTypes.ts';

const ALLOWED_ASN: MessageKey[] = ['panduan.allowed1', 'panduan.allowed2', 'panduan.allowed3', 'panduan.allowed4'];

export function AsnSection({ g }: { g: Guide }) {
  const t = useT();
  const language = useLanguage();
  const en = language === 'en';
  const skbAct = (id: string) => g.acts.find((a) => a.id === id);
  const tracks = ['kode_etik', 'disiplin'];
  return (
    <section aria-labelledby="panduan-asn" className="guide__section">
      <h2 id="panduan-asn">{t('panduan.forAsn')}</h2>
      <p>
        {t('panduan.asnWho')}{' '}
        {g.subjects
          .filter((s) => s.isAsn)
          .map((s) => (en ? s.labelEn : s.label))
          .join(', ')}
        .
      </p>
      <h3>{t('panduan.allowedTitle')}</h3>
      <ul className="checklist checklist--ok">
        {ALLOWED_ASN.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="hint">{t('panduan.allowedNote')}</p>
      <h3>{t('panduan.prohibitedTitle')}</h3>
      <p>
        {pick(g.stageRule, language)} <span className="source">({g.stageRule.source})</span>
      </p>
      {tracks.map((track) => {
        const acts = g.acts.filter((a) => a.track === track);
        if (acts.length === 0) return null;
        return (
          <div key={track} className="table-wrap" tabIndex={0}>
            <table className="guide-acts">
              <caption>{pick(acts[0].trackLabel, language)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('panduan.act')}</th>
                  <th scope="col">{t('panduan.sanctionTrack')}</th>
                  <th scope="col">{t('panduan.source')}</th>
                </tr>
              </thead>
              <tbody>
                {acts.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <span className="guide-acts__number">{a.number}.</span> {en ? a.textEn : a.text}
                    </th>
                    <td>
                      <strong>{pick(a.levelLabel, language)}</strong>
                      <ul className="sanctions">
                        {a.sanctions.map((s) => (
                          <li key={s.key}>
                            {en ? s.labelEn : s.label} <span className="source">({s.source})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="source">{a.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{t('panduan.byStage')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panduan.act')}</th>
              <th scope="col">{t('panduan.before')}</th>
              <th scope="col">{t('panduan.after')}</th>
            </tr>
          </thead>
          <tbody>
            {g.neutralityActs.map((a) => {
              const before = skbAct(a.beforeDetermination);
              const after = skbAct(a.onOrAfterDetermination);
              return (
                <tr key={a.id}>
                  <th scope="row">
                    {en ? a.labelEn : a.label}
                    {a.note && <span className="hint"> {a.note}</span>}
                  </th>
                  <td>{before ? pick(before.levelLabel, language) : a.beforeDetermination}</td>
                  <td>{after ? pick(after.levelLabel, language) : a.onOrAfterDetermination}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('panduan.uuTitle')}</h3>
      <ul className="law-list">
        {g.uuPilkada.map((u) => (
          <li key={u.id}>
            <strong>{u.article}</strong> ({t(u.kind === 'pidana' ? 'panduan.kindPidana' : 'panduan.kindLarangan')}):{' '}
            {en ? u.textEn : u.text} <span className="source">({u.source})</span>
            {u.unconfirmed && (
              <span className="hint">
                {' '}
                {t('panduan.unconfirmed')}: {en ? (u.unconfirmedEn ?? u.unconfirmed) : u.unconfirmed}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
