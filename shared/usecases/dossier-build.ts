/**
 * The export worker (docs/dossier.md): run in the background, it reads the data again, records that moment,
 * computes readiness exactly as the readiness API does and writes the job's files — the score table, the
 * report, the evidence package (checkpointed across runs when too large for one) or the council table.
 */
import type { Actor } from '#domain/actor.ts';
import { type ExportJob, type ExportPart, exportFileName, partExtension, STEPS } from '#domain/dossier.ts';
import { packagePlan } from '#domain/evidence-package.ts';
import { type FrameworkLabel, frameworkLabelOf } from '#domain/framework-label.ts';
import { objectKeys } from '#domain/object-keys.ts';
import type { Entity } from '#domain/organization.ts';
import { applicableTree, FORMULA_VERSION, type Readiness, rankEntities } from '#domain/readiness.ts';
import { buildReportModel } from '#domain/report-model.ts';
import type { CouncilRow } from '#domain/score-table.ts';
import { localDate } from '#domain/working-days.ts';
import type {
  DossierSheets,
  ExportRunner,
  ObjectStore,
  ReportTextsRepository,
  ReportWriter,
} from '#ports.ts';
import {
  cycleAndFramework,
  type DossierDeps,
  readEntity,
  scoreTableOf,
  sha256,
  visibleEntities,
} from './dossier-reading.ts';
import { continuePackage, type PackageState, startPackage } from './evidence-package.ts';
import { loadEntityContext } from './scoring-context.ts';

export interface BuildDeps extends DossierDeps {
  store: ObjectStore;
  sheets: DossierSheets;
  reports: ReportTextsRepository;
  reportWriter: ReportWriter;
  /** Starts the next run of a package too large for one (the worker invokes itself). */
  runner: ExportRunner;
}

/** How long this run may still work before it checkpoints (Lambda: the time left, less a margin). */
export interface RunBudget {
  remainingMs: () => number;
}

/**
 * Builds a job's files. Idempotent: a job already done, failed or expired is left as it is; a retried run
 * (Lambda's async retries) picks up a job left running. The last attempt that fails marks the job failed.
 */
export async function buildExport(
  deps: BuildDeps,
  jobId: string,
  budget: RunBudget = { remainingMs: () => Number.POSITIVE_INFINITY },
  maxAttempts = 3,
): Promise<ExportJob | undefined> {
  let job = await deps.exports.get(jobId);
  if (!job || job.state === 'done' || job.state === 'failed') return job;
  const start = deps.clock.now();
  if (Date.parse(job.expiresAt) <= start.getTime()) return job;
  /** Writes a change to the job as it is now (conditional on its state), and keeps the result. */
  const save: Save = async (patch) => {
    const next = { ...job!, ...patch, updatedAt: deps.clock.now().toISOString() };
    await deps.exports.update(next, job!.state);
    job = next;
  };
  await save({
    state: 'running',
    attempts: job.attempts + 1,
    startedAt: job.startedAt ?? start.toISOString(),
    progress: { percent: 5, step: STEPS.reading },
  });
  try {
    const files =
      job.scope === 'entity'
        ? await entityFiles(deps, job, save, () => job!, budget)
        : await councilFiles(deps, job, save);
    // A package too large for one run: checkpointed, and the next run started.
    if (files === 'continue') return job;
    await save({
      state: 'done',
      files,
      finishedAt: deps.clock.now().toISOString(),
      progress: { percent: 100, step: STEPS.done },
      formulaVersion: FORMULA_VERSION,
    });
    return job;
  } catch (e) {
    if (job.attempts >= maxAttempts) {
      await save({
        state: 'failed',
        finishedAt: deps.clock.now().toISOString(),
        progress: { percent: job.progress.percent, step: STEPS.failed },
        error: {
          vi: 'Không lập được hồ sơ sau nhiều lần thử. Vui lòng yêu cầu lại; nếu vẫn lỗi, báo quản trị viên.',
          en: 'The export failed after several attempts. Request it again; if it fails again, tell the administrator.',
        },
      });
      return job;
    }
    throw e;
  }
}

type Save = (patch: Partial<ExportJob>) => Promise<void>;

