// Media act vocabulary (triage) → the act ids of a temuan (NEUTRALITY_ACTS). The SKB 2022
// catalogue links each media act to several items (e.g. "hadir_kampanye" also matches attending a
// spouse-candidate's campaign); the proposal takes the most common reading, which a unit test
// keeps within the catalogue's own mapping. The supervisor confirms or edits it before promotion.
import { NEUTRALITY_ACTS, catalogueItemsForMediaAct, MEDIA_ACTS, type MediaAct } from '../catalogues/skb2022.ts';

export const MEDIA_ACT_PROPOSALS: Readonly<Record<MediaAct, string>> = {
  hadir_kampanye: 'hadir_deklarasi_kampanye',
  media_sosial: 'kampanye_media_sosial',
  atribut: 'alat_peraga',
  fasilitas_negara: 'keputusan_menguntungkan',
  mobilisasi: 'kegiatan_keberpihakan',
  menerima_bantuan: 'kegiatan_keberpihakan',
  keputusan_menguntungkan: 'keputusan_menguntungkan',
  foto_bersama: 'foto_bersama',
  deklarasi_dukungan: 'hadir_deklarasi_kampanye',
  lainnya: 'lainnya',
};

const isMediaAct = (value: string): value is MediaAct => (MEDIA_ACTS as readonly string[]).includes(value);

/** Every temuan act id the catalogue links to a media act (the proposals must be among these). */
export function catalogueActsForMediaAct(act: MediaAct): string[] {
  const items = new Set(catalogueItemsForMediaAct(act).map((item) => item.id));
  return NEUTRALITY_ACTS.filter((a) => items.has(a.before) || items.has(a.onOrAfter)).map((a) => a.id);
}

/** Proposed temuan act ids for a lead's media acts; ['lainnya'] when nothing maps. */
export function neutralityActsForMediaActs(mediaActs: readonly string[]): string[] {
  const ids = [...new Set(mediaActs.filter(isMediaAct).map((act) => MEDIA_ACT_PROPOSALS[act]))];
  const specific = ids.filter((id) => id !== 'lainnya');
  return specific.length ? specific : ['lainnya'];
}
