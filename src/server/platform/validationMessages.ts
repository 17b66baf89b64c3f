// Validation messages wholly in one language. Zod renders its built-in messages in English (the
// global default); a problem answer must be wholly Indonesian or wholly English, so each issue is
// rendered again with zod's own Indonesian and English locales. Custom messages in our schemas are
// written "indonesia / english" and split here.
import { z } from 'zod';
import type { LocalizedMessage } from './errors.ts';

const localeId = z.locales.id().localeError;
const localeEn = z.locales.en().localeError;

/** A zod issue, or the parts of one Fastify's validation error keeps. */
export type IssueLike = z.core.$ZodIssue | { code?: string; message?: string; [key: string]: unknown };

const text = (rendered: unknown): string | undefined =>
  typeof rendered === 'string' ? rendered : (rendered as { message?: string } | undefined)?.message;

/** One issue's message in Indonesian and English. */
export function localizeIssue(issue: IssueLike): LocalizedMessage {
  const message = issue.message ?? '';
  if (issue.code === 'invalid_type') {
    // Fastify keeps zod's English text but not the input; the received type is read back from it.
    const received = /received (\w+)$/.exec(message)?.[1];
    if (received === 'undefined') return { id: 'wajib diisi', en: 'required' };
    const expected = String((issue as { expected?: unknown }).expected ?? '');
    if (expected && received) {
      return {
        id: `harus berupa ${TYPE_ID[expected] ?? expected}, bukan ${TYPE_ID[received] ?? received}`,
        en: `must be ${TYPE_EN[expected] ?? expected}, not ${TYPE_EN[received] ?? received}`,
      };
    }
  }
  const sized = sizeMessage(issue);
  if (sized) return sized;
  const slash = message.indexOf(' / ');
  if (slash > 0) return { id: message.slice(0, slash), en: message.slice(slash + 3) };
  const defaultEn = text(localeEn(issue as never));
  if (defaultEn !== undefined && defaultEn === message) {
    return { id: text(localeId(issue as never)) ?? message, en: message };
  }
  return { id: message, en: message };
}

const TYPE_ID: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  boolean: 'benar/salah',
  array: 'daftar',
  object: 'objek',
  null: 'kosong (null)',
  date: 'tanggal',
};
const TYPE_EN: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true/false',
  array: 'a list',
  object: 'an object',
  null: 'null',
  date: 'a date',
};

/** Length limits in words a person understands ("minimal 3 karakter"), not zod's type names. */
function sizeMessage(raw: IssueLike): LocalizedMessage | null {
  const issue = raw as Record<string, unknown>;
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return null;
  if (typeof issue.message === 'string' && issue.message.includes(' / ')) return null;
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (!Number.isFinite(limit) || issue.inclusive === false) return null;
  const small = issue.code === 'too_small';
  if (issue.origin === 'string') {
    if (small && limit === 1) return { id: 'wajib diisi', en: 'required' };
    return small
      ? { id: `minimal ${limit} karakter`, en: `at least ${limit} characters` }
      : { id: `maksimal ${limit} karakter`, en: `at most ${limit} characters` };
  }
  if (issue.origin === 'array') {
    return small
      ? { id: `minimal ${limit} isian`, en: `at least ${limit} entries` }
      : { id: `maksimal ${limit} isian`, en: `at most ${limit} entries` };
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    return small ? { id: `minimal ${limit}`, en: `at least ${limit}` } : { id: `maksimal ${limit}`, en: `at most ${limit}` };
  }
  return null;
}

/** The problem message for a field: "Isian tidak valid pada 'x': …" in each language. */
export function fieldMessage(field: string, message: LocalizedMessage): LocalizedMessage {
  return {
    id: `Isian tidak valid pada '${field}': ${message.id}`,
    en: `Invalid value for '${field}': ${message.en}`,
  };
}
