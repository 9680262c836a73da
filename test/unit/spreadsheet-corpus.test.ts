/**
 * The spreadsheet corpus (test/fixtures/spreadsheets, written by make.ts): the same framework and the same
 * assignments from every producer, format, encoding and delimiter, each imported through the real import
 * path (use case + sheet codec + spreadsheet reader) with the same result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentSheet } from '#adapters/xlsx/assignment-sheet.ts';
import { frameworkSheet } from '#adapters/xlsx/framework-sheet.ts';
import { validateFrameworkDocument } from '#domain/framework.ts';
import { FRAMEWORK } from '#test/fixtures/spreadsheets/corpus-data.ts';
import { actors, memoryPorts, world } from '#test/unit/usecases/support.ts';
import { importAssignments } from '#usecases/assignments.ts';
import { importFramework } from '#usecases/frameworks.ts';

const DIR = join(import.meta.dirname, '../fixtures/spreadsheets');
const files = (stem: string) =>
  readdirSync(DIR).filter((f) => f.startsWith(`${stem}.`) && !f.endsWith('.ts'));
const bytes = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

describe('framework corpus', () => {
  const expected = validateFrameworkDocument(FRAMEWORK);
  it('holds every producer and encoding', () => {
    expect(files('framework').length).toBeGreaterThanOrEqual(11);
  });

  it.each(files('framework'))('%s imports as the same framework', async (f) => {
    const read = await frameworkSheet.read(bytes(f));
    expect(read.problems).toEqual([]);
    const doc = validateFrameworkDocument(read.document);
    expect(doc.ok && expected.ok && doc.document).toEqual(expected.ok && expected.document);
    const deps = { ...memoryPorts(world()), sheets: frameworkSheet };
    const plan = await importFramework(deps, actors.admin, {
      mode: 'preview',
      publish: false,
      source: { format: 'xlsx-bytes', bytes: bytes(f) },
    });
    const baseline = await importFramework(deps, actors.admin, {
      mode: 'preview',
      publish: false,
      source: { format: 'xlsx-bytes', bytes: bytes('framework.excel.xlsx') },
    });
    expect(plan.ok).toBe(true);
    expect(plan).toEqual(baseline);
  });
});

describe('assignments corpus', () => {
  const A = { cycleId: 'c-2026', entityId: 'so-a' };
  const preview = (b: Uint8Array) =>
    importAssignments({ ...memoryPorts(world()), sheets: assignmentSheet }, actors.admin, A, {
      mode: 'preview',
      bytes: b,
    });

  it('holds every producer and encoding', () => {
    expect(files('assignments').length).toBeGreaterThanOrEqual(11);
  });

  it.each(files('assignments'))('%s imports as the same assignments', async (f) => {
    const plan = await preview(bytes(f));
    expect(plan.problems).toEqual([]);
    expect(plan.creates.map((c) => c.assignmentId)).toEqual(['KH-10', 'KH-11']);
    expect(plan).toEqual(await preview(bytes('assignments.excel.xlsx')));
  });
});
