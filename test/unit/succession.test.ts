/**
 * Succession rules (shared/domain/succession.ts, docs/organisation.md "Succession"): the 2025 restructuring as a
 * hand-worked case, each validation rule, and properties over random chains of records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actsOn,
  placementOf,
  predecessorsOf,
  type Succession,
  successionIssues,
  successorsOf,
} from '#domain/succession.ts';

/** 1 July 2025: Sở TT&TT Ninh Thuận and Sở KH&CN Ninh Thuận → Sở KH&CN Khánh Hòa (with Khánh Hòa's own two). */
const RESTRUCTURE: Succession[] = [
  {
    successionId: 'hop-nhat-khcn-2025',
    level: 'entity',
    kind: 'merge',
    from: ['so-khcn-ninh-thuan', 'so-tttt-ninh-thuan', 'so-khcn-khanh-hoa-cu', 'so-tttt-khanh-hoa'],
    to: ['so-khcn-khanh-hoa'],
    effectiveFrom: '2025-07-01',
    basis: 'Nghị quyết 202/2025/QH15',
  },
  {
    successionId: 'phong-2025',
    level: 'unit',
    kind: 'merge',
    from: ['phong-qlcn', 'phong-qlkh'],
    to: ['phong-qlkhcn'],
    effectiveFrom: '2025-07-01',
  },
  {
    successionId: 'doi-ten-2026',
    level: 'unit',
    kind: 'rename',
    from: ['phong-qlkhcn'],
    to: ['phong-khcn-cds'],
    effectiveFrom: '2026-03-01',
  },
  {
    successionId: 'tach-2026',
    level: 'unit',
    kind: 'split',
    from: ['chi-cuc-tdc'],
    to: ['phong-tdc', 'trung-tam-tdc'],
    effectiveFrom: '2026-01-01',
  },
];

describe('the 2025 restructuring, worked by hand', () => {
  it('is valid', () => {
    expect(successionIssues(RESTRUCTURE)).toEqual([]);
  });

  it("the new Sở's predecessors are the four merged departments, ended on 30/06/2025", () => {
    const p = predecessorsOf('so-khcn-khanh-hoa', RESTRUCTURE);
    expect(p.map((x) => [x.id, x.until, x.depth])).toEqual([
      ['so-khcn-khanh-hoa-cu', '2025-06-30', 1],
      ['so-khcn-ninh-thuan', '2025-06-30', 1],
      ['so-tttt-khanh-hoa', '2025-06-30', 1],
      ['so-tttt-ninh-thuan', '2025-06-30', 1],
    ]);
  });

  it('a renamed unit reaches back through the merge (depth 2)', () => {
    expect(predecessorsOf('phong-khcn-cds', RESTRUCTURE).map((x) => [x.id, x.depth, x.kind])).toEqual([
      ['phong-qlkhcn', 1, 'rename'],
      ['phong-qlcn', 2, 'merge'],
      ['phong-qlkh', 2, 'merge'],
    ]);
  });

  it('successors depend on the date asked', () => {
    expect(successorsOf('phong-qlcn', RESTRUCTURE, '2025-06-30')).toEqual(['phong-qlcn']);
    expect(successorsOf('phong-qlcn', RESTRUCTURE, '2025-07-01')).toEqual(['phong-qlkhcn']);
    expect(successorsOf('phong-qlcn', RESTRUCTURE, '2026-12-03')).toEqual(['phong-khcn-cds']);
    expect(successorsOf('chi-cuc-tdc', RESTRUCTURE, '2026-12-03')).toEqual(['phong-tdc', 'trung-tam-tdc']);
  });

  it('people move with a merged or renamed unit; a split unit’s people wait for an administrator', () => {
    expect(placementOf('phong-qlcn', RESTRUCTURE, '2026-12-03')).toEqual({
      kind: 'move',
      unitId: 'phong-khcn-cds',
      successionId: 'phong-2025',
    });
    expect(placementOf('chi-cuc-tdc', RESTRUCTURE, '2026-12-03')).toEqual({
      kind: 'choose',
      among: ['phong-tdc', 'trung-tam-tdc'],
      successionId: 'tach-2026',
    });
    expect(placementOf('van-phong', RESTRUCTURE, '2026-12-03')).toEqual({
      kind: 'stay',
      unitId: 'van-phong',
    });
  });

  it('who acts on a date', () => {
    expect(actsOn('so-khcn-ninh-thuan', RESTRUCTURE, '2025-06-30')).toBe(true);
    expect(actsOn('so-khcn-ninh-thuan', RESTRUCTURE, '2025-07-01')).toBe(false);
    expect(actsOn('so-khcn-khanh-hoa', RESTRUCTURE, '2025-06-30')).toBe(false);
    expect(actsOn('so-khcn-khanh-hoa', RESTRUCTURE, '2025-07-01')).toBe(true);
  });
});