const CONTENT_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function storeFile(deps: BuildDeps, job: ExportJob, part: ExportPart, bytes: Uint8Array) {
  const extension = partExtension(part);
  const key = objectKeys.exportFile(job.jobId, part, extension);
  const contentType = CONTENT_TYPES[extension]!;
  await deps.store.putObject(key, bytes, contentType).catch(async (e) => {
    // A retried run finds the object its previous attempt wrote (S3 refuses the overwrite): keep that one.
    if ((await deps.store.head(key)) === undefined) throw e;
  });
  return {
    part,
    fileName: exportFileName(part, job),
    contentType,
    sizeBytes: bytes.byteLength,
    sha256: sha256(bytes),
    key,
  };
}

/** The report names its framework in Vietnamese, with the note when it is not confirmed (report-model.ts). */
function reportFramework(f: FrameworkLabel) {
  return {
    name: f.name.vi,
    provenance: f.provenance,
    ...(f.provenanceNote ? { provenanceNote: f.provenanceNote.vi } : {}),
  };
}

async function entityFiles(
  deps: BuildDeps,
  job: ExportJob,
  save: Save,
  current: () => ExportJob,
  budget: RunBudget,
): Promise<ExportJob['files'] | 'continue'> {
  if (job.packageCheckpoint) {
    const chunks: Uint8Array[] = [];
    for await (const c of await deps.store.stream(job.packageCheckpoint)) chunks.push(c);
    const state = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PackageState;
    return packaging(deps, save, current, budget, state);
  }
  const ctx = await loadEntityContext(deps, systemActor(job), 'dossier:export', {
    cycleId: job.cycleId,
    entityId: job.entityId!,
  });
  const readAt = deps.clock.now();
  const [reading, texts] = await Promise.all([
    readEntity(deps, ctx, job.entityId!, readAt),
    job.parts.includes('report') ? deps.reports.get(job.cycleId, job.entityId!) : undefined,
  ]);
  await save({ readAt: readAt.toISOString(), progress: { percent: 30, step: STEPS.scoreTable } });
  const table = scoreTableOf(ctx, reading, job.unitId);
  const unitNames = new Map(reading.units.map((u) => [u.unitId, u.name.vi]));
  const files: ExportJob['files'] = [];
  if (job.parts.includes('score-table')) {
    const bytes = await deps.sheets.scoreTable(table, {
      entityName: ctx.entity?.name.vi ?? job.entityId!,
      cycleName: ctx.cycle.name.vi,
      unitNames,
      readAt: readAt.toISOString(),
      readiness: reading.readiness,
      ...(job.unitId ? { unitName: unitNames.get(job.unitId) ?? job.unitId } : {}),
      framework: frameworkLabelOf(ctx.framework),
    });
    files.push(await storeFile(deps, job, 'score-table', bytes));
  }
  if (job.parts.includes('report')) {
    await save({ progress: { percent: 55, step: STEPS.report } });
    const model = buildReportModel({
      entity: ctx.entity ? { name: ctx.entity.name.vi, province: ctx.entity.province } : undefined,
      cycle: { year: ctx.cycle.year, name: ctx.cycle.name.vi },
      framework: reportFramework(ctx.framework),
      readiness: reading.readiness,
      table,
      unitNames,
      texts,
      today: localDate(readAt),
    });
    files.push(await storeFile(deps, job, 'report', await deps.reportWriter.report(model)));
  }
  if (!job.parts.includes('package')) {
    await save({ progress: { percent: 90, step: STEPS.saving } });
    return files;
  }
  // The package: planned once from this reading (evidence added meanwhile is not half in), then streamed.
  await save({ files, progress: { percent: 40, step: STEPS.package } });
  const tree = applicableTree(ctx.framework.nodes, ctx.entity?.type);
  const full = new Map(ctx.framework.nodes.map((n) => [n.code, n]));
  const plan = packagePlan({
    readAt: readAt.toISOString(),
    entityName: ctx.entity?.name.vi ?? job.entityId!,
    cycleName: ctx.cycle.name.vi,
    leaves: tree.leaves.filter((n) => n.method !== 'survey').map((n) => full.get(n.code)!),
    areaOf: (code) => full.get(code.split('.')[0]!),
    evidence: reading.evidence,
    policy: ctx.cycle.evidencePolicy,
    root: files.map((f) => ({ path: f.fileName, key: f.key, size: f.sizeBytes, sha256: f.sha256 })),
  });
  const state = await startPackage(
    { store: deps.store, remainingMs: budget.remainingMs },
    objectKeys.exportFile(job.jobId, 'package', 'zip'),
    plan,
  );
  return packaging(deps, save, current, budget, state);
}

