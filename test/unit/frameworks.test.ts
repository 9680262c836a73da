/**
 * The framework model: every validation rule names its problem kind and node code; bundled frameworks load
 * and their totals match the reference numbers (docs/frameworks.md); version mappings translate
 * codes; the seed plan's 13 tasks point at criteria that exist.
 */
import { describe, expect, it } from 'vitest';
import { checkAssignment, formatTarget, parseTarget } from '#domain/assignment.ts';
import { cycleFrameworks } from '#domain/cycle.ts';
import { ValidationError } from '#domain/errors.ts';
import {
  applicableNodes,
  type FrameworkDocumentInput,
  frameworkTotals,
  leaves,
  type ProblemKind,
  parentCode,
  validateFrameworkDocument,
} from '#domain/framework.ts';
import { checkMappingAgainst, codeTranslation, translateCodes } from '#domain/framework-versions.ts';
import { BUNDLED_FRAMEWORKS, loadBundledFramework } from '#infra/local/bundled-frameworks.ts';
import { DEMO_ASSIGNMENTS, DEMO_CYCLE, DEMO_FRAMEWORKS, DEMO_UNITS } from '#infra/local/demo-data.ts';
import { importFramework } from '#usecases/frameworks.ts';

type Node = NonNullable<FrameworkDocumentInput['nodes']>[number];
const n = (code: string, maxPoints: unknown, extra: Record<string, unknown> = {}) =>
  ({
    code,
    title: { vi: `Tiêu chí ${code}`, en: `Criterion ${code}` },
    maxPoints,
    method: 'evidence',
    ...extra,
  }) as Node;

const doc = (nodes: Node[], extra: Record<string, unknown> = {}) => ({
  frameworkId: 'thu-nghiem',
  version: 1,
  name: { vi: 'Bộ thử nghiệm', en: 'Test framework' },
  index: 'par',
  years: { from: 2024 },
  provenance: 'sample',
  nodes,
  ...extra,
});

const base = () => [n('1', 3), n('1.1', 1), n('1.2', 2), n('2', 5, { method: 'survey' })];

function problems(input: unknown) {
  const r = validateFrameworkDocument(input);
  if (r.ok) return [];
  return r.problems;
}
const kinds = (input: unknown) =>
  problems(input).map((p) => [p.kind, p.nodeCode] as [ProblemKind, string | undefined]);

