// Policy settings for referrals (admin): whether public pages show terlapor names, and the PPK
// follow-up period (SKB 2022 figure unconfirmed; 14 by default). Changes are audited.
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../audit/index.ts';
import type { Principal } from '../../../domain/access/policy.ts';
import { listSettings, upsertSetting } from './repository/settings.ts';
import { assertCanAdministerReferrals, assertCanReadSettings } from './policy.ts';
import { PPK_FOLLOW_UP_DAYS_KEY, SHOW_NAMES_KEY } from './deadlines.ts';

/** How many days back a staff action may be dated (effectiveAt); default 7. Mirrors cases/handling.ts. */
export const EFFECTIVE_AT_MAX_DAYS_KEY = 'cases.effective_at_max_days';

/** Hours an upload may wait for its laporan/temuan/informasi before it is deleted; default 48 (evidence/expiry.ts). */
export const UNCLAIMED_UPLOAD_HOURS_KEY = 'evidence.unclaimed_upload_hours';

/** Every setting is a flag or a whole number (jsonb, checked on write by setPolicySetting). */
const settingValue = z.union([z.boolean(), z.number()]);

export const SETTING_KEYS = [SHOW_NAMES_KEY, PPK_FOLLOW_UP_DAYS_KEY, EFFECTIVE_AT_MAX_DAYS_KEY, UNCLAIMED_UPLOAD_HOURS_KEY] as const;

export async function getPolicySettings(db: Queryable, principal: Principal) {
  assertCanReadSettings(principal);
  const items = (await listSettings(db)).map((s) => ({
    key: s.key,
    value: settingValue.parse(s.value),
    updatedAt: new Date(s.updated_at).toISOString(),
    updatedBy: s.updated_by,
  }));
  return { items, total: items.length };
}

export async function setPolicySetting(db: Db, principal: Principal, key: string, value: boolean | number, now: Date) {
  assertCanAdministerReferrals(principal);
  if (key === SHOW_NAMES_KEY && typeof value !== 'boolean') {
    throw new AppError(
      'validation_failed',
      { id: 'Nilai harus true atau false.', en: 'The value must be true or false.' },
      { field: 'value' },
    );
  }
  if (key === PPK_FOLLOW_UP_DAYS_KEY && !(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 90)) {
    throw new AppError(
      'validation_failed',
      { id: 'Jumlah hari harus bilangan bulat 1–90.', en: 'Days must be an integer from 1 to 90.' },
      { field: 'value' },
    );
  }
  if (key === EFFECTIVE_AT_MAX_DAYS_KEY && !(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 30)) {
    throw new AppError(
      'validation_failed',
      { id: 'Jumlah hari harus bilangan bulat 0–30.', en: 'Days must be an integer from 0 to 30.' },
      { field: 'value' },
    );
  }
  if (key === UNCLAIMED_UPLOAD_HOURS_KEY && !(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 720)) {
    throw new AppError(
      'validation_failed',
      { id: 'Jumlah jam harus bilangan bulat 1–720.', en: 'Hours must be an integer from 1 to 720.' },
      { field: 'value' },
    );
  }
  await db.transaction(async (tx) => {
    const before = await upsertSetting(tx, key, value, now, principal.id);
    await appendAudit(tx, {
      actor: { id: principal.id, role: principal.role },
      action: 'policy_setting.updated',
      entityType: 'policy_setting',
      entityId: key,
      at: now,
      data: { before, after: value },
    });
  });
  return { key, value };
}
