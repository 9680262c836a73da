/**
 * The dossier's export jobs through the real local stack (gateway → request-export → the Lambda invoke front →
 * build-export → DynamoDB Local + s3rver): a season of our own with real uploaded files; the .xlsx read back
 * (values and formulas) equals the readiness API; the same request on unchanged data is the same job; a change
 * or an expired job makes a new one; refusals write nothing; the council's table matches the cycle ranking.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '#test/docx-text.ts';
import { ENTITY, newCycle, pdf, setLocalAwsEnv, uploadEvidence } from './evidence-helpers.ts';
import { api, eventually } from './helpers.ts';

// A season still open for self-scoring (its deadline ahead), a year no other suite uses.
const year = 2030 + Math.floor(Math.random() * 60);
let cycleId = '';
const base = () => `/v1/cycles/${cycleId}/entities/${ENTITY}`;

async function waitDone(path: string, as: 'leader' | 'reviewer' | 'admin' = 'leader') {
  return eventually(async () => {
    const res = await api('GET', path, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.job.state === 'done' || res.body.job.state === 'failed' ? res.body : undefined;
  }, 30_000);
}

async function workbookOf(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, res, bytes };
}

/** Every formula cell of the first sheet stores its result (`<f>…</f><v>…</v>`): viewers that do not recalculate show it. */
async function formulasWithoutResult(bytes: Buffer): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
  const cells = xml.match(/<c [^>]*>.*?<\/c>/g) ?? [];
  return cells.filter((c) => c.includes('<f>') && !/<v>[^<]+<\/v>/.test(c));
}

/**
 * A number cell, or a formula's stored result. exceljs's reader drops a stored result of 0 (`<v>0</v>` is in
 * the file, as the raw-XML check below confirms), so a formula read without a result is 0.
 */
const cellNumber = (v: ExcelJS.CellValue) =>
  typeof v === 'number'
    ? v
    : v && typeof v === 'object' && 'formula' in v
      ? Number((v as { result?: unknown }).result ?? 0)
      : undefined;

async function exportAudits(): Promise<number> {
  const res = await api('GET', `${base()}/audit?limit=100`, { as: 'admin' });
  expect(res.status).toBe(200);
  return res.body.items.filter((a: { action: string }) => a.action === 'export.request').length;
}

beforeAll(async () => {
  setLocalAwsEnv();
  cycleId = await newCycle(year);
  // Real files, with document metadata, on two criteria; self scores (one on an explanation).
  await uploadEvidence(cycleId, '1.1', pdf('ke-hoach-dossier'), {
    title: 'Kế hoạch CCHC năm',
    documentNumber: '1803/KH-SKHCN',
    documentType: 'ke-hoach',
    issueDate: `${year}-07-12`,
    issuer: 'Sở KH&CN',
  });
  await uploadEvidence(cycleId, '1.2', pdf('bao-cao-q1-dossier'), {
    title: 'Báo cáo CCHC quý I',
    documentType: 'bao-cao',
    issueDate: `${year}-03-30`,
  });
  const score = (code: string, body: Record<string, unknown>) =>
    api('PUT', `${base()}/criteria/${code}/self-score`, { as: 'leader', body });
  expect((await score('1.1', { selfScore: 2 })).status).toBe(200);
  expect((await score('1.2', { selfScore: 2, explanation: 'Quý II–IV đang tổng hợp' })).status).toBe(200);
});

