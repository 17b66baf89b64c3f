import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  CASE_ACTIONS,
  CASE_STATES,
  INITIAL_CLOCKS,
  STATE_LABELS,
  TERMINAL_STATES,
  actionsFrom,
  applyAction,
  canTransition,
  initialState,
  transitions,
  type CaseAction,
  type CaseState,
  type TransitionErrorCode,
} from '../../src/domain/cases/stateMachine.ts';
import { DEADLINE_RULES } from '../../src/domain/legal-clock/index.ts';
import type { ViolationClassification } from '../../src/domain/catalogues/index.ts';

interface Row {
  from: CaseState;
  action: CaseAction | string;
  reason?: string;
  classification?: ViolationClassification;
  to?: CaseState;
  starts?: string[];
  stops?: string[];
  extends?: string[];
  error?: TransitionErrorCode;
}

const R = 'alasan tertulis';

const ROWS: Row[] = [
  // Laporan intake and kajian awal.
  { from: 'diterima', action: 'minta_kelengkapan', to: 'menunggu_kelengkapan', starts: ['laporan.kelengkapan'] },
  { from: 'menunggu_kelengkapan', action: 'lengkapi', to: 'diterima', stops: ['laporan.kelengkapan'] },
  {
    from: 'menunggu_kelengkapan',
    action: 'kelengkapan_tidak_dipenuhi',
    reason: R,
    to: 'dihentikan',
    stops: ['laporan.kelengkapan', 'laporan.kajian_awal'],
  },
  { from: 'menunggu_kelengkapan', action: 'kelengkapan_tidak_dipenuhi', error: 'REASON_REQUIRED' },
  { from: 'diterima', action: 'tolak_registrasi', reason: 'Melewati 7 hari (Pasal 134 ayat (4))', to: 'tidak_diregistrasi' },
  { from: 'diterima', action: 'tolak_registrasi', reason: '   ', error: 'REASON_REQUIRED' },
  { from: 'diterima', action: 'registrasi', to: 'diregistrasi', starts: ['laporan.putusan'], stops: ['laporan.kajian_awal'] },
  { from: 'menunggu_kelengkapan', action: 'registrasi', error: 'INVALID_TRANSITION' },
  // Withdrawal only before registration.
  { from: 'diterima', action: 'cabut', reason: 'dicabut pelapor', to: 'dihentikan' },
  {
    from: 'menunggu_kelengkapan',
    action: 'cabut',
    reason: 'dicabut pelapor',
    to: 'dihentikan',
    stops: ['laporan.kelengkapan', 'laporan.kajian_awal'],
  },
  { from: 'diregistrasi', action: 'cabut', reason: R, error: 'CANNOT_WITHDRAW_REGISTERED' },
  { from: 'klarifikasi', action: 'cabut', reason: R, error: 'CANNOT_WITHDRAW_REGISTERED' },
  { from: 'kajian', action: 'cabut', reason: R, error: 'CANNOT_WITHDRAW_REGISTERED' },
  { from: 'diteruskan', action: 'cabut', reason: R, error: 'CANNOT_WITHDRAW_REGISTERED' },
  { from: 'informasi_awal', action: 'cabut', reason: R, error: 'INVALID_TRANSITION' },
  // Temuan.
  { from: 'informasi_awal', action: 'telusuri', to: 'penelusuran' },
  { from: 'penelusuran', action: 'tetapkan_temuan', to: 'diregistrasi', starts: ['temuan.putusan'], stops: ['temuan.penetapan'] },
  { from: 'penelusuran', action: 'hentikan_penelusuran', reason: R, to: 'dihentikan', stops: ['temuan.penetapan'] },
  { from: 'informasi_awal', action: 'hentikan_penelusuran', reason: R, to: 'dihentikan', stops: ['temuan.penetapan'] },
  { from: 'informasi_awal', action: 'tetapkan_temuan', error: 'INVALID_TRANSITION' },
  { from: 'diterima', action: 'telusuri', error: 'INVALID_TRANSITION' },
  // Handling after registration.
  { from: 'diregistrasi', action: 'klarifikasi', to: 'klarifikasi' },
  { from: 'diregistrasi', action: 'kaji', to: 'kajian' },
  { from: 'klarifikasi', action: 'kaji', to: 'kajian' },
  { from: 'klarifikasi', action: 'minta_keterangan_tambahan', to: 'klarifikasi', extends: ['laporan.putusan', 'temuan.putusan'] },
  { from: 'kajian', action: 'minta_keterangan_tambahan', to: 'kajian', extends: ['laporan.putusan', 'temuan.putusan'] },
  {
    from: 'kajian',
    action: 'teruskan',
    classification: 'pidana',
    to: 'diteruskan',
    starts: ['pidana.penerusan_gakkumdu'],
    stops: ['laporan.putusan', 'temuan.putusan'],
  },
  {
    from: 'kajian',
    action: 'teruskan',
    classification: 'administrasi',
    to: 'diteruskan',
    starts: [],
    stops: ['laporan.putusan', 'temuan.putusan'],
  },
  { from: 'kajian', action: 'teruskan', classification: 'kode_etik_penyelenggara', to: 'diteruskan', starts: [] },
  { from: 'kajian', action: 'teruskan', classification: 'peraturan_lainnya', to: 'diteruskan', starts: [] },
  { from: 'kajian', action: 'teruskan', error: 'CLASSIFICATION_REQUIRED' },
  { from: 'kajian', action: 'teruskan', classification: 'bukan_pelanggaran', error: 'CLASSIFICATION_NOT_A_VIOLATION' },
  {
    from: 'kajian',
    action: 'nyatakan_bukan_pelanggaran',
    reason: R,
    to: 'bukan_pelanggaran',
    stops: ['laporan.putusan', 'temuan.putusan'],
  },
  { from: 'klarifikasi', action: 'teruskan', classification: 'pidana', error: 'INVALID_TRANSITION' },
  { from: 'diregistrasi', action: 'registrasi', error: 'INVALID_TRANSITION' },
  // Pelimpahan keeps state and clock.
  { from: 'diterima', action: 'limpahkan', to: 'diterima', starts: [], stops: [] },
  { from: 'menunggu_kelengkapan', action: 'limpahkan', to: 'menunggu_kelengkapan', starts: [], stops: [] },
  { from: 'kajian', action: 'limpahkan', to: 'kajian', starts: [], stops: [] },
  { from: 'penelusuran', action: 'limpahkan', to: 'penelusuran', starts: [], stops: [] },
  // Terminal states and unknown input.
  { from: 'diteruskan', action: 'limpahkan', error: 'TERMINAL_STATE' },
  { from: 'bukan_pelanggaran', action: 'kaji', error: 'TERMINAL_STATE' },
  { from: 'tidak_diregistrasi', action: 'registrasi', error: 'TERMINAL_STATE' },
  { from: 'dihentikan', action: 'lengkapi', error: 'TERMINAL_STATE' },
  { from: 'diterima', action: 'diputus', error: 'UNKNOWN_ACTION' },
  { from: 'diterima', action: 'dilimpahkan', error: 'UNKNOWN_ACTION' },
];

