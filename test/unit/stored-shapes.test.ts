/**
 * Profiles and cycles are read back through lighter schemas than the ones they are written with (their stored
 * shape; docs/architecture.md, "Cold-start budget"): what was valid on write reads back the same, and an item
 * that is not what its type says is still a CorruptItemError.
 */
import { describe, expect, it } from 'vitest';
import { cycleItem, userItem } from '#adapters/dynamo/descriptors/records.ts';
import { CorruptItemError } from '#adapters/dynamo/kernel/descriptor.ts';
import { cycleSchema, newCycleSchema } from '#domain/cycle.ts';
import { userProfileSchema } from '#domain/user.ts';

const at = '2026-01-05T03:00:00.000Z';
const profile = {
  userId: 'u-1',
  email: 'a@b.vn',
  name: 'Quản trị',
  role: 'admin',
  enabled: true,
  createdAt: at,
  updatedAt: at,
  version: 1,
} as const;

const cycle = cycleSchema.parse({
  ...newCycleSchema.parse({
    year: 2026,
    name: { vi: 'Kỳ 2026', en: 'Cycle 2026' },
    frameworkId: 'par-index',
    frameworkVersion: 1,
    entityIds: ['so-khcn'],
    dates: {
      evidenceDue: '2026-10-01',
      selfAssessmentDue: '2026-10-15',
      appraisalStart: '2026-10-20',
      appraisalEnd: '2026-11-20',
      publication: '2026-12-15',
    },
  }),
  cycleId: 'cycle-2026',
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'open',
  version: 1,
  createdAt: at,
  createdBy: 'u-1',
});

describe('a user profile read back', () => {
  it.each([
    undefined,
    { kind: 'all' },
    { kind: 'province', province: 'Khánh Hòa' },
    { kind: 'entities', entityIds: ['so-khcn', 'so-tc'] },
  ])('reads a valid scope (%o) as the write schema does', (scope) => {
    const value = { ...profile, ...(scope ? { scope } : {}) };
    const item = userItem.toItem(userProfileSchema.parse(value));
    expect(userItem.fromItem(item)).toEqual(userProfileSchema.parse(value));
  });

  it.each([
    { kind: 'province' },
    { kind: 'province', province: '' },
    { kind: 'entities', entityIds: [] },
    { kind: 'entities', entityIds: ['bad id!'] },
    { kind: 'galaxy' },
    'all',
  ])('is a CorruptItemError with a scope the write schema refuses (%o)', (scope) => {
    expect(userProfileSchema.safeParse({ ...profile, scope }).success).toBe(false);
    const item = { ...userItem.toItem(profile), scope };
    expect(() => userItem.fromItem(item)).toThrow(CorruptItemError);
  });
});

describe('a cycle read back', () => {
  it('reads as the write schema does, defaults included for an item stored before they existed', () => {
    expect(cycleItem.fromItem(cycleItem.toItem(cycle))).toEqual(cycle);
    const { evidencePolicy: _e, uploadLimits: _u, trackedFrameworks: _t, ...older } = cycleItem.toItem(cycle);
    expect(cycleItem.fromItem(older)).toEqual(cycle);
  });

  it.each([{ vi: 'Kỳ 2026' }, 'Kỳ 2026', { vi: 1, en: 'Cycle' }])(
    'is a CorruptItemError with a name %o',
    (name) => {
      expect(() => cycleItem.fromItem({ ...cycleItem.toItem(cycle), name })).toThrow(CorruptItemError);
    },
  );

  it('is a CorruptItemError when its dates are out of order', () => {
    const dates = { ...cycle.dates, appraisalEnd: '2026-10-01' };
    expect(() => cycleItem.fromItem({ ...cycleItem.toItem(cycle), dates })).toThrow(CorruptItemError);
  });
});