describe('entity export: the score table', () => {
  let jobId = '';

  it('a leader requests it; the job runs in the background and ends with a short-lived download', async () => {
    const before = await exportAudits();
    const res = await api('POST', `${base()}/exports`, { as: 'leader', body: { parts: ['score-table'] } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ reused: false, job: { scope: 'entity', parts: ['score-table'] } });
    jobId = res.body.job.jobId;
    const view = await waitDone(`${base()}/exports/${jobId}`);
    expect(view.job).toMatchObject({
      state: 'done',
      progress: { percent: 100 },
      formulaVersion: 'readiness/3.1.0',
    });
    expect(view.job.readAt).toBeDefined();
    expect(view.downloads).toHaveLength(1);
    expect(view.downloads[0].fileName).toMatch(/\.xlsx$/);
    expect(await exportAudits()).toBe(before + 1);
  });

  it('read back, its values and formulas equal the readiness API', async () => {
    const view = (await api('GET', `${base()}/exports/${jobId}`, { as: 'leader' })).body;
    const { wb, res, bytes } = await workbookOf(view.downloads[0].url);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(await formulasWithoutResult(bytes)).toEqual([]);
    const readiness = (await api('GET', `${base()}/readiness`, { as: 'leader' })).body;
    const ws = wb.getWorksheet('Bảng điểm')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    const byCode = new Map<string, ExcelJS.Row>();
    let total: ExcelJS.Row | undefined;
    let index: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      const code = row.getCell(1).value;
      if (typeof code === 'string' && /^\d+(\.\d+)*$/.test(code)) byCode.set(code, row);
      const label = String(row.getCell(2).value ?? '');
      if (label.startsWith('Tổng điểm')) total = row;
      if (label.startsWith('Chỉ số dự kiến')) index = row;
    });
    // Every criterion of L: its projected points, to 2 decimals.
    for (const c of readiness.criteria) {
      const row = byCode.get(c.code);
      expect(row, c.code).toBeDefined();
      expect(cellNumber(row!.getCell(6).value) ?? 0).toBeCloseTo(c.projectedPoints, 2);
    }
    // Areas are formulas with their results stored, equal to the API's roll-up (+ survey points).
    for (const n of readiness.byNode.filter(
      (x: { depth: number; role: string }) => x.depth === 1 && x.role === 'regular',
    )) {
      const cell = byCode.get(n.code)!.getCell(6);
      expect(cell.formula, n.code).toMatch(/^SUM\(/);
      expect(cellNumber(cell.value)).toBeCloseTo(n.projectedPoints + n.surveyPoints, 2);
    }
    expect(total!.getCell(6).formula).toMatch(/^SUM\(/);
    expect(cellNumber(total!.getCell(6).value)).toBeCloseTo(
      readiness.projectedPoints + readiness.surveyPoints,
      2,
    );
    expect(cellNumber(total!.getCell(3).value)).toBeCloseTo(
      readiness.maxPoints + readiness.surveyMaxPoints,
      2,
    );
    expect(index!.getCell(6).formula).toContain('ROUND');
    expect(cellNumber(index!.getCell(6).value)).toBeCloseTo(readiness.projectedIndexPercent, 2);
    // The evidence is named against its score: number, date, summary, issuer, place in the package.
    const ev = String(byCode.get('1.1')!.getCell(7).value);
    expect(ev).toContain('Số 1803/KH-SKHCN');
    expect(ev).toContain(`ngày 12/07/${year}`);
    expect(ev).toContain('Kế hoạch CCHC năm');
    expect(ev).toMatch(/\[1 [^/]+\/1\.1 [^/]+\/1803-KH-SKHCN Kế hoạch CCHC năm\.pdf\]/);
    expect(String(byCode.get('1.2')!.getCell(8).value)).toBe('Quý II–IV đang tổng hợp');
    // Further sheets: headline figures with the formula version and the sentences; explanations; units.
    const summary = wb.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    summary.eachRow((r) => texts.push(r.values!.toString()));
    expect(texts.join('\n')).toContain('readiness/3.1.0');
    expect(texts.join('\n')).toContain('Điểm dự kiến');
    expect(wb.getWorksheet('Giải trình')!.rowCount).toBe(2);
    expect(wb.getWorksheet('Theo phòng')).toBeDefined();
  });

  it('the same request on unchanged data answers the same job; a change makes a new one', async () => {
    const again = await api('POST', `${base()}/exports`, { as: 'leader', body: { parts: ['score-table'] } });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ reused: true, job: { jobId } });
    await api('PUT', `${base()}/criteria/1.3/self-score`, {
      as: 'leader',
      body: { selfScore: 1, explanation: 'Chưa có báo cáo' },
    });
    const changed = await api('POST', `${base()}/exports`, {
      as: 'leader',
      body: { parts: ['score-table'] },
    });
    expect(changed.body.reused).toBe(false);
    expect(changed.body.job.jobId).not.toBe(jobId);
    await waitDone(`${base()}/exports/${changed.body.job.jobId}`);
  });

  it('an expired job gives no download, and the same request then makes a new job', async () => {
    const { exportRepository } = await import('#adapters/dynamo/export-repository.ts');
    const res = await api('POST', `${base()}/exports`, { as: 'leader', body: { parts: ['score-table'] } });
    const job = await exportRepository.get(res.body.job.jobId);
    await exportRepository.update(
      { ...job!, expiresAt: new Date(Date.now() - 1000).toISOString() },
      job!.state,
    );
    const old = await api('GET', `${base()}/exports/${job!.jobId}`, { as: 'leader' });
    expect(old.body).toMatchObject({ expired: true, downloads: [] });
    const fresh = await api('POST', `${base()}/exports`, { as: 'leader', body: { parts: ['score-table'] } });
    expect(fresh.body.reused).toBe(false);
    expect(fresh.body.job.jobId).not.toBe(job!.jobId);
  });

  it("a unit's part holds only that unit's criteria", async () => {
    await api('POST', `/v1/cycles/${cycleId}/entities/${ENTITY}/assignments`, {
      as: 'admin',
      body: {
        unitId: 'phong-qlcn',
        criteria: [{ frameworkId: 'par-so-mau', code: '1.1' }],
        title: 'Kế hoạch CCHC',
        dueDate: `${year}-09-30`,
      },
    });
    const table = await api('GET', `${base()}/score-table?unitId=phong-qlcn`, { as: 'leader' });
    expect(table.status, JSON.stringify(table.body)).toBe(200);
    expect(
      table.body.rows.filter((r: { leaf: boolean }) => r.leaf).map((r: { code: string }) => r.code),
    ).toEqual(['1.1']);
    const res = await api('POST', `${base()}/exports`, {
      as: 'leader',
      body: { parts: ['score-table'], unitId: 'phong-qlcn' },
    });
    expect(res.status).toBe(202);
    const view = await waitDone(`${base()}/exports/${res.body.job.jobId}`);
    expect(view.job).toMatchObject({ state: 'done', unitId: 'phong-qlcn' });
  });

  it('refusals and bad input write nothing and create no job', async () => {
    const before = await exportAudits();
    const member = await api('POST', `${base()}/exports`, { as: 'member', body: { parts: ['score-table'] } });
    expect(member.status).toBe(403);
    const parts = await api('POST', `${base()}/exports`, { as: 'leader', body: { parts: ['report-xyz'] } });
    expect(parts.status).toBe(400);
    expect(parts.body.error.issues[0].field).toMatch(/^body\.parts/);
    const unit = await api('POST', `${base()}/exports`, {
      as: 'leader',
      body: { parts: ['score-table'], unitId: 'khong-co' },
    });
    expect(unit.status).toBe(400);
    expect(unit.body.error.issues[0]).toMatchObject({ field: 'body.unitId' });
    const council = await api('POST', `/v1/cycles/${cycleId}/exports`, {
      as: 'leader',
      body: { parts: ['council-table'] },
    });
    expect(council.status).toBe(403);
    const otherJob = await api('GET', `${base()}/exports/01HZZZZZZZZZZZZZZZZZZZZZZZ`, { as: 'leader' });
    expect(otherJob.status).toBe(404);
    expect(await exportAudits()).toBe(before);
  });
});