describe('case state machine: applyAction table', () => {
  for (const row of ROWS) {
    const label = `${row.from} --${row.action}${row.classification ? `(${row.classification})` : ''}--> ${row.error ?? row.to}`;
    test(label, () => {
      const result = applyAction(row.from, row.action, { reason: row.reason, classification: row.classification });
      if (row.error) {
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.error, row.error);
        assert.equal(canTransition(row.from, row.action as CaseAction) && row.error === 'INVALID_TRANSITION', false);
        return;
      }
      assert.equal(result.ok, true);
      if (!result.ok) return;
      assert.equal(result.to, row.to);
      if (row.starts) assert.deepEqual(result.starts, row.starts);
      if (row.stops) assert.deepEqual(result.stops, row.stops);
      if (row.extends) assert.deepEqual(result.extends, row.extends);
      assert.equal(canTransition(row.from, row.action as CaseAction), true);
    });
  }
});

describe('case state machine: structure', () => {
  test('state ids are exactly the documented ones', () => {
    assert.deepEqual([...CASE_STATES].sort(), [
      'bukan_pelanggaran',
      'dihentikan',
      'diregistrasi',
      'diterima',
      'diteruskan',
      'informasi_awal',
      'kajian',
      'klarifikasi',
      'menunggu_kelengkapan',
      'penelusuran',
      'tidak_diregistrasi',
    ]);
    assert.ok(!(CASE_STATES as readonly string[]).includes('diputus'));
    assert.ok(!(CASE_STATES as readonly string[]).includes('dilimpahkan'));
    for (const s of CASE_STATES) assert.ok(STATE_LABELS[s].id && STATE_LABELS[s].en);
  });
  test('initial states and clocks', () => {
    assert.equal(initialState('laporan'), 'diterima');
    assert.equal(initialState('temuan'), 'informasi_awal');
    assert.deepEqual(INITIAL_CLOCKS.temuan, ['temuan.penetapan']);
  });
  test('terminal states have no outgoing actions', () => {
    for (const s of TERMINAL_STATES) assert.deepEqual(actionsFrom(s), []);
  });
  test('every non-terminal state can be transferred (limpahkan)', () => {
    for (const s of CASE_STATES.filter((x) => !TERMINAL_STATES.includes(x))) assert.ok(canTransition(s, 'limpahkan'), s);
  });
  test('every transition names deadline rules that exist and cites a source', () => {
    const ruleIds = new Set(DEADLINE_RULES.map((r) => r.id));
    for (const t of transitions) {
      const named = [...t.starts, ...t.stops, ...(t.extends ?? []), ...Object.values(t.startsByClassification ?? {}).flat()];
      for (const id of named) assert.ok(ruleIds.has(id), `${t.action}: ${id}`);
      assert.ok(t.source.length > 0, t.action);
      assert.ok((CASE_ACTIONS as readonly string[]).includes(t.action));
    }
  });
  test('every state is reachable from an initial state', () => {
    const seen = new Set<CaseState>(['diterima', 'informasi_awal']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of transitions) {
        if (t.to !== 'same' && t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...CASE_STATES].sort());
  });
  test('a full laporan path: received → completion → registered → clarification → forwarded', () => {
    const path: [CaseAction, { reason?: string; classification?: ViolationClassification }][] = [
      ['minta_kelengkapan', {}],
      ['lengkapi', {}],
      ['registrasi', {}],
      ['klarifikasi', {}],
      ['minta_keterangan_tambahan', {}],
      ['kaji', {}],
      ['teruskan', { classification: 'peraturan_lainnya' }],
    ];
    let state: CaseState = initialState('laporan');
    for (const [action, details] of path) {
      const r = applyAction(state, action, details);
      assert.ok(r.ok, `${state} ${action}`);
      if (r.ok) state = r.to;
    }
    assert.equal(state, 'diteruskan');
  });
});