async function packaging(
  deps: BuildDeps,
  save: Save,
  current: () => ExportJob,
  budget: RunBudget,
  state: PackageState,
): Promise<ExportJob['files'] | 'continue'> {
  const job = current();
  const key = objectKeys.exportFile(job.jobId, 'package', 'zip');
  const result = await continuePackage(
    { store: deps.store, remainingMs: budget.remainingMs },
    key,
    state,
    (written, total) =>
      save({
        progress: {
          percent: 40 + Math.floor((55 * written) / Math.max(total, 1)),
          step: {
            vi: `Đang đóng gói tài liệu kiểm chứng (${written}/${total} tệp)`,
            en: `Packing the evidence files (${written}/${total})`,
          },
        },
      }),
  );
  if (!result.done) {
    const checkpoint = objectKeys.exportFile(job.jobId, `package-checkpoint-${result.state.run}`, 'json');
    await deps.store.putObject(checkpoint, Buffer.from(JSON.stringify(result.state)), 'application/json');
    // Progress was made: this run does not count as a failed attempt.
    await save({ packageCheckpoint: checkpoint, attempts: 0 });
    await deps.runner.start(job.jobId);
    return 'continue';
  }
  return [
    ...current().files.filter((f) => f.part !== 'package'),
    {
      part: 'package',
      fileName: exportFileName('package', job),
      contentType: 'application/zip',
      sizeBytes: result.sizeBytes,
      sha256: result.sha256,
      key,
    },
  ];
}

async function councilFiles(deps: BuildDeps, job: ExportJob, save: Save) {
  const { cycle, framework } = await cycleAndFramework(deps, job.cycleId);
  const readAt = deps.clock.now();
  const actor = systemActor(job);
  const entities = await visibleEntities(deps, actor, cycle);
  const rows: { entityId: string; entity: Entity | undefined; visible: boolean; readiness: Readiness }[] = [];
  for (const e of entities) {
    const r = await readEntity(deps, { cycle, entity: e.entity, framework }, e.entityId, readAt);
    rows.push({ ...e, readiness: r.readiness });
  }
  await save({ readAt: readAt.toISOString(), progress: { percent: 50, step: STEPS.councilTable } });
  // Ranks are cycle-wide, as the readiness API ranks them; the table lists the rows in the requester's scope.
  const ranking = rankEntities(rows.map((r) => ({ entityId: r.entityId, readiness: r.readiness })));
  const byId = new Map(rows.map((r) => [r.entityId, r]));
  const council: CouncilRow[] = ranking.entities
    .filter((e) => byId.get(e.entityId)!.visible)
    .map((e) => {
      const r = byId.get(e.entityId)!.readiness;
      const appraised = r.criteria.filter((c) => c.appraised);
      return {
        rank: e.rank,
        entityId: e.entityId,
        entityName: byId.get(e.entityId)!.entity?.name.vi ?? e.entityId,
        selfPoints: round(r.criteria.reduce((s, c) => s + (c.selfScore ?? 0), 0)),
        appraisedPoints: round(appraised.reduce((s, c) => s + (c.appraisedScore ?? 0), 0)),
        appraisedCriteria: appraised.length,
        projectedPoints: r.projectedPoints,
        surveyPoints: r.surveyPoints,
        bonusPoints: r.bonusPoints,
        penaltyPoints: r.penaltyPoints,
        maxPoints: round(r.maxPoints + r.surveyMaxPoints),
        projectedIndexPercent: r.projectedIndexPercent,
        ...(r.band ? { band: r.band } : {}),
        completenessPercent: r.completenessPercent,
        criteriaCount: r.criteriaCount,
      };
    });
  const bytes = await deps.sheets.councilTable(council, {
    cycleName: cycle.name.vi,
    readAt: readAt.toISOString(),
    formulaVersion: FORMULA_VERSION,
    entityTotal: cycle.entityIds.length,
    framework: frameworkLabelOf(framework),
  });
  await save({ progress: { percent: 80, step: STEPS.saving } });
  return [await storeFile(deps, job, 'council-table', bytes)];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The worker acts with the requester's rights as they were when they asked (role, entity, scope). */
function systemActor(job: ExportJob): Actor {
  const r = job.requestedBy;
  return {
    userId: r.userId,
    role: r.role,
    ...(r.entityId ? { entityId: r.entityId } : {}),
    ...(r.unitId ? { unitId: r.unitId } : {}),
    ...(r.scope ? { scope: r.scope } : {}),
  };
}