describe("the council's cross-entity table", () => {
  it('a reviewer exports every entity of the cycle with self, appraised, projected, band, completeness and rank', async () => {
    const res = await api('POST', `/v1/cycles/${cycleId}/exports`, {
      as: 'reviewer',
      body: { parts: ['council-table'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const view = await waitDone(`/v1/cycles/${cycleId}/exports/${res.body.job.jobId}`, 'reviewer');
    expect(view.job.state).toBe('done');
    // An unscoped admin may read it too (a council table is otherwise its requester's).
    expect(
      (await api('GET', `/v1/cycles/${cycleId}/exports/${res.body.job.jobId}`, { as: 'admin' })).status,
    ).toBe(200);
    const { wb } = await workbookOf(view.downloads[0].url);
    const ws = wb.worksheets[0]!;
    const ranking = (await api('GET', `/v1/cycles/${cycleId}/readiness`, { as: 'reviewer' })).body;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) rows.push(row);
    });
    expect(rows).toHaveLength(ranking.entities.length);
    for (const [i, e] of ranking.entities.entries()) {
      expect(rows[i]!.getCell(1).value).toBe(e.rank);
      expect(cellNumber(rows[i]!.getCell(10).value)).toBeCloseTo(e.projectedIndexPercent, 2);
      expect(cellNumber(rows[i]!.getCell(12).value)).toBeCloseTo(e.completenessPercent, 2);
    }
  });
});

describe('npm run admin -- export-dossier', () => {
  it('writes the same score table from the command line (same use cases, job and audit)', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { REPO_ROOT } = await import('#infra/local/stack.ts');
    const { stack } = await import('./helpers.ts');
    const out = join(mkdtempSync(join(tmpdir(), 'minhchung-dossier-')), 'bang-diem.xlsx');
    const before = await exportAudits();
    const r = await promisify(execFile)(
      process.execPath,
      [
        'infra/admin/cli.ts',
        'export-dossier',
        cycleId,
        ENTITY,
        out,
        '--endpoint',
        stack.dynamo,
        '--table',
        stack.tableName,
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          S3_ENDPOINT: stack.s3,
          BUCKET_NAME: stack.bucket,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
        },
      },
    );
    expect(r.stdout).toContain('✔');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Bảng điểm')).toBeDefined();
    expect(await exportAudits()).toBeGreaterThanOrEqual(before);
  });
});