describe('framework validation: each problem kind, named by node code', () => {
  it('a well-formed tree passes', () => {
    expect(problems(doc(base()))).toEqual([]);
  });

  const cases: [string, unknown, ProblemKind, string | undefined][] = [
    ['malformed code', doc([...base(), n('3.a', 1)]), 'code_malformed', '3.a'],
    ['leading zero', doc([...base(), n('01', 1)]), 'code_malformed', '01'],
    ['duplicate code', doc([...base(), n('1.2', 2)]), 'code_duplicate', '1.2'],
    ['orphan', doc([...base(), n('4.1', 1)]), 'orphan', '4.1'],
    ['parent ≠ sum of children', doc([n('1', 4), n('1.1', 1), n('1.2', 2)]), 'sum_mismatch', '1'],
    ['missing points', doc([...base(), n('3', undefined)]), 'points_missing', '3'],
    ['negative points', doc([...base(), n('3', -1)]), 'points_negative', '3'],
    ['min above max', doc([...base(), n('3', 1, { minPoints: 2 })]), 'min_above_max', '3'],
    [
      'survey node with slots',
      doc([
        ...base(),
        n('3', 1, {
          method: 'survey',
          slots: [{ kind: 'bao-cao', label: { vi: 'BC', en: 'R' }, minCount: 1 }],
        }),
      ]),
      'survey_with_slots',
      '3',
    ],
    [
      'evidence child under a survey parent',
      doc([n('1', 2, { method: 'survey' }), n('1.1', 2)]),
      'method_mismatch',
      '1.1',
    ],
    [
      'regular child under a bonus parent',
      doc([...base(), n('9', 1, { role: 'bonus' }), n('9.1', 1)]),
      'role_mismatch',
      '9.1',
    ],
    [
      'the same slot kind twice',
      doc([
        n('1', 1),
        n('1.1', 1, {
          slots: [
            { kind: 'bao-cao', label: { vi: 'BC quý', en: 'Q' }, minCount: 4 },
            { kind: 'bao-cao', label: { vi: 'BC năm', en: 'Y' }, minCount: 1 },
          ],
        }),
      ]),
      'slot_duplicate_kind',
      '1.1',
    ],
    [
      'guide level above max',
      doc([...base(), n('3', 1, { guide: [{ points: 2, label: { vi: 'Tốt', en: 'Good' } }] })]),
      'guide_out_of_range',
      '3',
    ],
    [
      'child applies wider than parent',
      doc([n('1', 1, { appliesTo: ['so'] }), n('1.1', 1, { appliesTo: ['so', 'huyen'] })]),
      'applicability_wider',
      '1.1',
    ],
    [
      'weighted framework without weights',
      doc([n('1', 10, { method: 'survey' })], { aggregation: 'weighted', totalPoints: 100 }),
      'weight_missing',
      '1',
    ],
    ['declared total ≠ tree', doc(base(), { totalPoints: 100 }), 'total_mismatch', undefined],
    ['years backwards', doc(base(), { years: { from: 2025, to: 2023 } }), 'years_order', undefined],
    [
      'mapping of the wrong shape',
      doc(base(), {
        version: 2,
        mapping: { fromVersion: 1, entries: [{ kind: 'split', from: ['1.1'], to: ['1.2'] }] },
      }),
      'mapping_shape',
      undefined,
    ],
    [
      'mapping to an unknown code',
      doc(base(), {
        version: 2,
        mapping: { fromVersion: 1, entries: [{ kind: 'renamed', from: ['1.3'], to: ['1.9'] }] },
      }),
      'mapping_unknown_to',
      '1.9',
    ],
    [
      'an old code mapped twice',
      doc(base(), {
        version: 2,
        mapping: {
          fromVersion: 1,
          entries: [
            { kind: 'removed', from: ['1.3'] },
            { kind: 'renamed', from: ['1.3'], to: ['1.2'] },
          ],
        },
      }),
      'mapping_duplicate',
      '1.3',
    ],
  ];

  it.each(cases)('%s', (_name, input, kind, code) => {
    const found = problems(input);
    const hit = found.find((p) => p.kind === kind);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.nodeCode).toBe(code);
    expect(hit!.message.vi).toBeTruthy();
    expect(hit!.message.en).toBeTruthy();
    if (code) expect(hit!.message.vi).toContain(code);
  });

  it('reports every problem at once, even when some nodes fail their own schema', () => {
    const found = kinds(doc([n('1', 4), n('1.1', 1), n('1.2', 2), n('1.2', 2), n('7.1', -1), n('x', 1)]));
    expect(found).toEqual(
      expect.arrayContaining([
        ['code_duplicate', '1.2'],
        ['orphan', '7.1'],
        ['points_negative', '7.1'],
        ['code_malformed', 'x'],
      ]),
    );
  });

  it('bonus and penalty nodes stay out of their parent’s sum and the total', () => {
    const ok = doc(
      [
        ...base(),
        n('1.3', 1, { role: 'bonus' }),
        n('9', 2, { role: 'penalty' }),
        n('9.1', 2, { role: 'penalty' }),
      ],
      {
        totalPoints: 8,
      },
    );
    expect(problems(ok)).toEqual([]);
  });

  it('text is NFC and trimmed; a label may not hold the "|" the spreadsheet uses', () => {
    const nfd = 'Kế hoạch cải cách hành chính'.normalize('NFD');
    const r = validateFrameworkDocument(doc([n('1', 1, { title: { vi: `  ${nfd} `, en: 'Plan' } })]));
    expect(r.ok && r.document.nodes[0]!.title.vi).toBe('Kế hoạch cải cách hành chính'.normalize('NFC'));
    const bad = doc([
      n('1', 1, { slots: [{ kind: 'ke-hoach', label: { vi: 'a | b', en: 'x' }, minCount: 1 }] }),
    ]);
    expect(kinds(bad)).toContainEqual(['invalid', '1']);
  });

  it('applicability drops a node when it or an ancestor excludes the entity type', () => {
    const nodes = [
      n('1', 2, { appliesTo: ['so', 'huyen'] }),
      n('1.1', 1),
      n('1.2', 1, { appliesTo: ['so'] }),
      n('2', 1),
    ];
    expect(applicableNodes(nodes as never[], 'huyen').map((x: { code: string }) => x.code)).toEqual([
      '1',
      '1.1',
      '2',
    ]);
    expect(applicableNodes(nodes as never[], 'ban-nganh').map((x: { code: string }) => x.code)).toEqual([
      '2',
    ]);
  });
});

