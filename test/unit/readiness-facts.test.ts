import { describe, expect, it } from 'vitest';
import { CorruptItemError } from '#adapters/dynamo/kernel/descriptor.ts';
import { evidenceFactOf, evidenceFactReader } from '#adapters/dynamo/readiness-facts.ts';

const item = (over: Record<string, unknown> = {}) => ({
  sk: 'EV#01',
  criterionCodes: ['1.1', '1.2'],
  state: 'available',
  documentType: 'bao-cao',
  issueDate: '2026-06-30',
  ...over,
});

describe('evidence facts read for readiness', () => {
  const valid = [
    item(),
    item({ criterionCodes: [], documentType: undefined, issueDate: undefined }),
    item({ effectivePeriod: { from: '2026-01-01', to: '2026-12-31' } }),
    item({ deletedAt: '2026-03-03T00:00:00.000Z' }),
    item({ title: 'dropped', files: [], pk: 'CE#x' }),
  ];
  const corrupt = [
    item({ criterionCodes: ['1.a'] }),
    item({ criterionCodes: '1.1' }),
    item({ state: 'lost' }),
    item({ documentType: 'Báo cáo' }),
    item({ issueDate: '2026-02-30' }),
    item({ issueDate: 20260630 }),
    item({ effectivePeriod: { from: '2026-12-31', to: '2026-01-01' } }),
    item({ deletedAt: 'yesterday' }),
    item({ state: undefined }),
  ];

  it('reads each item as evidenceFactOf does, checking repeated values once', () => {
    const read = evidenceFactReader();
    for (const i of [...valid, ...valid]) expect(read('CE#x', i)).toEqual(evidenceFactOf('CE#x', i));
    expect(read('CE#x', item())).toEqual({
      criterionCodes: ['1.1', '1.2'],
      state: 'available',
      documentType: 'bao-cao',
      issueDate: '2026-06-30',
    });
    expect(read('CE#x', valid[3]!)).toBeUndefined();
  });

  it('refuses a corrupt item with the same CorruptItemError, after valid items too', () => {
    const read = evidenceFactReader();
    for (const i of valid) read('CE#x', i);
    for (const i of corrupt) {
      const error = (f: typeof read) => {
        try {
          f('CE#x', i);
        } catch (e) {
          return e;
        }
        return undefined;
      };
      const expected = error(evidenceFactOf);
      expect(expected).toBeInstanceOf(CorruptItemError);
      expect(error(read)).toEqual(expected);
      expect((error(read) as Error).message).toBe((expected as Error).message);
    }
  });
});