describe('the self-assessment report (.docx)', () => {
  const textsPath = () => `${base()}/report-texts`;
  const HIGHLIGHTS =
    'Ban hành kế hoạch CCHC đúng hạn & đầy đủ.\nTỷ lệ hồ sơ trực tuyến toàn trình đạt 92% <vượt chỉ tiêu>.';
  const PROPOSALS = 'Đề nghị Sở Nội vụ tổ chức tập huấn về Bộ chỉ số mới.';

  it('texts are saved with a version (stale → 409 with the current ones), audited, and last year’s offered', async () => {
    // Last year's cycle for the same entity, with texts of its own.
    const lastYear = await newCycle(year - 1);
    const prev = await api('PUT', `/v1/cycles/${lastYear}/entities/${ENTITY}/report-texts`, {
      as: 'leader',
      body: { highlights: 'Nội dung năm trước' },
    });
    expect(prev.status, JSON.stringify(prev.body)).toBe(200);
    const empty = await api('GET', textsPath(), { as: 'leader' });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ texts: null, previous: { highlights: 'Nội dung năm trước' } });
    expect(empty.body.defaults.recipients.length).toBeGreaterThan(0);

    const first = await api('PUT', textsPath(), { as: 'leader', body: { highlights: 'Bản nháp' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(1);
    const stale = await api('PUT', textsPath(), { as: 'leader', body: { highlights: 'Mất', version: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ highlights: 'Bản nháp', version: 1 });
    const saved = await api('PUT', textsPath(), {
      as: 'leader',
      body: {
        version: 1,
        highlights: HIGHLIGHTS,
        shortcomings: 'Một số phòng nộp báo cáo chậm.',
        solutions: 'Nhắc việc hằng tuần.',
        proposals: PROPOSALS,
        documentNumber: '125/BC-SKHCN',
        signerName: 'Nguyễn Văn A',
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(
      (await api('PUT', textsPath(), { as: 'member', body: { highlights: 'x', version: 2 } })).status,
    ).toBe(403);
    expect(
      (await api('PUT', textsPath(), { as: 'reviewer', body: { highlights: 'x', version: 2 } })).status,
    ).toBe(403);
    const bad = await api('PUT', textsPath(), {
      as: 'leader',
      body: { version: 2, recipients: 'không phải danh sách' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('body.recipients');
    const audit = await api('GET', `${base()}/audit?limit=100`, { as: 'admin' });
    expect(audit.body.items.filter((a: { action: string }) => a.action === 'report.texts')).toHaveLength(2);
  });

  let docx: Buffer;
  it('the export writes the report: the header of an administrative document, every figure equal to the API, the texts verbatim', async () => {
    const res = await api('POST', `${base()}/exports`, {
      as: 'leader',
      body: { parts: ['score-table', 'report'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const view = await waitDone(`${base()}/exports/${res.body.job.jobId}`);
    expect(view.job.state).toBe('done');
    const report = view.downloads.find((d: { part: string }) => d.part === 'report');
    expect(report.fileName).toMatch(/\.docx$/);
    docx = Buffer.from(await (await fetch(report.url)).arrayBuffer());
    // Well-formed XML; its text runs, joined per paragraph.
    const { xml, paragraphs } = await docxParagraphs(docx);
    const all = paragraphs.join('\n');
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      `Kết quả tự đánh giá, chấm điểm năm ${year}`,
      'Số: 125/BC-SKHCN',
      'Nguyễn Văn A',
      ...HIGHLIGHTS.split('\n'),
      PROPOSALS,
    ])
      expect(paragraphs, line).toContain(line);
    const { percentVi, pointsVi } = await import('#domain/report-model.ts');
    const r = (await api('GET', `${base()}/readiness`, { as: 'leader' })).body;
    expect(all).toContain(`Chỉ số dự kiến: ${percentVi(r.projectedIndexPercent)}`);
    expect(all).toContain(
      `Hoàn thành: ${percentVi(r.completenessPercent)} (${r.completeCount}/${r.criteriaCount}`,
    );
    expect(all).toContain(`trong đó ${r.completeByExplanationCount} tiêu chí dựa vào giải trình`);
    // The table by area: each area's projected points, as the API rolls them up (with survey points).
    for (const n of r.byNode.filter(
      (x: { depth: number; role: string }) => x.depth === 1 && x.role === 'regular',
    ))
      expect(paragraphs).toContain(pointsVi(n.projectedPoints + n.surveyPoints));
    // Survey, bonus and penalty points, and each unit's completion row, as the API gives them.
    expect(all).toContain(
      `điểm điều tra xã hội học đã có: ${pointsVi(r.surveyPoints)}/${pointsVi(r.surveyMaxPoints)} điểm; điểm thưởng ${pointsVi(r.bonusPoints)}, điểm trừ ${pointsVi(r.penaltyPoints)}.`,
    );
    const selfTotal = r.criteria.reduce(
      (sum: number, c: { selfScore?: number }) => sum + (c.selfScore ?? 0),
      0,
    );
    expect(all).toContain(`Tổng điểm tự chấm: ${pointsVi(selfTotal)}/${pointsVi(r.maxPoints)} điểm`);
    expect(all).toContain(`Độ phủ minh chứng: ${percentVi(r.evidenceCoveragePercent)}.`);
    const joined = paragraphs.join('|');
    for (const u of r.byUnit)
      expect(joined).toContain(
        `|${u.criteriaCount}|${u.completeCount}|${percentVi(u.completenessPercent)}|${pointsVi(u.projectedPoints)}|`,
      );
    // The criteria lacking evidence, with their explanation.
    expect(paragraphs).toContain('Quý II–IV đang tổng hợp');
    // A sample framework says so.
    expect(all).toContain('là bản mẫu');
    // A4 with the decree's margins (twips): top/bottom 20 mm, left 30 mm, right 15 mm.
    const section = /<w:sectPr>.*<\/w:sectPr>/.exec(xml)?.[0] ?? '';
    const attrs = (tag: string) =>
      Object.fromEntries(
        [...(new RegExp(`<w:${tag} ([^>]*)/>`).exec(section)?.[1] ?? '').matchAll(/w:(\w+)="(\d+)"/g)].map(
          (m) => [m[1], Number(m[2])],
        ),
      );
    expect(attrs('pgSz')).toMatchObject({ w: 11906, h: 16838 });
    expect(attrs('pgMar')).toMatchObject({ top: 1134, bottom: 1134, left: 1701, right: 850 });
  });

  it('opens cleanly in LibreOffice: converted to PDF, page 1 holds the motto and the headline figure', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'minhchung-report-'));
    writeFileSync(join(dir, 'bao-cao.docx'), docx);
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'bao-cao.docx'),
      ],
      {
        timeout: 120_000,
      },
    );
    await run('pdftotext', [
      '-f',
      '1',
      '-l',
      '1',
      '-layout',
      join(dir, 'bao-cao.pdf'),
      join(dir, 'page1.txt'),
    ]);
    const page1 = readFileSync(join(dir, 'page1.txt'), 'utf8').normalize('NFC');
    const { percentVi } = await import('#domain/report-model.ts');
    const r = (await api('GET', `${base()}/readiness`, { as: 'leader' })).body;
    expect(page1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page1).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(page1).toContain(`Chỉ số dự kiến: ${percentVi(r.projectedIndexPercent)}`);
  }, 150_000);
});

describe('the evidence package (.zip)', () => {
  // Fresh season of its own: the files here are the whole tree.
  const pkgYear = year + 1;
  let pkgCycle = '';
  const pbase = () => `/v1/cycles/${pkgCycle}/entities/${ENTITY}`;
  const big = Buffer.concat([pdf('lon'), Buffer.alloc(9 * 1024 * 1024, 7)]); // one full 8 MiB part and a tail
  let planned: { kept: string[]; binned: string; quarantined: string } = {
    kept: [],
    binned: '',
    quarantined: '',
  };

  beforeAll(async () => {
    pkgCycle = await newCycle(pkgYear);
    const { EICAR_SIGNATURE } = await import('#domain/malware.ts');
    const { ticketFor, putWithUrl, settled } = await import('./evidence-helpers.ts');
    const up = async (code: string, bytes: Buffer, meta: Record<string, unknown>) => {
      const t = await ticketFor(pkgCycle, code, bytes, meta);
      await putWithUrl(t.upload, bytes);
      return (await settled(pkgCycle, t.evidence.evidenceId)).evidence.evidenceId as string;
    };
    const a = await up('1.1', pdf('goi-a'), {
      title: 'Kế hoạch CCHC',
      documentNumber: '12/KH-SKHCN',
      fileName: 'a.pdf',
    });
    // Same number and title on the same criterion: the second is numbered, stably.
    const b = await up('1.1', pdf('goi-b'), {
      title: 'Kế hoạch CCHC',
      documentNumber: '12/KH-SKHCN',
      fileName: 'b.pdf',
    });
    const c = await up('1.2', big, { title: 'Báo cáo quý: tổng hợp?', fileName: 'bao-cao.pdf' });
    // One plan proves two criteria: stored once, under the first in framework order.
    expect((await api('PUT', `${pbase()}/evidence/${a}/links/2.1`, { as: 'member' })).status).toBe(200);
    const binned = await up('1.3', pdf('goi-thung-rac'), { title: 'Tài liệu đã xóa', fileName: 'x.pdf' });
    expect((await api('DELETE', `${pbase()}/evidence/${binned}`, { as: 'member' })).status).toBe(200);
    const quarantined = await up('1.3', pdf('goi-eicar', `${EICAR_SIGNATURE}\n`), {
      title: 'Nhiễm mã độc',
      fileName: 'v.pdf',
    });
    planned = { kept: [a, b, c], binned, quarantined };
  });

  it('holds the tree, the tables and manifests whose hashes equal the stored SHA-256 and the bytes; unzip -t and Python agree', async () => {
    const res = await api('POST', `${pbase()}/exports`, { as: 'leader', body: { parts: ['package'] } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.job.parts).toEqual(['package', 'report', 'score-table']);
    const view = await waitDone(`${pbase()}/exports/${res.body.job.jobId}`);
    expect(view.job.state, JSON.stringify(view.job.error)).toBe('done');
    const pkg = view.downloads.find((d: { part: string }) => d.part === 'package');
    expect(pkg.fileName).toMatch(/\.zip$/);
    const bytes = Buffer.from(await (await fetch(pkg.url)).arrayBuffer());
    expect(bytes.length).toBe(pkg.sizeBytes);
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'minhchung-pkg-')), 'goi.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    const listing = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          'import sys,json,zipfile,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({"names":[i.filename for i in z.infolist()],"utf8":all(i.flag_bits & 0x800 for i in z.infolist()),"sha":{i.filename:hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()},"manifest":json.loads(z.read("manifest.json"))}))',
          file,
        ],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      ),
    ) as {
      names: string[];
      utf8: boolean;
      sha: Record<string, string>;
      manifest: {
        files: { path: string; sha256: string | null; evidenceId: string | null; criteria: string[] }[];
      };
    };
    expect(listing.utf8).toBe(true);
    expect(listing.names.slice(0, 5).map((n) => n.replace(/^.*\./, ''))).toEqual([
      'xlsx',
      'docx',
      'csv',
      'json',
      'html',
    ]);
    const evidenceFiles = listing.manifest.files.filter((f) => f.evidenceId);
    expect(new Set(evidenceFiles.map((f) => f.evidenceId))).toEqual(new Set(planned.kept));
    for (const f of evidenceFiles) {
      const stored = (await api('GET', `${pbase()}/evidence/${f.evidenceId}`, { as: 'leader' })).body
        .evidence;
      expect(f.sha256).toBe(stored.files[0].current.sha256);
      expect(listing.sha[f.path]).toBe(f.sha256);
    }
    // Stored once under 1.1 (the first of 1.1 and 2.1), listed under both; the colliding name is numbered.
    const plan = evidenceFiles.filter((f) => f.evidenceId === planned.kept[0]);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.path).toMatch(/^1 [^/]+\/1\.1 [^/]+\/12-KH-SKHCN Kế hoạch CCHC\.pdf$/);
    expect(plan[0]!.criteria).toEqual(['1.1', '2.1']);
    expect(listing.names.some((n) => /\/12-KH-SKHCN Kế hoạch CCHC \(2\)\.pdf$/.test(n))).toBe(true);
    expect(listing.names.some((n) => n.endsWith('/Báo cáo quý- tổng hợp-.pdf'))).toBe(true);
    // The binned and the quarantined evidence are absent.
    expect(listing.names.some((n) => n.includes('Tài liệu đã xóa') || n.includes('Nhiễm mã độc'))).toBe(
      false,
    );
    // index.html links the plan under 2.1 too, to its one stored path.
    const { default: JSZip } = await import('jszip');
    const index = await (await JSZip.loadAsync(bytes)).file('index.html')!.async('string');
    expect(index.split(encodeURIComponent('12-KH-SKHCN Kế hoạch CCHC.pdf')).length - 1).toBe(2);
    // The score table names the same path.
    const table = (await api('GET', `${pbase()}/score-table`, { as: 'leader' })).body;
    expect(table.rows.find((r: { code: string }) => r.code === '2.1').evidence[0].path).toBe(plan[0]!.path);
  });

  it('stopped after every entry and continued from its checkpoint, the package is byte-for-byte the uninterrupted one', async () => {
    const { objectStore } = await import('#adapters/s3/object-store.ts');
    const { evidenceRepository } = await import('#adapters/dynamo/evidence-repository.ts');
    const { loadBundledFramework } = await import('#infra/local/bundled-frameworks.ts');
    const { packagePlan } = await import('#domain/evidence-package.ts');
    const { continuePackage, startPackage } = await import('#usecases/evidence-package.ts');
    const fw = loadBundledFramework('par-so-mau');
    const full = new Map(fw.nodes.map((n) => [n.code, n]));
    const leaves = fw.nodes.filter(
      (n) => !fw.nodes.some((m) => m.code.startsWith(`${n.code}.`)) && n.method !== 'survey',
    );
    const plan = packagePlan({
      readAt: '2026-12-03T05:00:00.000Z',
      entityName: 'Sở KH&CN',
      cycleName: 'Kỳ thử',
      leaves,
      areaOf: (code) => full.get(code.split('.')[0]!),
      evidence: await evidenceRepository.listByEntity(pkgCycle, ENTITY),
      policy: 'available',
      root: [],
    });
    const read = async (key: string) => {
      const chunks: Uint8Array[] = [];
      for await (const c of await objectStore.stream(key)) chunks.push(c);
      return Buffer.concat(chunks);
    };
    const noProgress = async () => {};
    const whole = `exports/it-${pkgCycle}/whole.zip`;
    const once = await continuePackage(
      { store: objectStore, remainingMs: () => Number.POSITIVE_INFINITY },
      whole,
      await startPackage({ store: objectStore, remainingMs: () => 0 }, whole, plan),
      noProgress,
    );
    expect(once.done).toBe(true);
    const resumed = `exports/it-${pkgCycle}/resumed.zip`;
    let state = await startPackage({ store: objectStore, remainingMs: () => 0 }, resumed, plan);
    let runs = 0;
    for (;;) {
      // A budget of 0: each run writes one entry, then checkpoints (the state travels as JSON, as in S3).
      const r = await continuePackage(
        { store: objectStore, remainingMs: () => 0 },
        resumed,
        state,
        noProgress,
      );
      runs++;
      if (r.done) break;
      state = JSON.parse(JSON.stringify(r.state));
    }
    expect(runs).toBeGreaterThan(3);
    const a = await read(whole);
    const b = await read(resumed);
    expect(b.length).toBe(a.length);
    expect(b.equals(a)).toBe(true);
  }, 120_000);
});

