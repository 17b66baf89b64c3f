// The server names an invalid input by its API field ("Isian tidak valid pada 'username': wajib
// diisi"). People read the field's label instead, or just the message when the field is not one
// they typed (e.g. a link's key): "Nama pengguna: wajib diisi".
import type { Language, MessageKey } from './messages.ts';
import { translate } from './store.ts';

const FIELD_LABELS: Record<string, MessageKey> = {
  username: 'staff.username',
  password: 'staff.password',
  totp: 'staff.totp',
  kajian: 'handling.kajian',
  reason: 'case.reason',
  summary: 'case.summary',
  classification: 'case.classification',
  targetOfficeCode: 'case.targetOffice',
};

const PREFIX = /^(?:Isian tidak valid pada|Invalid value for) '([^']+)': /;

export function humanizeFieldMessage(text: string, language: Language): string {
  const match = PREFIX.exec(text);
  if (!match) return text;
  const rest = text.slice(match[0].length);
  const key = FIELD_LABELS[match[1]];
  if (key) return `${translate(language, key)}: ${rest}`;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