describe('bundled frameworks match the reference numbers', () => {
  const all = Object.fromEntries(BUNDLED_FRAMEWORKS.map((f) => [f, loadBundledFramework(f)]));

  it('every bundled framework is valid and says whether it is confirmed or a sample', () => {
    for (const f of Object.values(all)) {
      expect(['confirmed', 'sample']).toContain(f.provenance);
      expect(f.provenanceNote?.vi).toBeTruthy();
    }
  });

  it('PAR department sample: the 8 areas of Decision 876, 100 points of which 32 from the survey', () => {
    const f = all['par-so-mau']!;
    expect(f.provenance).toBe('sample');
    const t = frameworkTotals(f);
    expect(t).toMatchObject({ topLevel: 8, totalPoints: 100, surveyPoints: 32, selfAssessedPoints: 68 });
    expect(t.bonusPoints).toBeGreaterThan(0);
    expect(t.penaltyPoints).toBeGreaterThan(0);
    const titles = f.nodes.filter((x) => !x.code.includes('.')).map((x) => x.title.vi);
    expect(titles.slice(0, 8)).toEqual([
      'Công tác chỉ đạo, điều hành cải cách hành chính',
      'Cải cách thể chế',
      'Cải cách thủ tục hành chính',
      'Cải cách tổ chức bộ máy hành chính nhà nước',
      'Cải cách chế độ công vụ',
      'Cải cách tài chính công',
      'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
    ]);
    // Evidence-slot examples: the annual plan and the four quarterly reports.
    expect(f.nodes.find((x) => x.code === '1.1')!.slots).toEqual([
      expect.objectContaining({ kind: 'ke-hoach', minCount: 1, period: 'year', issuingLevel: 'entity' }),
    ]);
    expect(f.nodes.find((x) => x.code === '1.2')!.slots).toEqual([
      expect.objectContaining({ kind: 'bao-cao', minCount: 4, period: 'quarter' }),
    ]);
  });

  it('a band no published result used is marked as an assumption', () => {
    const f = all['par-so-mau']!;
    expect(f.bands.map((b) => b.name)).toEqual(['A', 'B', 'C', 'D']);
    expect(f.provenanceNote?.vi).toMatch(/Xếp loại C .*và D là giả định/);
    expect(f.provenanceNote?.en).toMatch(/Bands C .*and D are assumptions/);
  });

  it('Province PAR 2022–2024 (Decision 876): 8 areas, 68 + 32 survey points; unfound splits marked', () => {
    const f = all['par-tinh-876']!;
    expect(f.years).toEqual({ from: 2022, to: 2024 });
    const areas = f.nodes.filter((x) => x.method === 'evidence');
    expect(areas).toHaveLength(8);
    expect(areas.reduce((a, x) => a + x.maxPoints, 0)).toBe(68);
    expect(f.nodes.filter((x) => x.method === 'survey').map((x) => x.maxPoints)).toEqual([32]);
    expect(frameworkTotals(f).totalPoints).toBe(100);
    expect(f.nodes.every((x) => /chưa xác nhận/.test(x.description?.vi ?? ''))).toBe(true);
    expect(f.provenanceNote?.vi).toMatch(/37 tiêu chí, 88 tiêu chí thành phần/);
    expect(f.bands.map((b) => b.name)).toEqual(['A', 'B']);
    // the demo's 2023 season runs on a framework of its own time (876, 2022–2024)
    expect(all['par-so-mau']!.years).toEqual({ from: 2022, to: 2024 });
  });

  it('Department PAR from 2025 (Decision 1187): 8 contents + bonus/penalty, points marked provisional', () => {
    const f = all['par-so-1187']!;
    expect(f.provenance).toBe('sample');
    expect(f.years).toEqual({ from: 2025 });
    const contents = f.nodes.filter((x) => !x.role);
    expect(contents.map((x) => x.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(f.nodes.filter((x) => x.role).map((x) => x.role)).toEqual(['bonus', 'penalty']);
    expect(frameworkTotals(f).totalPoints).toBe(100);
    // every point figure says it is not confirmed; only the 2024 bands, none invented
    expect(f.nodes.every((x) => /chưa xác nhận/.test(x.description?.vi ?? ''))).toBe(true);
    expect(f.bands).toEqual([
      { name: 'A', minPercent: 90 },
      { name: 'B', minPercent: 80 },
    ]);
    expect(f.provenanceNote?.vi).toMatch(/Tạm thời.*Chưa xác nhận/);
  });

  it('Province PAR 2017–2020 (Decision 2948): area maxima as published', () => {
    const f = all['par-tinh-2948']!;
    expect(f.provenance).toBe('confirmed');
    expect(f.nodes.map((x) => x.maxPoints)).toEqual([10, 10, 14.5, 11, 16, 7, 16, 15.5]);
    expect(frameworkTotals(f).totalPoints).toBe(100);
  });

  it('Province PAR 2017–2020: the criteria count as the source states it (total row 38, area rows 39)', () => {
    const f = all['par-tinh-2948']!;
    const counts = f.nodes.map((x) =>
      /^(\d+) tiêu chí, (\d+) tiêu chí thành phần/.exec(x.description?.vi ?? ''),
    );
    const sum = (i: 1 | 2) => counts.reduce((s, m) => s + Number(m?.[i]), 0);
    expect(sum(1)).toBe(39);
    expect(sum(2)).toBe(81);
    expect(f.provenanceNote?.vi).toMatch(/dòng tổng ghi 38.*cộng lại được 39/);
    expect(f.provenanceNote?.en).toMatch(/total row says 38.*add up to 39/);
  });

  it('PAPI: 8 dimensions scored 1–10 (total 80), 28 sub-dimensions', () => {
    const f = all.papi!;
    const dims = f.nodes.filter((x) => !x.code.includes('.'));
    expect(dims).toHaveLength(8);
    expect(dims.every((d) => d.minPoints === 1 && d.maxPoints === 10)).toBe(true);
    expect(f.nodes.filter((x) => x.code.includes('.'))).toHaveLength(28);
    expect(frameworkTotals(f).totalPoints).toBe(80);
    expect(f.nodes.every((x) => x.method === 'survey')).toBe(true);
  });

  it('SIPAS: 5 aspects, each a satisfaction percentage, equally weighted', () => {
    const f = all.sipas!;
    expect(f.nodes).toHaveLength(5);
    expect(f.nodes.map((x) => x.weight)).toEqual([20, 20, 20, 20, 20]);
    expect(f.nodes[0]!.title.vi).toBe('Tiếp cận dịch vụ hành chính công');
  });

  it('PCI: 10 sub-indices on a 10-point scale, weights 5/5/20/5/10/5/5/20/20/5', () => {
    const f = all.pci!;
    expect(f.nodes.map((x) => x.weight)).toEqual([5, 5, 20, 5, 10, 5, 5, 20, 20, 5]);
    expect(f.nodes.every((x) => x.maxPoints === 10)).toBe(true);
    expect(frameworkTotals(f)).toMatchObject({ totalPoints: 100, surveyPoints: 100, selfAssessedPoints: 0 });
  });
});

describe('version mappings', () => {
  const v1 = validateFrameworkDocument(
    doc([n('1', 3), n('1.1', 1), n('1.2', 1), n('1.3', 1), n('2', 2), n('2.1', 2)]),
  );
  const v2 = validateFrameworkDocument(
    doc([n('1', 3), n('1.1', 1), n('1.4', 1), n('1.5', 0.5), n('1.6', 0.5), n('2', 2)], {
      version: 2,
      mapping: {
        fromVersion: 1,
        entries: [
          { kind: 'renamed', from: ['1.2'], to: ['1.4'] },
          { kind: 'split', from: ['1.3'], to: ['1.5', '1.6'] },
          { kind: 'merged', from: ['2.1', '2'], to: ['2'] },
        ],
      },
    }),
  );
  if (!v1.ok || !v2.ok) throw new Error('fixtures must be valid');

  it('translates same, renamed, split and merged codes', () => {
    const t = codeTranslation(v1.document, v2.document);
    expect(t.get('1.1')).toEqual({ kind: 'same', to: ['1.1'], implicit: true });
    expect(t.get('1.2')?.to).toEqual(['1.4']);
    expect(t.get('1.3')?.to).toEqual(['1.5', '1.6']);
    expect(t.get('2.1')?.to).toEqual(['2']);
    expect(translateCodes(['1.2', '1.3', '2.1', '2'], [v1.document, v2.document]).codes).toEqual([
      '1.4',
      '1.5',
      '1.6',
      '2',
    ]);
  });

  it('reports removed codes with the version that removed them', () => {
    const v3 = validateFrameworkDocument(
      doc([n('1', 1), n('1.1', 1), n('2', 2)], {
        version: 3,
        mapping: { fromVersion: 2, entries: [{ kind: 'removed', from: ['1.4'] }] },
      }),
    );
    if (!v3.ok) throw new Error('fixture');
    const r = translateCodes(['1.2', '1.1'], [v1.document, v2.document, v3.document]);
    expect(r).toEqual({ codes: ['1.1'], dropped: [{ code: '1.2', removedIn: 3 }] });
  });

  it('a mapping must come from the previous version and name its codes', () => {
    const wrong = validateFrameworkDocument(
      doc([n('1', 1)], {
        version: 2,
        mapping: { fromVersion: 1, entries: [{ kind: 'removed', from: ['8.8'] }] },
      }),
    );
    if (!wrong.ok) throw new Error('fixture');
    expect(checkMappingAgainst(v1.document, wrong.document).map((p) => [p.kind, p.nodeCode])).toEqual([
      ['mapping_unknown_from', '8.8'],
    ]);
    expect(checkMappingAgainst(undefined, wrong.document)[0]!.kind).toBe('mapping_version');
  });
});

describe('the seed plan as assignments', () => {
  it('has the 13 tasks, each mapped to criteria that exist in the cycle’s frameworks and to a real unit', () => {
    expect(DEMO_ASSIGNMENTS).toHaveLength(13);
    const frameworks = new Map(DEMO_FRAMEWORKS.map((f) => [f.frameworkId, f]));
    const used = new Map(
      cycleFrameworks(DEMO_CYCLE).map((r) => [r.frameworkId, frameworks.get(r.frameworkId)!]),
    );
    const units = DEMO_UNITS.filter((u) => u.entityId === 'so-khcn-ninh-thuan');
    for (const a of DEMO_ASSIGNMENTS)
      expect(checkAssignment(a, { cycle: DEMO_CYCLE, frameworks: used, units })).toEqual([]);
    const byUnit = Object.groupBy(DEMO_ASSIGNMENTS, (a) => a.unitId);
    expect({
      qlcn: byUnit['phong-qlcn']?.length,
      qlkh: byUnit['phong-qlkh']?.length,
      vp: byUnit['van-phong-so']?.length,
    }).toEqual({
      qlcn: 3,
      qlkh: 1,
      vp: 9,
    });
    const sipas = DEMO_ASSIGNMENTS.find((a) => a.target);
    expect(sipas?.target).toEqual({ op: '>', value: 85, unit: '%' });
    expect(sipas?.criteria.filter((c) => c.frameworkId === 'sipas')).toHaveLength(5);
    expect(DEMO_ASSIGNMENTS.every((a) => a.dueDate <= DEMO_CYCLE.dates.selfAssessmentDue)).toBe(true);
  });

  it('every criterion of the PAR sample hangs from existing parents', () => {
    const f = DEMO_FRAMEWORKS.find((x) => x.frameworkId === 'par-so-mau')!;
    for (const leaf of leaves(f.nodes)) {
      for (let code = parentCode(leaf.code); code; code = parentCode(code))
        expect(f.nodes.some((x) => x.code === code)).toBe(true);
    }
  });
});

describe('numeric targets', () => {
  it.each([
    ['> 85 %', { op: '>', value: 85, unit: '%' }],
    ['trên 85%', { op: '>', value: 85, unit: '%' }],
    ['≥ 90 %', { op: '>=', value: 90, unit: '%' }],
    ['tối thiểu 95,5%', { op: '>=', value: 95.5, unit: '%' }],
    ['100 hồ sơ', { op: '=', value: 100, unit: 'hồ sơ' }],
  ])('%s', (raw, expected) => {
    expect(parseTarget(raw)).toEqual(expected);
    expect(parseTarget(formatTarget(parseTarget(raw)!))).toEqual(expected);
  });

  it('text without a number is not a target', () => {
    expect(parseTarget('càng cao càng tốt')).toBeUndefined();
  });
});

describe('framework import of a document that is not an object', () => {
  // Nothing is read or written for such a document: the ports throw if they are touched.
  const untouched = new Proxy(
    {},
    {
      get: (_t, name) => () => {
        throw new Error(`unexpected call: ${String(name)}`);
      },
    },
  );
  const deps = { frameworks: untouched, sheets: untouched, clock: untouched, ids: untouched } as never;
  const admin = { userId: 'u-admin', role: 'admin' } as const;

  it('previews as a problem and refuses to commit, for a string, number, boolean, null or list', async () => {
    for (const document of ['bộ tiêu chí', 42, true, false, null, [], [{ frameworkId: 'x' }]]) {
      const plan = await importFramework(deps, admin, {
        mode: 'preview',
        publish: false,
        source: { format: 'json', document },
      });
      expect(plan.ok, JSON.stringify(document)).toBe(false);
      expect(plan.problems.length).toBeGreaterThan(0);
      for (const p of plan.problems) expect(p.message.vi && p.message.en).toBeTruthy();
      await expect(
        importFramework(deps, admin, {
          mode: 'commit',
          publish: false,
          source: { format: 'json', document },
        }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
  });
});
