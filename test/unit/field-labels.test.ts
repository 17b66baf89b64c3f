// Server validation messages name API fields; people see the field's label or just the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanizeFieldMessage } from '../../src/web/i18n/fieldLabels.ts';
import { formatInstant } from '../../src/web/i18n/format.ts';

test('known fields get their label, unknown keys disappear, other texts pass through', () => {
  assert.equal(humanizeFieldMessage("Isian tidak valid pada 'username': wajib diisi", 'id'), 'Nama pengguna: wajib diisi');
  assert.equal(humanizeFieldMessage("Invalid value for 'password': required", 'en'), 'Password: required');
  assert.equal(humanizeFieldMessage("Isian tidak valid pada 'key': minimal 26 karakter", 'id'), 'Minimal 26 karakter');
  assert.equal(humanizeFieldMessage('Perkara tidak ditemukan.', 'id'), 'Perkara tidak ditemukan.');
});

test('instants read in the region’s zone, never as ISO/UTC', () => {
  const iso = '2026-12-07T17:36:22.087Z';
  assert.match(formatInstant(iso, 'id'), /^8 Desember 2026.*00[.:]36 WIB$/);
  assert.match(formatInstant(iso, 'en', 'WIT'), /^8 December 2026.*02:36 WIT$/);
  assert.ok(!formatInstant(iso, 'id', 'WITA').includes('T17'));
});
