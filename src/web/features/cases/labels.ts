// Labels for catalogue ids, taken from the shared domain modules so the UI never disagrees with
// the server.
import { NEUTRALITY_ACTS } from '../../../domain/catalogues/skb2022.ts';
import { SUBJECT_TYPE_CATALOGUE } from '../../../domain/catalogues/subjects.ts';
import { CLASSIFICATIONS } from '../../../domain/catalogues/classifications.ts';
import { STATE_LABELS, type CaseState } from '../../../domain/cases/stateMachine.ts';
import type { Language } from '../../i18n/messages.ts';

export type Bilingual = { id: string; en: string };

export const OTHER_ACT = { id: 'lainnya', label: 'Perbuatan lain', labelEn: 'Another act' };

export function actLabel(id: string, language: Language): string {
  const act = NEUTRALITY_ACTS.find((a) => a.id === id) ?? (id === OTHER_ACT.id ? OTHER_ACT : undefined);
  if (!act) return id;
  return language === 'en' ? act.labelEn : act.label;
}

export function subjectLabel(id: string, language: Language): string {
  const entry = SUBJECT_TYPE_CATALOGUE.find((s) => s.id === id);
  if (!entry) return id;
  return language === 'en' ? entry.labelEn : entry.label;
}

export function classificationLabel(id: string | null, language: Language): string {
  if (!id) return '';
  const entry = CLASSIFICATIONS.find((c) => c.id === id);
  if (!entry) return id;
  return language === 'en' ? entry.labelEn : entry.label;
}

export function stateLabel(state: string, language: Language): string {
  const label = STATE_LABELS[state as CaseState];
  return label ? label[language] || label.id : state;
}

/** Today's calendar date in the browser's zone (YYYY-MM-DD), for date inputs' max. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function formatBytes(size: number, language: Language): string {
  const fmt = (n: number) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(n);
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${fmt(size / 1024)} KB`;
  return `${fmt(size / 1048576)} MB`;
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
    timeZoneName: 'short',
  })
    .format(date)
    .replace('GMT+7', 'WIB');
}
