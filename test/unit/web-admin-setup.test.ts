/**
 * The pure parts of the admin framework and cycle screens: where a problem sits in the sheet, the tree built
 * from codes, dates typed dd/mm/yyyy, and an update that sends only what changed (never the reminder policy).
 */
import { describe, expect, test } from 'vitest';
import type { Cycle } from '#web/api/types.ts';
import {
  createBody,
  formFieldOf,
  parseDmy,
  toDmy,
  updateBody,
  valuesOf,
} from '#web/pages/admin/cycles/model.ts';
import {
  branchCodes,
  buildTree,
  issueRow,
  problemColumn,
  safeFileName,
  sortProblems,
} from '#web/pages/admin/frameworks/model.ts';

describe('framework import problems', () => {
  test.each([
    [{ field: 'rows.21.Điểm tối đa', nodeCode: '1.2' }, { text: 'Điểm tối đa' }],
    [{ field: 'columns.Mã tiêu chí' }, { text: 'Mã tiêu chí' }],
    [{ field: 'nodes.1.2.maxPoints', nodeCode: '1.2' }, { key: 'setup.col.maxPoints' }],
    [{ field: 'nodes.3.slots.0.kind', nodeCode: '3' }, { key: 'setup.col.slots' }],
    [{ field: 'nodes.1.code', nodeCode: '1' }, { key: 'setup.col.code' }],
    [{ field: 'totalPoints' }, { key: 'setup.meta.totalPoints' }],
    [{ field: 'years.to' }, { key: 'setup.meta.years' }],
    [{ field: 'mapping.entries.0' }, { key: 'setup.meta.mapping' }],
    [{ field: 'something.else' }, { text: 'something.else' }],
  ])('%o is shown in column %o', (p, expected) => {
    expect(problemColumn(p)).toEqual(expected);
  });

  test('a refused commit names the row in its issue field', () => {
    expect(issueRow('file.rows.12')).toBe(12);
    expect(issueRow('document.totalPoints')).toBeUndefined();
  });

  test('problems are listed down the sheet, those without a row last', () => {
    const sorted = sortProblems([{ row: 30 }, {}, { row: 19 }, { row: 21 }]);
    expect(sorted.map((p) => p.row)).toEqual([19, 21, 30, undefined]);
  });

  test('file names are NFC and safe on Windows', () => {
    const nfd = 'bo-chi-so-Việt'.normalize('NFD');
    expect(safeFileName(`${nfd}:v1?.xlsx`)).toBe('bo-chi-so-Việt-v1-.xlsx'.normalize('NFC'));
  });
});

describe('framework tree', () => {
  const nodes = ['2', '1.10', '1', '1.2', '1.2.1', '3.1'].map((code) => ({ code }));

  test('nests by code in numeric order; an orphan stays visible at the top', () => {
    const tree = buildTree(nodes);
    expect(tree.map((r) => r.code)).toEqual(['1', '2', '3.1']);
    expect(tree[0]!.children!.map((r) => r.code)).toEqual(['1.2', '1.10']);
    expect(tree[0]!.children![0]!.children!.map((r) => r.code)).toEqual(['1.2.1']);
    expect(branchCodes(tree)).toEqual(['1', '1.2']);
  });

  test('a filter keeps the matches and the path to them', () => {
    const tree = buildTree(nodes, (n) => n.code === '1.2.1');
    expect(tree.map((r) => r.code)).toEqual(['1']);
    expect(tree[0]!.children!.map((r) => r.code)).toEqual(['1.2']);
    expect(tree[0]!.children![0]!.children!.map((r) => r.code)).toEqual(['1.2.1']);
  });
});

describe('cycle form', () => {
  test('dates typed dd/mm/yyyy, real calendar dates only', () => {
    expect(parseDmy('5/1/2024')).toBe('2024-01-05');
    expect(parseDmy(' 29/02/2024 ')).toBe('2024-02-29');
    expect(parseDmy('29/02/2023')).toBeUndefined();
    expect(parseDmy('31/04/2024')).toBeUndefined();
    expect(parseDmy('2024-01-05')).toBeUndefined();
    expect(toDmy('2024-01-05')).toBe('05/01/2024');
  });

  const cycle = {
    cycleId: 'c1',
    year: 2024,
    name: { vi: 'Kỳ 2024', en: 'Cycle 2024' },
    frameworkId: 'par-so-mau',
    frameworkVersion: 1,
    trackedFrameworks: [{ frameworkId: 'papi', version: 1 }],
    entityIds: ['a', 'b'],
    dates: {
      evidenceDue: '2024-11-30',
      selfAssessmentDue: '2024-12-15',
      appraisalStart: '2025-01-05',
      appraisalEnd: '2025-02-15',
      publication: '2025-03-31',
    },
    evidencePolicy: 'available',
    reminderPolicy: { enabled: true },
    uploadLimits: { maxFileBytes: 50 * 1024 * 1024, allowedKinds: ['pdf', 'docx'] },
    timeZone: 'Asia/Ho_Chi_Minh',
    status: 'open',
    version: 7,
    createdAt: '2024-01-01T00:00:00.000Z',
    createdBy: 'u',
  } as unknown as Cycle;

  test('an unchanged form sends only the version (the reminder policy is never sent)', () => {
    expect(updateBody(cycle, valuesOf(cycle))).toEqual({ version: 7 });
  });

  test('an update sends just what changed', () => {
    const v = valuesOf(cycle);
    v.dates.selfAssessmentDue = '20/12/2024';
    v.entityIds = ['b', 'a'];
    v.evidencePolicy = 'accepted';
    const body = updateBody(cycle, v);
    expect(body).toEqual({
      version: 7,
      dates: { ...cycle.dates, selfAssessmentDue: '2024-12-20' },
      evidencePolicy: 'accepted',
    });
    expect(body).not.toHaveProperty('reminderPolicy');
  });

  test('a new cycle carries tracked frameworks and limits, and no reminder policy (the server defaults it)', () => {
    const v = valuesOf(cycle);
    v.maxFileMb = 20;
    const body = createBody(v);
    expect(body.trackedFrameworks).toEqual([{ frameworkId: 'papi', version: 1 }]);
    expect(body.uploadLimits).toEqual({ maxFileBytes: 20 * 1024 * 1024, allowedKinds: ['pdf', 'docx'] });
    expect(body).not.toHaveProperty('reminderPolicy');
  });

  test.each([
    ['body.dates.selfAssessmentDue', ['dates', 'selfAssessmentDue']],
    ['body.entityIds.2', ['entityIds']],
    ['body.name.en', ['nameEn']],
    ['body.frameworkVersion', ['frameworkVersion']],
    ['body.trackedFrameworks.0', ['tracked']],
    ['body.uploadLimits.maxFileBytes', ['maxFileMb']],
    ['body.reminderPolicy.sendAt', undefined],
  ])('server issue %s is shown on field %o', (field, expected) => {
    expect(formFieldOf(field)).toEqual(expected);
  });
});
