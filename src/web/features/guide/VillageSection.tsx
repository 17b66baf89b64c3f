// The guide for village heads and officials: who, the Pilkada articles that name them, sanctions.
import type { MessageKey } from '../../i18n/messages.ts';
import { useLanguage, useT } from '../../i18n/store.ts';
import type { Guide } from '../../api/publicTypes.ts';

const DESA_SANCTIONS: MessageKey[] = ['panduan.desaSanction1', 'panduan.desaSanction2', 'panduan.desaSanction3'];

export function VillageSection({ g }: { g: Guide }) {
  const t = useT();
  const language = useLanguage();
  const en = language === 'en';
  const mentionsVillage = g.uuPilkada.filter((u) => /kepala desa|perangkat desa/i.test(u.text));
  return (
    <section aria-labelledby="panduan-desa" className="guide__section">
      <h2 id="panduan-desa">{t('panduan.forVillage')}</h2>
      <p>{t('panduan.villageLead')}</p>
      <ul>
        {g.subjects
          .filter((s) => s.id === 'kepala_desa' || s.id === 'perangkat_desa')
          .map((s) => (
            <li key={s.id}>
              <strong>{en ? s.labelEn : s.label}</strong>: <span className="source">{s.source}</span>
            </li>
          ))}
      </ul>
      <h3>{t('panduan.prohibitedTitle')}</h3>
      <ul className="law-list">
        {mentionsVillage.map((u) => (
          <li key={u.id}>
            <strong>{u.article}</strong>: {en ? u.textEn : u.text} <span className="source">({u.source})</span>
          </li>
        ))}
      </ul>
      <h3>{t('panduan.villageSanctions')}</h3>
      <ul>
        {DESA_SANCTIONS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="hint">{t('panduan.villageRoute')}</p>
    </section>
  );
}