describe('the export worker continues a package across runs', () => {
  it('with no time left after each entry, it checkpoints, invokes itself, and ends with a whole archive whose size and SHA-256 the job records', async () => {
    const { exportRepository } = await import('#adapters/dynamo/export-repository.ts');
    const { reportTextsRepository } = await import('#adapters/dynamo/report-texts-repository.ts');
    const { readinessDeps } = await import('#composition/readiness-deps.ts');
    const { ulidIds } = await import('#adapters/runtime.ts');
    const { objectStore } = await import('#adapters/s3/object-store.ts');
    const { dossierSheets } = await import('#adapters/xlsx/dossier-sheets.ts');
    const { reportDocx } = await import('#adapters/docx/report-docx.ts');
    const { buildExport, requestEntityExport } = await import('#usecases/dossier.ts');
    const starts: string[] = [];
    const queued: string[] = [];
    const runner = {
      start: async (jobId: string) => {
        starts.push(jobId);
        queued.push(jobId);
      },
    };
    const deps = {
      ...readinessDeps,
      exports: exportRepository,
      reports: reportTextsRepository,
      store: objectStore,
      sheets: dossierSheets,
      reportWriter: reportDocx,
      runner,
      ids: ulidIds,
    };
    const admin = { userId: 'it-admin', role: 'admin' as const };
    const view = await requestEntityExport(
      deps,
      admin,
      { cycleId, entityId: ENTITY },
      { parts: ['package'] },
    );
    expect(queued).toEqual([view.job.jobId]);
    // Each run: one entry, then out of time; the next run is what the worker queued for itself.
    let runs = 0;
    while (queued.length) {
      const id = queued.shift()!;
      const job = await buildExport(deps, id, { remainingMs: () => 0 });
      runs++;
      if (job?.state === 'running') expect(job.packageCheckpoint).toMatch(/package-checkpoint-\d+\.json$/);
    }
    expect(runs).toBeGreaterThan(3);
    const done = await exportRepository.get(view.job.jobId);
    expect(done?.state).toBe('done');
    const pkg = done!.files.find((f) => f.part === 'package')!;
    const chunks: Uint8Array[] = [];
    for await (const c of await objectStore.stream(pkg.key)) chunks.push(c);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(pkg.sizeBytes);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pkg.sha256);
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'minhchung-pkg-runs-')), 'goi.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  }, 120_000);
});
