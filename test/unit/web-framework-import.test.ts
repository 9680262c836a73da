/**
 * The framework import's file, read in the browser: which import a file is by its name and whether it is
 * small enough, what is sent (an .xlsx as base64, a JSON file's document and mapping), and a refused commit's
 * issues as problems with their sheet row.
 */
import { describe, expect, test } from 'vitest';
import {
  checkImportFile,
  jsonFile,
  problemsFromIssues,
  readMapping,
} from '#web/pages/admin/frameworks/import-file.ts';

const MAX = 3_000_000;

describe('the file chosen for import', () => {
  test.each([
    ['bộ chỉ số.XLSX', { format: 'xlsx' }],
    ['xuat.csv', { format: 'xlsx' }],
    ['khung.ods', { format: 'xlsx' }],
    ['bo-chi-so.json', { format: 'json' }],
    ['bo-chi-so.pdf', { refused: 'wrongType' }],
    ['bo-chi-so', { refused: 'wrongType' }],
  ])('%s → %j', (name, expected) => {
    expect(checkImportFile({ name, size: 1000 }, MAX)).toEqual(expected);
  });

  test('a file over the route’s limit is refused before it is read; one at the limit passes', () => {
    expect(checkImportFile({ name: 'a.xlsx', size: MAX + 1 }, MAX)).toEqual({
      refused: 'tooLarge',
    });
    expect(checkImportFile({ name: 'a.xlsx', size: MAX }, MAX)).toEqual({ format: 'xlsx' });
  });

  test('a JSON file is sent as its document, its mapping read for the preview; bad JSON throws', () => {
    const document = {
      frameworkId: 'par',
      mapping: { fromVersion: 1, entries: [{ kind: 'removed', from: ['2.1'] }] },
    };
    const chosen = jsonFile({ name: 'par.json', size: 99 }, JSON.stringify(document));
    expect(chosen).toEqual({
      name: 'par.json',
      size: 99,
      source: { format: 'json', document },
      mapping: { fromVersion: 1, entries: [{ kind: 'removed', from: ['2.1'], to: [] }] },
    });
    expect(() => jsonFile({ name: 'x.json', size: 8 }, '{ không')).toThrow();
  });
});

describe('a JSON file’s mapping', () => {
  test('kept only when well formed; malformed entries dropped', () => {
    expect(readMapping({})).toBeUndefined();
    expect(readMapping(null)).toBeUndefined();
    expect(readMapping({ mapping: { fromVersion: '1', entries: [] } })).toBeUndefined();
    expect(
      readMapping({
        mapping: {
          fromVersion: 2,
          entries: [{ kind: 'renamed', from: ['2.1'], to: ['2.2'] }, { kind: 'x' }, null, 'renamed'],
        },
      }),
    ).toEqual({ fromVersion: 2, entries: [{ kind: 'renamed', from: ['2.1'], to: ['2.2'] }] });
  });
});

describe('a commit refused with 400', () => {
  test('its issues become problems with the sheet row their field names', () => {
    const message = { vi: 'Dòng 12: thiếu điểm', en: 'Row 12: points missing' };
    expect(
      problemsFromIssues([
        { field: 'file.rows.12', message },
        { field: 'frameworkId', message },
      ]),
    ).toEqual([
      { kind: 'invalid', field: 'file.rows.12', row: 12, message },
      { kind: 'invalid', field: 'frameworkId', row: undefined, message },
    ]);
  });
});
