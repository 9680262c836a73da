/**
 * The dossier on the in-memory adapters: export requests keyed by what they read (same data → same job),
 * the worker that builds the files (idempotent, checkpointed packages), downloads, the council table's scope.
 */
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, type ValidationError } from '#domain/errors.ts';
import type { DossierSheets, ExportRunner, ReportWriter } from '#ports.ts';
import {
  buildExport,
  getExport,
  getScoreTable,
  requestCycleExport,
  requestEntityExport,
} from '#usecases/dossier.ts';
import { actors, evidenceOf, NOW, putEvidence, rejection, seededAdapters, trail } from './support.ts';

type Adapters = Awaited<ReturnType<typeof seededAdapters>>;
let a: Adapters;
const sheets: DossierSheets = {
  scoreTable: async (table, meta) =>
    new TextEncoder().encode(`score:${meta.entityName}:${table.rows.length}`),
  councilTable: async (rows) => new TextEncoder().encode(`council:${rows.map((r) => r.entityId).join(',')}`),
};
const reportWriter: ReportWriter = {
  report: async (m) => new TextEncoder().encode(`report:${m.issuingBody}:${m.placeDate}`),
};
let deps: Adapters & {
  runner: ExportRunner & { started: string[] };
  sheets: DossierSheets;
  reportWriter: ReportWriter;
  downloadUrlTtlSeconds: number;
};
beforeEach(async () => {
  a = await seededAdapters();
  deps = { ...a, runner: a.exportRunner, sheets, reportWriter, downloadUrlTtlSeconds: 300 };
});
const A = { cycleId: 'c-2026', entityId: 'so-a' };
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('requestEntityExport', () => {
  it('queues a job with the implied parts, audits it and starts the worker', async () => {
    const v = await requestEntityExport(deps, actors.leaderA, A, { parts: ['package'] });
    expect(v).toMatchObject({ reused: false, expired: false, downloads: [] });
    expect(v.job).toMatchObject({
      jobId: '01J00000000000000000000001',
      scope: 'entity',
      ...A,
      parts: ['package', 'report', 'score-table'],
      state: 'queued',
      requestedAt: NOW,
      expiresAt: '2026-03-09T03:00:00.000Z',
      requestedBy: { userId: 'u-leader-a', role: 'leader', entityId: 'so-a', unitId: 'phong-1' },
    });
    expect(a.exportRunner.started).toEqual([v.job.jobId]);
    expect((await trail(a)).map((e) => [e.action, e.subject])).toEqual([
      ['export.request', `export/${v.job.jobId}`],
    ]);
  });

  it('the same request on unchanged data answers the same job; changed data makes a new one', async () => {
    const first = await requestEntityExport(deps, actors.leaderA, A, { parts: ['score-table'] });
    const again = await requestEntityExport(deps, actors.admin, A, { parts: ['score-table'] });
    expect([again.reused, again.job.jobId]).toEqual([true, first.job.jobId]);
    await putEvidence(a, evidenceOf({ evidenceId: 'e1' }));
    const changed = await requestEntityExport(deps, actors.leaderA, A, { parts: ['score-table'] });
    expect(changed.reused).toBe(false);
    expect(changed.job.key).not.toBe(first.job.key);
    expect(a.exportRunner.started).toHaveLength(2);
  });

  it("two identical requests at once make one job: the loser answers the winner's job", async () => {
    const [x, y] = await Promise.all([
      requestEntityExport(deps, actors.leaderA, A, { parts: ['report'] }),
      requestEntityExport(deps, actors.leaderA, A, { parts: ['report'] }),
    ]);
    expect(x.job.jobId).toBe(y.job.jobId);
    expect([x.reused, y.reused].sort()).toEqual([false, true]);
    expect(a.exportRunner.started).toEqual([x.job.jobId]);
    expect((await trail(a)).filter((e) => e.action === 'export.request')).toHaveLength(1);
  });

  it('a worker that cannot start marks the job failed, so the next request makes a new one', async () => {
    const refusing = {
      ...deps,
      runner: { started: [], start: async () => Promise.reject(new Error('throttled')) },
    };
    await expect(requestEntityExport(refusing, actors.leaderA, A, { parts: ['report'] })).rejects.toThrow(
      'throttled',
    );
    expect((await a.exports.get('01J00000000000000000000001'))?.state).toBe('failed');
    const retry = await requestEntityExport(deps, actors.leaderA, A, { parts: ['report'] });
    expect([retry.reused, retry.job.state]).toEqual([false, 'queued']);
  });

  it('members may not export; another entity is refused; a unit of another entity is invalid', async () => {
    expect(
      await rejection(requestEntityExport(deps, actors.memberA1, A, { parts: ['report'] })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(requestEntityExport(deps, actors.leaderB, A, { parts: ['report'] })),
    ).toBeInstanceOf(ForbiddenError);
    const unit = await rejection(
      requestEntityExport(deps, actors.leaderA, A, { parts: ['report'], unitId: 'phong-b1' }),
    );
    expect((unit as unknown as ValidationError).issues[0]!.field).toBe('body.unitId');
    expect(a.exportRunner.started).toEqual([]);
  });
});

describe('buildExport and getExport', () => {
  it('builds the score table and report, marks the job done; downloads are presigned until expiry', async () => {
    const { job } = await requestEntityExport(deps, actors.leaderA, A, { parts: ['score-table', 'report'] });
    const built = await buildExport(deps, job.jobId);
    expect(built).toMatchObject({ state: 'done', attempts: 1, readAt: NOW, progress: { percent: 100 } });
    expect(built!.files.map((f) => [f.part, f.key])).toEqual([
      ['score-table', `exports/${job.jobId}/score-table.xlsx`],
      ['report', `exports/${job.jobId}/report.docx`],
    ]);
    expect(text(a.store.bytes(`exports/${job.jobId}/report.docx`))).toBe(
      'report:SỞ KHOA HỌC VÀ CÔNG NGHỆ:Khánh Hòa, ngày 02 tháng 3 năm 2026',
    );
    expect(text(a.store.bytes(`exports/${job.jobId}/score-table.xlsx`))).toMatch(
      /^score:Sở Khoa học và Công nghệ:\d+$/,
    );
    // Idempotent: a done job is left alone.
    expect(await buildExport(deps, job.jobId)).toEqual(built);
    const view = await getExport(deps, actors.reviewer, { ...A, jobId: job.jobId });
    expect(view.downloads.map((d) => [d.part, d.expiresAt])).toEqual([
      ['score-table', '2026-03-02T03:05:00.000Z'],
      ['report', '2026-03-02T03:05:00.000Z'],
    ]);
    a.clock.set('2026-03-09T03:00:00.000Z');
    expect(await getExport(deps, actors.reviewer, { ...A, jobId: job.jobId })).toMatchObject({
      expired: true,
      downloads: [],
    });
  });

  it('a job of another entity or cycle is not found by this path', async () => {
    const { job } = await requestEntityExport(deps, actors.leaderA, A, { parts: ['report'] });
    expect(
      await rejection(
        getExport(deps, actors.admin, { cycleId: 'c-2026', entityId: 'so-b', jobId: job.jobId }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await rejection(getExport(deps, actors.admin, { ...A, jobId: 'nope' }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('the last failing attempt marks the job failed; earlier ones throw for a retry', async () => {
    const { job } = await requestEntityExport(deps, actors.leaderA, A, { parts: ['report'] });
    const broken = {
      ...deps,
      reportWriter: { report: async () => Promise.reject(new Error('docx failed')) },
    };
    await expect(buildExport(broken, job.jobId, undefined, 2)).rejects.toThrow('docx failed');
    const failed = await buildExport(broken, job.jobId, undefined, 2);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    expect(await buildExport(deps, job.jobId)).toMatchObject({ state: 'failed' });
  });

  it('a package too large for one run is checkpointed, the next run started, and finished by it', async () => {
    await putEvidence(a, evidenceOf({ evidenceId: 'e1' }));
    const { job } = await requestEntityExport(deps, actors.leaderA, A, { parts: ['package'] });
    const first = await buildExport(deps, job.jobId, { remainingMs: () => 0 });
    expect(first).toMatchObject({ state: 'running', attempts: 0 });
    expect(first!.packageCheckpoint).toBe(`exports/${job.jobId}/package-checkpoint-1.json`);
    expect(a.exportRunner.started).toEqual([job.jobId, job.jobId]);
    let done = first;
    for (let i = 0; i < 20 && done?.state === 'running'; i++)
      done = await buildExport(deps, job.jobId, { remainingMs: () => 0 });
    expect(done?.state).toBe('done');
    const pkg = done!.files.find((f) => f.part === 'package')!;
    const zip = await JSZip.loadAsync(a.store.bytes(pkg.key)!);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['manifest.json', 'index.html']));
    expect(Object.keys(zip.files).some((p) => p.endsWith('.pdf'))).toBe(true);
  });
});

describe('council table', () => {
  it('a province-scoped reviewer gets a table of their province only; only they read the job', async () => {
    const { job } = await requestCycleExport(deps, actors.reviewerHN, 'c-2026', { parts: ['council-table'] });
    const built = await buildExport(deps, job.jobId);
    expect(text(a.store.bytes(built!.files[0]!.key))).toBe('council:so-hn');
    expect(
      (await getExport(deps, actors.reviewerHN, { cycleId: 'c-2026', jobId: job.jobId })).downloads,
    ).toHaveLength(1);
    expect(
      await rejection(getExport(deps, actors.reviewer, { cycleId: 'c-2026', jobId: job.jobId })),
    ).toBeInstanceOf(NotFoundError);
    expect((await getExport(deps, actors.admin, { cycleId: 'c-2026', jobId: job.jobId })).job.jobId).toBe(
      job.jobId,
    );
  });

  it('leaders cannot ask for it; an unknown cycle is not found', async () => {
    expect(
      await rejection(requestCycleExport(deps, actors.leaderA, 'c-2026', { parts: ['council-table'] })),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(requestCycleExport(deps, actors.admin, 'nope', { parts: ['council-table'] })),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('getScoreTable', () => {
  it('reads now; a unit outside the entity is refused on query.unitId', async () => {
    const t = await getScoreTable(deps, actors.leaderA, A, undefined);
    expect([t.cycleId, t.entityId, t.readAt]).toEqual(['c-2026', 'so-a', NOW]);
    expect(t.rows.length).toBeGreaterThan(10);
    const e = await rejection(getScoreTable(deps, actors.leaderA, A, 'phong-b1'));
    expect((e as unknown as ValidationError).issues[0]!.field).toBe('query.unitId');
  });
});