describe('validation', () => {
  const base = (over: Partial<Succession>): Succession => ({
    successionId: 's',
    level: 'unit',
    kind: 'merge',
    from: ['a'],
    to: ['b'],
    effectiveFrom: '2025-07-01',
    ...over,
  });
  const fields = (records: Succession[]) => successionIssues(records).map((i) => i.field);

  it('refuses the wrong shape for each kind', () => {
    expect(fields([base({ kind: 'rename', to: ['b', 'c'] })])).toEqual(['records.0']);
    expect(fields([base({ kind: 'merge', to: ['b', 'c'] })])).toEqual(['records.0.to']);
    expect(fields([base({ kind: 'split', to: ['b'] })])).toEqual(['records.0']);
    expect(fields([base({ from: [] })])).toEqual(['records.0.from']);
    // b on both sides: refused for that, and as ending on the day it begins
    expect(fields([base({ from: ['a', 'b'] })])).toEqual(['records.0', 'records.0.effectiveFrom']);
    expect(fields([base({ from: ['a', 'a'] })])).toEqual(['records.0.from']);
  });

  it('an id ends once', () => {
    expect(fields([base({}), base({ successionId: 't', to: ['c'] })])).toEqual(['records.1.from']);
  });

  it('refuses a cycle (an id ending no later than it began)', () => {
    const cycle = [
      base({}),
      base({ successionId: 't', from: ['b'], to: ['a'], effectiveFrom: '2026-01-01' }),
    ];
    expect(fields(cycle)).toEqual(['records.0.effectiveFrom']);
    expect(fields([base({}), base({ successionId: 't', from: ['b'], to: ['c'] })])).toEqual([
      'records.1.effectiveFrom',
    ]);
  });

  it('says what is wrong in both languages', () => {
    const [i] = successionIssues([base({ kind: 'split', to: ['b'] })]);
    expect(i?.message.vi).toMatch(/Chia tách/);
    expect(i?.message.en).toMatch(/split/);
  });
});

/** A random valid history: each step ends some live ids and creates new ones, a year apart. */
const history = fc
  .array(
    fc.record({
      kind: fc.constantFrom('merge', 'rename', 'split' as const),
      pick: fc.nat(),
      n: fc.integer({ min: 1, max: 3 }),
    }),
    {
      maxLength: 12,
    },
  )
  .map((steps) => {
    let live = ['u0', 'u1', 'u2', 'u3'];
    let next = 4;
    const records: Succession[] = [];
    steps.forEach((s, i) => {
      if (live.length === 0) return;
      const start = s.pick % live.length;
      const count = s.kind === 'merge' ? Math.min(s.n, live.length) : 1;
      const from = Array.from({ length: count }, (_, k) => live[(start + k) % live.length] as string);
      const made = s.kind === 'split' ? s.n + 1 : 1;
      const to = Array.from({ length: made }, () => `u${next++}`);
      live = [...live.filter((id) => !from.includes(id)), ...to];
      records.push({
        successionId: `r${i}`,
        level: 'unit',
        kind: s.kind,
        from,
        to,
        effectiveFrom: `${2000 + i}-07-01`,
      });
    });
    return { records, live };
  });

describe('properties', () => {
  it('generated histories are valid', () => {
    fc.assert(fc.property(history, ({ records }) => successionIssues(records).length === 0));
  });

  it('every id, followed to today, ends at ids that act today and list it among their predecessors', () => {
    fc.assert(
      fc.property(history, ({ records, live }) => {
        for (const id of ['u0', 'u1', 'u2', 'u3', ...records.flatMap((r) => r.to)]) {
          const now = successorsOf(id, records, '2100-01-01');
          for (const s of now) {
            if (!live.includes(s) || !actsOn(s, records, '2100-01-01')) return false;
            if (s !== id && !predecessorsOf(s, records).some((p) => p.id === id)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('before any record takes effect, everyone stays where they are', () => {
    fc.assert(
      fc.property(history, ({ records }) =>
        ['u0', 'u1', 'u2', 'u3'].every((id) => placementOf(id, records, '1999-12-31').kind === 'stay'),
      ),
    );
  });
});
