/**
 * Frameworks, organization, cycles and assignments through the real gateway on DynamoDB Local: the seeded
 * plan, import preview → commit (JSON and .xlsx), export, version immutability, version mappings carried
 * into a new cycle's assignments, bulk assignment from a sheet. Ids are unique per run (shared database).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSIGNMENT_COLUMNS } from '#adapters/xlsx/assignment-sheet.ts';
import { frameworkSheet } from '#adapters/xlsx/framework-sheet.ts';
import { type FrameworkDocument, validateFrameworkDocument } from '#domain/framework.ts';
import { DEMO_ENTITY } from '#infra/local/demo-data.ts';
import { demoItems, seedDemo } from '#infra/local/seed.ts';
import { api, idToken, stack, USERS } from './helpers.ts';

const RUN = Date.now().toString(36);
const ENTITY = DEMO_ENTITY.entityId;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function download(path: string, as: keyof typeof USERS = 'admin') {
  const res = await fetch(`${stack.api}${path}`, {
    headers: { authorization: `Bearer ${await idToken(USERS[as])}` },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const node = (code: string, maxPoints: number, extra: Record<string, unknown> = {}) => ({
  code,
  title: { vi: `Tiêu chí ${code} — kiểm thử`, en: `Criterion ${code}` },
  maxPoints,
  method: 'evidence',
  ...extra,
});

const v1Doc = (frameworkId: string) => ({
  frameworkId,
  version: 1,
  name: { vi: 'Bộ chỉ số kiểm thử', en: 'Test index' },
  index: 'par',
  years: { from: 2030 },
  provenance: 'sample',
  totalPoints: 10,
  nodes: [
    node('1', 6),
    node('1.1', 2, { slots: [{ kind: 'ke-hoach', label: { vi: 'Kế hoạch', en: 'Plan' }, minCount: 1 }] }),
    node('1.2', 2),
    node('1.3', 2),
    node('2', 4, { method: 'survey' }),
  ],
});

const v2Doc = (frameworkId: string) => ({
  ...v1Doc(frameworkId),
  version: 2,
  nodes: [
    node('1', 6),
    node('1.1', 2, { slots: [{ kind: 'ke-hoach', label: { vi: 'Kế hoạch', en: 'Plan' }, minCount: 1 }] }),
    node('1.4', 2),
    node('1.5', 1),
    node('1.6', 1),
    node('2', 4, { method: 'survey' }),
  ],
  mapping: {
    fromVersion: 1,
    entries: [
      { kind: 'renamed', from: ['1.2'], to: ['1.4'] },
      { kind: 'split', from: ['1.3'], to: ['1.5', '1.6'] },
    ],
  },
});

const importJson = (document: unknown, mode: 'preview' | 'commit', publish = false) =>
  api('POST', '/v1/framework-imports', { as: 'admin', body: { format: 'json', mode, publish, document } });

const importXlsx = (bytes: Uint8Array, mode: 'preview' | 'commit', publish = false) =>
  api('POST', '/v1/framework-imports', {
    as: 'admin',
    body: { format: 'xlsx', mode, publish, fileBase64: Buffer.from(bytes).toString('base64') },
  });

const cycleBody = (frameworkId: string, version: number, year: number) => ({
  year,
  name: { vi: `Kỳ kiểm thử ${year}`, en: `Test cycle ${year}` },
  frameworkId,
  frameworkVersion: version,
  entityIds: [ENTITY],
  dates: {
    evidenceDue: `${year}-11-30`,
    selfAssessmentDue: `${year}-12-15`,
    appraisalStart: `${year}-12-18`,
    appraisalEnd: `${year + 1}-01-15`,
    publication: `${year + 1}-02-28`,
  },
});

describe('the seeded plan', () => {
  it('lists the bundled frameworks, paginated with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api(
        'GET',
        `/v1/frameworks?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((f: { frameworkId: string }) => f.frameworkId));
      cursor = res.body.next;
    } while (cursor);
    expect(seen).toEqual(
      expect.arrayContaining([
        'par-so-mau',
        'par-so-1187',
        'par-tinh-876',
        'par-tinh-2948',
        'papi',
        'sipas',
        'pci',
      ]),
    );
    const par = await api('GET', '/v1/frameworks/par-so-mau/versions/1');
    expect(par.body).toMatchObject({ status: 'published', provenance: 'sample', totalPoints: 100 });
    const versions = await api('GET', '/v1/frameworks/papi/versions');
    expect(versions.body.items).toEqual([expect.objectContaining({ version: 1, nodeCount: 36 })]);
    expect(versions.body.items[0].nodes).toBeUndefined();
  });

  it('has the organization tree: province → two departments → units', async () => {
    const all = await api('GET', '/v1/provinces/ninh-thuan/entities', { as: 'admin' });
    expect(all.body.items.map((e: { entityId: string }) => e.entityId).sort()).toEqual([
      'so-khcn-ninh-thuan',
      'so-tttt-ninh-thuan',
    ]);
    const own = await api('GET', '/v1/provinces/ninh-thuan/entities', { as: 'member' });
    expect(own.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['so-khcn-ninh-thuan']);
    const khcn = await api('GET', `/v1/entities/${ENTITY}`, { as: 'member' });
    expect(khcn.body.units.map((u: { name: { vi: string } }) => u.name.vi).sort()).toEqual([
      'Chi cục Tiêu chuẩn Đo lường Chất lượng',
      'Phòng Quản lý Công nghệ',
      'Phòng Quản lý Khoa học',
      'Văn phòng Sở',
    ]);
  });

  it('has the 2023 cycle with the plan’s 13 tasks, the SIPAS target and per-unit lists', async () => {
    const cycle = await api('GET', '/v1/cycles/cycle-2023');
    expect(cycle.body).toMatchObject({
      frameworkId: 'par-so-mau',
      timeZone: 'Asia/Ho_Chi_Minh',
      trackedFrameworks: [
        { frameworkId: 'papi', version: 1 },
        { frameworkId: 'sipas', version: 1 },
        { frameworkId: 'pci', version: 1 },
      ],
      reminderPolicy: expect.objectContaining({ sendAt: '08:00' }),
    });
    expect(cycle.body.entityIds).toHaveLength(2);
    const list = await api('GET', `/v1/cycles/cycle-2023/entities/${ENTITY}/assignments?limit=100`);
    const seeded = list.body.items.filter((a: { assignmentId: string }) =>
      a.assignmentId.startsWith('KH-2023-'),
    );
    expect(seeded).toHaveLength(13);
    const sipas = seeded.find((a: { assignmentId: string }) => a.assignmentId === 'KH-2023-10');
    expect(sipas.target).toEqual({ op: '>', value: 85, unit: '%' });
    const qlcn = await api(
      'GET',
      `/v1/cycles/cycle-2023/entities/${ENTITY}/assignments?unitId=phong-qlcn&limit=10`,
    );
    const due = qlcn.body.items.map((a: { dueDate: string }) => a.dueDate);
    expect(due).toEqual([...due].sort());
    expect(qlcn.body.items.map((a: { assignmentId: string }) => a.assignmentId)).toEqual(
      expect.arrayContaining(['KH-2023-01', 'KH-2023-02', 'KH-2023-03']),
    );
    // The other department's member sees none of this entity's tasks.
    const other = await api('GET', `/v1/cycles/cycle-2023/entities/${ENTITY}/assignments`, {
      token: await idToken('chuyenvien.tttt@minhchung.local'),
    });
    expect(other.status).toBe(403);
  });

  it("a member reads the cycle's framework label: name, version and sample provenance with its note", async () => {
    const cycle = await api('GET', '/v1/cycles/cycle-2023');
    expect(cycle.status).toBe(200);
    expect(cycle.body.framework).toMatchObject({
      frameworkId: 'par-so-mau',
      version: 1,
      name: { vi: expect.any(String), en: expect.any(String) },
      provenance: 'sample',
      provenanceNote: { vi: expect.any(String), en: expect.any(String) },
    });
    // The label is a projection: the tree stays in the table.
    expect(cycle.body.framework.nodes).toBeUndefined();
    const list = await api('GET', '/v1/cycles?limit=50');
    const listed = list.body.items.find((c: { cycleId: string }) => c.cycleId === 'cycle-2023');
    expect(listed.framework).toEqual(cycle.body.framework);
  });

  it('seeding again writes nothing (conditional puts) and stays fast', async () => {
    const started = performance.now();
    const again = await seedDemo();
    expect(again.written).toBe(0);
    expect(again.skipped).toBe(demoItems().length);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('serves the blank templates to anyone signed in', async () => {
    for (const kind of ['framework', 'assignments']) {
      const res = await download(`/v1/templates/${kind}`, 'member');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="mau-/);
      expect(Buffer.from(res.bytes.subarray(0, 2)).toString()).toBe('PK');
    }
  });
});

describe('framework import: preview, then commit', () => {
  const id = `kiem-thu-${RUN}`;

  it('a preview lists every problem by node and writes nothing; a commit of it is refused', async () => {
    const broken = { ...v1Doc(id), nodes: [...v1Doc(id).nodes, node('3.1', 1), node('1.2', -1)] };
    const preview = await importJson(broken, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(false);
    expect(
      preview.body.problems.map((p: { kind: string; nodeCode: string }) => [p.kind, p.nodeCode]),
    ).toEqual(
      expect.arrayContaining([
        ['orphan', '3.1'],
        ['points_negative', '1.2'],
      ]),
    );
    const commit = await importJson(broken, 'commit');
    expect(commit.status).toBe(400);
    expect(commit.body.error.issues.length).toBeGreaterThanOrEqual(2);
    expect((await api('GET', `/v1/frameworks/${id}/versions/1`)).status).toBe(404);
  });

  it('previews what will be created, then commits a draft, then publishes it', async () => {
    const preview = await importJson(v1Doc(id), 'preview');
    expect(preview.body).toMatchObject({ ok: true, action: 'create', problems: [] });
    expect(preview.body.creates.map((c: { code: string }) => c.code)).toEqual([
      '1',
      '1.1',
      '1.2',
      '1.3',
      '2',
    ]);
    expect((await api('GET', `/v1/frameworks/${id}/versions/1`)).status).toBe(404);

    const commit = await importJson(v1Doc(id), 'commit');
    expect(commit.status).toBe(200);
    expect((await api('GET', `/v1/frameworks/${id}/versions/1`)).body.status).toBe('draft');
    // A draft can be replaced.
    const again = await importJson(
      { ...v1Doc(id), name: { vi: 'Bộ chỉ số kiểm thử (sửa)', en: 'Test index (edited)' } },
      'commit',
    );
    expect(again.body.action).toBe('replace-draft');

    const published = await api('POST', `/v1/frameworks/${id}/publications`, {
      as: 'admin',
      body: { version: 1 },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', revision: 3 });
    // Members may not publish or import.
    expect((await api('POST', '/v1/framework-imports', { as: 'member', body: {} })).status).toBe(403);
  });

  it('a published version is immutable: import and publish are refused with 409', async () => {
    const rewrite = await importJson({ ...v1Doc(id), name: { vi: 'Ghi đè', en: 'Overwrite' } }, 'commit');
    expect(rewrite.status).toBe(409);
    expect(rewrite.body.error.code).toBe('CONFLICT');
    const preview = await importJson({ ...v1Doc(id), name: { vi: 'Ghi đè', en: 'Overwrite' } }, 'preview');
    expect(preview.body.problems.map((p: { kind: string }) => p.kind)).toContain('version_published');
    const bundled = await api('GET', '/v1/frameworks/par-so-mau/versions/1');
    const {
      status: _s,
      revision: _r,
      createdAt: _c,
      createdBy: _cb,
      publishedAt: _p,
      publishedBy: _pb,
      nodeCount: _n,
      ...doc
    } = bundled.body;
    expect((await importJson(doc, 'commit')).status).toBe(409);
    expect(
      (await api('POST', `/v1/frameworks/${id}/publications`, { as: 'admin', body: { version: 1 } })).status,
    ).toBe(409);
    expect((await api('GET', `/v1/frameworks/${id}/versions/1`)).body.name.vi).toBe(
      'Bộ chỉ số kiểm thử (sửa)',
    );
  });

  it('exports the version as .xlsx and JSON; the sheet imports back to the same document', async () => {
    const xlsx = await download(`/v1/frameworks/${id}/versions/1/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const read = await frameworkSheet.read(xlsx.bytes);
    const json = await download(`/v1/frameworks/${id}/versions/1/export?format=json`);
    const exported = JSON.parse(Buffer.from(json.bytes).toString('utf8')) as FrameworkDocument;
    const fromSheet = validateFrameworkDocument(read.document);
    expect(fromSheet.ok && fromSheet.document).toEqual(exported);
    expect(exported).not.toHaveProperty('status');
  });
});

describe('framework import from a spreadsheet', () => {
  const id = `bang-tinh-${RUN}`;

  it('lists problems with their row numbers, then commits and publishes a good sheet', async () => {
    const good = validateFrameworkDocument(v1Doc(id));
    if (!good.ok) throw new Error('fixture');
    const bytes = await frameworkSheet.write(good.document);
    // Break one cell: the max points of 1.1 (a row below the metadata block) become text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let row11 = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === '1.1') row11 = n;
    });
    ws.getCell(row11, 4).value = 'hai';
    const broken = new Uint8Array(await wb.xlsx.writeBuffer());

    const preview = await importXlsx(broken, 'preview');
    expect(preview.body.ok).toBe(false);
    expect(preview.body.problems).toContainEqual(expect.objectContaining({ row: row11, nodeCode: '1.1' }));
    const refused = await importXlsx(broken, 'commit');
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].field).toBe(`file.rows.${row11}`);

    const okPreview = await importXlsx(bytes, 'preview', true);
    expect(okPreview.body).toMatchObject({
      ok: true,
      framework: { frameworkId: id, version: 1, status: 'published' },
    });
    expect(okPreview.body.creates[0].row).toBeGreaterThan(row11 - 2);
    const commit = await importXlsx(bytes, 'commit', true);
    expect(commit.status).toBe(200);
    const stored = await api('GET', `/v1/frameworks/${id}/versions/1`);
    expect(stored.body.status).toBe('published');
    expect(stored.body.nodes[1].title.vi).toBe('Tiêu chí 1.1 — kiểm thử');
  });
});

describe('versions, cycles and carrying assignments forward', () => {
  const id = `phien-ban-${RUN}`;
  let oldCycle: string;

  beforeAll(async () => {
    expect((await importJson(v1Doc(id), 'commit', true)).status).toBe(200);
    const c = await api('POST', '/v1/cycles', { as: 'admin', body: cycleBody(id, 1, 2030) });
    expect(c.status).toBe(201);
    oldCycle = c.body.cycleId;
  });

  it('creates assignments and refuses unknown criteria, units and other entities’ writers', async () => {
    const path = `/v1/cycles/${oldCycle}/entities/${ENTITY}/assignments`;
    const ok = await api('POST', path, {
      as: 'admin',
      body: {
        assignmentId: 'NV-01',
        unitId: 'phong-qlcn',
        title: 'Báo cáo quý và kế hoạch',
        dueDate: '2030-10-31',
        criteria: [
          { frameworkId: id, code: '1.2' },
          { frameworkId: id, code: '1.3' },
        ],
        target: { op: '>=', value: 4, unit: 'báo cáo' },
      },
    });
    expect(ok.status).toBe(201);
    const bad = await api('POST', path, {
      as: 'admin',
      body: {
        unitId: 'phong-khong-co',
        title: 'x',
        dueDate: '2030-10-31',
        criteria: [{ frameworkId: id, code: '9.9' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.unitId',
      'body.criteria.0.code',
    ]);
    const { cycleId: _c, entityId: _e, version: _v, createdAt: _a, createdBy: _b, ...same } = ok.body;
    const twice = await api('POST', path, { as: 'admin', body: same });
    expect(twice.status).toBe(409);

    // Changing it: conditional on its version, checked like a new one, the unit index follows.
    const patched = await api('PATCH', `${path}/NV-01`, {
      as: 'admin',
      body: { version: 1, unitId: 'phong-qlkh', dueDate: '2030-09-30' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, unitId: 'phong-qlkh', target: { op: '>=', value: 4 } });
    const byUnit = await api('GET', `${path}?unitId=phong-qlkh`, { as: 'admin' });
    expect(byUnit.body.items.map((a: { assignmentId: string }) => a.assignmentId)).toEqual(['NV-01']);
    expect((await api('GET', `${path}?unitId=phong-qlcn`, { as: 'admin' })).body.items).toEqual([]);
    const stale = await api('PATCH', `${path}/NV-01`, { as: 'admin', body: { version: 1, title: 'Cũ' } });
    expect(stale.status).toBe(409);
    const wrong = await api('PATCH', `${path}/NV-01`, {
      as: 'admin',
      body: { version: 2, criteria: [{ frameworkId: id, code: '7.7' }] },
    });
    expect(wrong.status).toBe(400);
    const back = await api('PATCH', `${path}/NV-01`, {
      as: 'admin',
      body: { version: 2, unitId: 'phong-qlcn', dueDate: '2030-10-31' },
    });
    expect(back.body.version).toBe(3);
  });

  it('a new version maps codes; the old cycle keeps v1; assignments carry forward through the mapping', async () => {
    const preview = await importJson(v2Doc(id), 'preview');
    expect(preview.body).toMatchObject({ ok: true, action: 'create', framework: { version: 2 } });
    // The preview returns the file's mapping, so the admin sees it before committing.
    expect(preview.body.mapping).toEqual(v2Doc(id).mapping);
    // A file without a version number becomes the next version.
    const unnumbered = await importJson({ ...v2Doc(id), version: undefined }, 'preview');
    expect(unnumbered.body).toMatchObject({ ok: true, framework: { version: 2 } });
    const skipping = await importJson({ ...v2Doc(id), version: 3 }, 'preview');
    expect(skipping.body.problems.map((p: { kind: string }) => p.kind)).toContain('version_gap');
    const badMapping = await importJson(
      { ...v2Doc(id), mapping: { fromVersion: 1, entries: [{ kind: 'removed', from: ['7.7'] }] } },
      'preview',
    );
    expect(badMapping.body.problems.map((p: { kind: string }) => p.kind)).toContain('mapping_unknown_from');
    expect((await importJson(v2Doc(id), 'commit', true)).status).toBe(200);

    // The cycle opened on v1 still reads v1: frameworks are not part of a cycle update.
    const before = await api('GET', `/v1/cycles/${oldCycle}`, { as: 'admin' });
    const patch = await api('PATCH', `/v1/cycles/${oldCycle}`, {
      as: 'admin',
      body: { version: before.body.version, evidencePolicy: 'accepted', frameworkVersion: 2 },
    });
    expect(patch.status).toBe(400);
    const updated = await api('PATCH', `/v1/cycles/${oldCycle}`, {
      as: 'admin',
      body: { version: before.body.version, evidencePolicy: 'accepted' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      frameworkVersion: 1,
      evidencePolicy: 'accepted',
      version: before.body.version + 1,
    });
    const stale = await api('PATCH', `/v1/cycles/${oldCycle}`, {
      as: 'admin',
      body: { version: before.body.version, evidencePolicy: 'available' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(before.body.version + 1);

    const next = await api('POST', '/v1/cycles', { as: 'admin', body: cycleBody(id, 2, 2031) });
    const carryPath = `/v1/cycles/${next.body.cycleId}/entities/${ENTITY}/assignment-carry-forward`;
    const dry = await api('POST', carryPath, { as: 'admin', body: { fromCycleId: oldCycle, dryRun: true } });
    expect(dry.body.created).toEqual([
      {
        assignmentId: 'NV-01',
        unitId: 'phong-qlcn',
        dueDate: '2031-10-31',
        criteria: [
          { frameworkId: id, code: '1.4' },
          { frameworkId: id, code: '1.5' },
          { frameworkId: id, code: '1.6' },
        ],
      },
    ]);
    const listPath = `/v1/cycles/${next.body.cycleId}/entities/${ENTITY}/assignments`;
    expect((await api('GET', listPath)).body.items).toEqual([]);
    const done = await api('POST', carryPath, { as: 'admin', body: { fromCycleId: oldCycle } });
    expect(done.body.created).toHaveLength(1);
    expect((await api('GET', listPath)).body.items[0].target).toEqual({
      op: '>=',
      value: 4,
      unit: 'báo cáo',
    });
    // Idempotent: a second run finds it there.
    const twice = await api('POST', carryPath, { as: 'admin', body: { fromCycleId: oldCycle } });
    expect(twice.body).toMatchObject({ created: [], alreadyThere: ['NV-01'] });
  });
});

describe('bulk assignment from a spreadsheet', () => {
  let cycleId: string;
  beforeAll(async () => {
    const c = await api('POST', '/v1/cycles', { as: 'admin', body: { ...cycleBody('par-so-mau', 1, 2032) } });
    cycleId = c.body.cycleId;
  });

  async function sheet(rows: (string | Date | undefined)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.addRow(ASSIGNMENT_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  const post = (fileBase64: string, mode: 'preview' | 'commit') =>
    api('POST', `/v1/cycles/${cycleId}/entities/${ENTITY}/assignment-imports`, {
      as: 'admin',
      body: { mode, fileBase64 },
    });

  it('previews with row-level problems, refuses to commit them, then commits a clean file once', async () => {
    const bad = await sheet([
      [
        'A-1',
        'Phòng Quản lý Khoa học',
        '8.4, papi:1.1',
        'Theo dõi chương trình KH&CN',
        '',
        '15/11/2032',
        '',
        '',
      ],
      ['A-2', 'Phòng Không Tồn Tại', '1.1', 'Kế hoạch', '', '30/11/2032', '', ''],
      ['A-3', 'Văn phòng Sở', '9.9', 'Tiêu chí lạ', '', '31/02/2032', 'nhiều', ''],
      ['A-1', 'van-phong-so', '1.1', 'Trùng mã', '', new Date(Date.UTC(2032, 10, 1)), '', ''],
    ]);
    const preview = await post(bad, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(false);
    const rows = (field: string) =>
      preview.body.problems
        .filter((p: { field: string }) => p.field.endsWith(field))
        .map((p: { row: number }) => p.row);
    // papi is not a framework of this cycle: row 2 is refused for it.
    expect(preview.body.problems.map((p: { row: number }) => p.row)).toEqual(
      expect.arrayContaining([2, 3, 4, 5]),
    );
    expect(rows('unit')).toEqual([3]);
    expect(rows('target')).toEqual([4]);
    expect(rows('assignmentId')).toEqual([5]);
    const refused = await post(bad, 'commit');
    expect(refused.status).toBe(400);

    const good = await sheet([
      [
        'B-1',
        'Phòng Quản lý Khoa học',
        '8.4; 8.2',
        'Theo dõi chương trình KH&CN',
        'Nguyên văn kế hoạch',
        '15/11/2032',
        '',
        'KH 2032',
      ],
      ['B-2', 'Văn phòng Sở', '3.6\n8.5', 'Khảo sát hài lòng', '', '2032-11-30', 'trên 85%', ''],
    ]);
    const ok = await post(good, 'preview');
    expect(ok.body).toMatchObject({ ok: true, problems: [] });
    expect(ok.body.creates.map((c: { row: number; unitId: string }) => [c.row, c.unitId])).toEqual([
      [2, 'phong-qlkh'],
      [3, 'van-phong-so'],
    ]);
    expect((await post(good, 'commit')).status).toBe(200);
    const list = await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/assignments`);
    expect(list.body.items.find((a: { assignmentId: string }) => a.assignmentId === 'B-2').target).toEqual({
      op: '>',
      value: 85,
      unit: '%',
    });
    const again = await post(good, 'preview');
    expect(again.body).toMatchObject({
      ok: true,
      creates: [],
      unchanged: [{ row: 2 }, { row: 3 }].map((r) => expect.objectContaining(r)),
    });
  });
});
