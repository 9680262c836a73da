/** The smoke test's pure parts (infra/admin/smoke.ts): what it picks, the PDF it sends, its arguments. */
import { describe, expect, it } from 'vitest';
import { parseSmokeArgs, pickCriterion, pickCycle, smokePdf } from '#infra/admin/smoke.ts';

const cycle = (cycleId: string, status: string, entityIds: string[]) => ({
  cycleId,
  year: 2024,
  status,
  entityIds,
});

describe('smoke: picking', () => {
  const cycles = [
    cycle('closed', 'closed', ['e1']),
    cycle('other', 'open', ['e2']),
    cycle('mine', 'open', ['e1']),
  ];

  it('takes the first open cycle assessing the entity, or the one asked for', () => {
    expect(pickCycle(cycles, 'e1')?.cycleId).toBe('mine');
    expect(pickCycle(cycles, 'e3')).toBeUndefined();
    expect(pickCycle(cycles, 'e1', 'closed')?.cycleId).toBe('closed');
  });

  it("gives members only their unit's criteria or unassigned ones; leaders any", () => {
    const criteria = [
      { code: '1.1', unitIds: ['u2'] },
      { code: '1.2', unitIds: [] },
      { code: '1.3', unitIds: ['u1'] },
    ];
    expect(pickCriterion(criteria, { role: 'member', unitId: 'u1' })?.code).toBe('1.2');
    expect(pickCriterion(criteria.slice(2), { role: 'member', unitId: 'u1' })?.code).toBe('1.3');
    expect(pickCriterion([criteria[0]!], { role: 'member', unitId: 'u1' })).toBeUndefined();
    expect(pickCriterion([criteria[2]!], { role: 'member' })).toBeUndefined();
    expect(pickCriterion(criteria, { role: 'leader', unitId: 'u1' })?.code).toBe('1.1');
    expect(pickCriterion(criteria, { role: 'member', unitId: 'u1' }, '1.1')?.code).toBe('1.1');
  });
});

describe('smoke: the PDF', () => {
  it('is well formed: every xref offset points at its object, startxref at the table', () => {
    const bytes = smokePdf('label ừ');
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const xref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(3);
    expect(offsets.map((o, i) => text.slice(o, o + `${i + 1} 0 obj`.length))).toEqual([
      '1 0 obj',
      '2 0 obj',
      '3 0 obj',
    ]);
    expect(smokePdf('a').equals(smokePdf('b'))).toBe(false);
  });
});

describe('smoke: arguments', () => {
  it('needs a known stage and a positive timeout; 120 s by default', () => {
    expect(parseSmokeArgs(['--stage', 'prod'])).toMatchObject({ stage: 'prod', timeoutMs: 120_000 });
    expect(parseSmokeArgs(['--stage', 'local', '--timeout', '3'])).toMatchObject({ timeoutMs: 3_000 });
    expect(() => parseSmokeArgs([])).toThrow(/usage/);
    expect(() => parseSmokeArgs(['--stage', 'staging'])).toThrow(/usage/);
    expect(() => parseSmokeArgs(['--stage', 'prod', '--timeout', '0'])).toThrow(/timeout/);
    expect(() => parseSmokeArgs(['--stage', 'prod', '--what', 'x'])).toThrow(/bad argument/);
    expect(() => parseSmokeArgs(['--stage', '--region'])).toThrow(/bad argument/);
  });
});
