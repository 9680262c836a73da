/**
 * The spreadsheet corpus (test/fixtures/spreadsheets) through the real HTTP import routes: every producer,
 * format, encoding and delimiter previews exactly like the Excel-style file; a file that is no spreadsheet
 * is one sentence, never a schema dump.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTITY } from '#infra/local/demo-data.ts';
import { api } from './helpers.ts';

const DIR = join(import.meta.dirname, '../fixtures/spreadsheets');
const files = (stem: string) =>
  readdirSync(DIR).filter((f) => f.startsWith(`${stem}.`) && !f.endsWith('.ts'));
const base64 = (f: string) => readFileSync(join(DIR, f)).toString('base64');

const previewFramework = (fileBase64: string) =>
  api('POST', '/v1/framework-imports', {
    as: 'admin',
    body: { format: 'xlsx', mode: 'preview', publish: false, fileBase64 },
  });

describe('framework import of every spreadsheet in the corpus', () => {
  it('previews each file as the Excel-style one', async () => {
    const baseline = await previewFramework(base64('framework.excel.xlsx'));
    expect(baseline.status).toBe(200);
    expect(baseline.body.ok).toBe(true);
    for (const f of files('framework')) {
      const res = await previewFramework(base64(f));
      expect({ f, status: res.status, body: res.body }).toEqual({ f, status: 200, body: baseline.body });
    }
  });

  it('a file that is no spreadsheet is one sentence naming what it is not', async () => {
    const res = await previewFramework(Buffer.from('%PDF-1.7 not a table').toString('base64'));
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.problems).toHaveLength(1);
    expect(res.body.problems[0].message.en).toMatch(/not a spreadsheet/);
  });
});

describe('assignment import of every spreadsheet in the corpus', () => {
  let cycleId: string;
  beforeAll(async () => {
    const year = 2040 + (Date.now() % 50);
    const c = await api('POST', '/v1/cycles', {
      as: 'admin',
      body: {
        year,
        name: { vi: `Kỳ bảng tính ${year}`, en: `Spreadsheet cycle ${year}` },
        frameworkId: 'par-so-mau',
        frameworkVersion: 1,
        entityIds: [DEMO_ENTITY.entityId],
        dates: {
          evidenceDue: `${year}-11-30`,
          selfAssessmentDue: `${year}-12-15`,
          appraisalStart: `${year}-12-18`,
          appraisalEnd: `${year + 1}-01-15`,
          publication: `${year + 1}-02-28`,
        },
      },
    });
    cycleId = c.body.cycleId;
  });
  const preview = (fileBase64: string) =>
    api('POST', `/v1/cycles/${cycleId}/entities/${DEMO_ENTITY.entityId}/assignment-imports`, {
      as: 'admin',
      body: { mode: 'preview', fileBase64 },
    });

  it('previews each file as the Excel-style one', async () => {
    const baseline = await preview(base64('assignments.excel.xlsx'));
    expect(baseline.status).toBe(200);
    // Both rows are read (whether the demo entity knows their unit is the same for every file).
    expect(
      baseline.body.creates.length + new Set(baseline.body.problems.map((p: { row: number }) => p.row)).size,
    ).toBe(2);
    for (const f of files('assignments')) {
      const res = await preview(base64(f));
      expect({ f, status: res.status, body: res.body }).toEqual({ f, status: 200, body: baseline.body });
    }
  });
});
