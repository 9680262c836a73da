/** Frameworks: read and export, two-step import (preview writes nothing), publish; versions never overwritten. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { FrameworkSheetCodec } from '#ports.ts';
import {
  downloadTemplate,
  exportFramework,
  getFrameworkVersion,
  importFramework,
  listFrameworks,
  listFrameworkVersions,
  publishFramework,
  XLSX_TYPE,
} from '#usecases/frameworks.ts';
import { actors, memoryPorts, NOW, rejection, type World, world } from './support.ts';

const node = (code: string, maxPoints: number, extra: Record<string, unknown> = {}) => ({
  code,
  title: { vi: `Tiêu chí ${code}`, en: `Criterion ${code}` },
  maxPoints,
  method: 'evidence',
  ...extra,
});
const doc = (extra: Record<string, unknown> = {}) => ({
  frameworkId: 'thu-nghiem',
  name: { vi: 'Bộ thử nghiệm', en: 'Test framework' },
  index: 'par',
  years: { from: 2024 },
  provenance: 'confirmed',
  nodes: [node('1', 3), node('1.1', 1), node('1.2', 2), node('2', 5, { method: 'survey' })],
  ...extra,
});

const sheets: FrameworkSheetCodec = {
  read: async () => {
    throw new Error('not used');
  },
  write: async (d) => new TextEncoder().encode(`xlsx:${d.frameworkId}:${d.nodes.length}`),
  template: async () => new Uint8Array([1]),
  withRows: (p) => p,
};

let w: World;
let deps: ReturnType<typeof memoryPorts> & { sheets: FrameworkSheetCodec };
beforeEach(() => {
  w = world();
  deps = { ...memoryPorts(w), sheets };
});
const json = (document: unknown, mode: 'preview' | 'commit' = 'commit', publish = false) => ({
  mode,
  publish,
  source: { format: 'json' as const, document },
});

describe('importFramework', () => {
  it('preview computes the plan and writes nothing', async () => {
    const plan = await importFramework(deps, actors.admin, json(doc(), 'preview'));
    expect(plan).toMatchObject({
      mode: 'preview',
      ok: true,
      action: 'create',
      framework: { frameworkId: 'thu-nghiem', version: 1, status: 'draft' },
      problems: [],
    });
    expect(plan.creates.map((c) => c.code)).toEqual(['1', '1.1', '1.2', '2']);
    expect(w.heads.size).toBe(0);
    expect(w.audit).toEqual([]);
  });

  it('commit stores version 1 as a draft with its head and audit entry', async () => {
    await importFramework(deps, actors.admin, json(doc()));
    expect(w.frameworks.get('thu-nghiem@1')).toMatchObject({
      status: 'draft',
      revision: 1,
      createdAt: NOW,
      createdBy: 'u-admin',
    });
    expect(w.heads.get('thu-nghiem')).toEqual({
      frameworkId: 'thu-nghiem',
      name: { vi: 'Bộ thử nghiệm', en: 'Test framework' },
      index: 'par',
      provenance: 'confirmed',
      latestVersion: 1,
      updatedAt: NOW,
      revision: 1,
    });
    expect(w.audit).toEqual([
      expect.objectContaining({
        action: 'framework.import',
        subject: 'framework/thu-nghiem/v1',
        after: expect.objectContaining({ status: 'draft', revision: 1, nodes: 4 }),
      }),
    ]);
  });

  it('re-importing the draft replaces it (revision 2); a published version is a conflict', async () => {
    await importFramework(deps, actors.admin, json(doc()));
    const again = await importFramework(deps, actors.admin, json(doc({ version: 1 })));
    expect(again.action).toBe('replace-draft');
    expect(w.frameworks.get('thu-nghiem@1')!.revision).toBe(2);
    await publishFramework(deps, actors.admin, 'thu-nghiem', 1);
    const e = await rejection(importFramework(deps, actors.admin, json(doc({ version: 1 }))));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as unknown as ConflictError).current).toEqual({
      frameworkId: 'thu-nghiem',
      version: 1,
      status: 'published',
    });
  });

  it('a version gap and an invalid tree are validation errors naming their fields; nothing written', async () => {
    const gap = await rejection(importFramework(deps, actors.admin, json(doc({ version: 3 }))));
    expect(gap).toBeInstanceOf(ValidationError);
    expect((gap as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['document.version']);
    const bad = await rejection(
      importFramework(deps, actors.admin, json(doc({ nodes: [node('1', 3), node('1.1', 1)] }))),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(w.frameworks.has('thu-nghiem@1')).toBe(false);
  });

  it('only admins import', async () => {
    expect(await rejection(importFramework(deps, actors.reviewer, json(doc())))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('publishFramework', () => {
  it('publishes a draft: who and when, head latestPublishedVersion, audit before/after', async () => {
    await importFramework(deps, actors.admin, json(doc()));
    const f = await publishFramework(deps, actors.admin, 'thu-nghiem', 1);
    expect(f).toMatchObject({ status: 'published', revision: 2, publishedAt: NOW, publishedBy: 'u-admin' });
    expect(w.heads.get('thu-nghiem')).toMatchObject({
      latestVersion: 1,
      latestPublishedVersion: 1,
      revision: 2,
    });
    expect(w.audit[1]).toMatchObject({
      action: 'framework.publish',
      before: { status: 'draft', revision: 1, nodes: 4 },
      after: expect.objectContaining({ status: 'published', revision: 2 }),
    });
  });

  it('publishing twice is a conflict; version 2 before version 1 is refused on path.version', async () => {
    await importFramework(deps, actors.admin, json(doc()));
    await importFramework(
      deps,
      actors.admin,
      json(doc({ version: 2, mapping: { fromVersion: 1, entries: [] } })),
    );
    const early = await rejection(publishFramework(deps, actors.admin, 'thu-nghiem', 2));
    expect((early as unknown as ValidationError).issues.map((i) => i.field)).toEqual(['path.version']);
    await publishFramework(deps, actors.admin, 'thu-nghiem', 1);
    expect(await rejection(publishFramework(deps, actors.admin, 'thu-nghiem', 1))).toBeInstanceOf(
      ConflictError,
    );
    expect((await publishFramework(deps, actors.admin, 'thu-nghiem', 2)).status).toBe('published');
    expect(w.heads.get('thu-nghiem')).toMatchObject({ latestVersion: 2, latestPublishedVersion: 2 });
  });

  it('a head changed by someone else meanwhile makes the write a conflict', async () => {
    await importFramework(deps, actors.admin, json(doc()));
    const racing = { ...deps, frameworks: { ...deps.frameworks } };
    racing.frameworks.getHead = async (id) => ({ ...w.heads.get(id)!, revision: 0 });
    expect(await rejection(publishFramework(racing, actors.admin, 'thu-nghiem', 1))).toBeInstanceOf(
      ConflictError,
    );
    expect(w.frameworks.get('thu-nghiem@1')!.status).toBe('draft');
  });

  it('unknown version → not found; leaders cannot publish', async () => {
    expect(await rejection(publishFramework(deps, actors.admin, 'thu-nghiem', 7))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(publishFramework(deps, actors.leaderA, 'par-so-mau', 1))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('reading and exporting', () => {
  beforeEach(async () => {
    await importFramework(deps, actors.admin, json(doc()));
  });

  it('everyone signed in lists frameworks and versions; an unknown framework is not found', async () => {
    expect((await listFrameworks(deps, actors.memberA1, 10)).items.map((h) => h.frameworkId)).toEqual([
      'thu-nghiem',
    ]);
    const versions = await listFrameworkVersions(deps, actors.memberA1, 'thu-nghiem', 10);
    expect(versions.items.map((v) => [v.version, v.status, v.nodeCount])).toEqual([[1, 'draft', 4]]);
    expect(await rejection(listFrameworkVersions(deps, actors.memberA1, 'khong-co', 10))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(getFrameworkVersion(deps, actors.memberA1, 'thu-nghiem', 2))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('JSON export is the document without its lifecycle fields; .xlsx goes through the sheet codec', async () => {
    const file = await exportFramework(deps, actors.reviewer, 'thu-nghiem', 1, 'json');
    expect(file.fileName).toBe('thu-nghiem-v1.json');
    const parsed = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(parsed).toMatchObject({ frameworkId: 'thu-nghiem', version: 1 });
    expect(parsed).not.toHaveProperty('status');
    expect(parsed).not.toHaveProperty('revision');
    const xlsx = await exportFramework(deps, actors.reviewer, 'thu-nghiem', 1, 'xlsx');
    expect([xlsx.fileName, xlsx.contentType, new TextDecoder().decode(xlsx.bytes)]).toEqual([
      'thu-nghiem-v1.xlsx',
      XLSX_TYPE,
      'xlsx:thu-nghiem:4',
    ]);
  });

  it('templates are named per kind', async () => {
    const t = { frameworkSheet: sheets, assignmentSheet: { template: async () => new Uint8Array([2]) } };
    expect((await downloadTemplate(t, actors.memberA1, 'framework')).fileName).toBe('mau-bo-tieu-chi.xlsx');
    const a = await downloadTemplate(t, actors.memberA1, 'assignments');
    expect([a.fileName, [...a.bytes]]).toEqual(['mau-giao-nhiem-vu.xlsx', [2]]);
  });
});
