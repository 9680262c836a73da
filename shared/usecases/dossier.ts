/**
 * The dossier (docs/dossier.md): export jobs. A request reads the data once to key the job (scope, parts,
 * policy, reading day and the version of every record read); the same request on unchanged data answers the
 * same job. The worker (`buildExport`, run in the background) reads again, records that moment, computes
 * readiness exactly as the readiness API does and writes the files. Downloads are short-lived presigned GETs.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import {
  addDaysIso,
  type CycleExportBody,
  type EntityExportBody,
  EXPORT_TTL_DAYS,
  type ExportJob,
  type ExportPart,
  exportFileName,
  exportKeyMaterial,
  isReusable,
  partExtension,
  STEPS,
  withImpliedParts,
} from '#domain/dossier.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { packagePlan } from '#domain/evidence-package.ts';
import type { Framework } from '#domain/framework.ts';
import { objectKeys } from '#domain/object-keys.ts';
import type { Entity, Unit } from '#domain/organization.ts';
import { authorize, decide } from '#domain/policy.ts';
import {
  applicableTree,
  computeReadiness,
  FORMULA_VERSION,
  type Readiness,
  rankEntities,
} from '#domain/readiness.ts';
import { buildReportModel } from '#domain/report-model.ts';
import { buildScoreTable, type CouncilRow, type ScoreTable } from '#domain/score-table.ts';
import { contentDisposition } from '#domain/text.ts';
import { localDate } from '#domain/working-days.ts';
import type {
  DossierSheets,
  ExportRepository,
  ExportRunner,
  IdGenerator,
  ObjectStore,
  OrganizationRepository,
  ReportTextsRepository,
  ReportWriter,
} from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import { continuePackage, type PackageState, startPackage } from './evidence-package.ts';
import {
  auditOf,
  type EntityContext,
  type EntityRef,
  loadEntityContext,
  type ReadinessDeps,
  readinessInputOf,
} from './scoring-context.ts';

export interface DossierDeps extends ReadinessDeps {
  exports: ExportRepository;
  ids: IdGenerator;
}
export interface RequestDeps extends DossierDeps {
  runner: ExportRunner;
  /** The report's texts (their version keys a job that includes the report). */
  reports: ReportTextsRepository;
}
export interface ViewDeps extends DossierDeps {
  store: ObjectStore;
  downloadUrlTtlSeconds: number;
}

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

export interface ExportView {
  job: ExportJob;
  downloads: { part: string; fileName: string; sizeBytes: number; url: string; expiresAt: string }[];
  reused: boolean;
  expired: boolean;
}

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

// ——— Reading: one entity's facts, the readiness the API would answer, and the versions that key a job ———

interface Reading {
  input: ReturnType<typeof readinessInputOf>;
  readiness: Readiness;
  versions: string[];
  units: Unit[];
  explanations: Map<string, string>;
  evidence: Awaited<ReturnType<ReadinessDeps['evidence']['listByEntity']>>;
}

async function readEntity(
  deps: ReadinessDeps,
  ctx: EntityContext,
  entityId: string,
  now: Date,
): Promise<Reading> {
  const { cycle } = ctx;
  const [evidence, scores, survey, assignments, reopenings, units] = await Promise.all([
    deps.evidence.listByEntity(cycle.cycleId, entityId),
    deps.scores.listByEntity(cycle.cycleId, entityId),
    deps.surveys.listByEntity(cycle.cycleId, entityId),
    deps.assignments.listAll(cycle.cycleId, entityId),
    deps.submissions.listByEntity(cycle.cycleId, entityId),
    deps.org.listUnits(entityId),
  ]);
  const input = readinessInputOf(ctx, { evidence, scores, survey, assignments, reopenings }, localDate(now));
  const versions = [
    `cycle:${cycle.cycleId}:${cycle.version}`,
    `framework:${cycle.frameworkId}:${cycle.frameworkVersion}`,
    `entity:${entityId}:${ctx.entity?.name.vi ?? ''}`,
    ...evidence.map((e) => `evidence:${e.evidenceId}:${e.version}`),
    ...scores.map((s) => `score:${s.criterionCode}:${s.version}`),
    ...survey.map((s) => `survey:${s.criterionCode}:${s.version}`),
    ...assignments.map((a) => `task:${a.assignmentId}:${a.version}`),
    ...reopenings.map((r) => `reopen:${r.unitId ?? '*'}:${r.version}`),
    ...units.map((u) => `unit:${u.unitId}:${u.name.vi}`),
  ];
  const explanations = new Map(
    scores.filter((s) => s.explanation?.trim()).map((s) => [s.criterionCode, s.explanation!.trim()]),
  );
  return { input, readiness: computeReadiness(input), versions, units, explanations, evidence };
}

async function cycleAndFramework(
  deps: ReadinessDeps,
  cycleId: string,
): Promise<{ cycle: Cycle; framework: Framework }> {
  const cycle = await deps.cycles.get(cycleId);
  if (!cycle) throw cycleNotFound(cycleId);
  const framework = await deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion);
  if (!framework)
    throw new NotFoundError({
      vi: 'Bộ tiêu chí của kỳ đánh giá không còn tồn tại.',
      en: "The cycle's framework no longer exists.",
    });
  return { cycle, framework };
}

/** Entities of the cycle the actor may see (province-scoped reviewers: their province's). */
async function visibleEntities(deps: { org: OrganizationRepository }, actor: Actor, cycle: Cycle) {
  const out: { entityId: string; entity: Entity | undefined; visible: boolean }[] = [];
  for (const entityId of cycle.entityIds) {
    const entity = await deps.org.getEntity(entityId);
    const visible = decide(actor, 'dossier:council', { entityId, province: entity?.province }).allow;
    out.push({ entityId, entity, visible });
  }
  return out;
}

// ——— Requests ———

function newJob(
  deps: { ids: IdGenerator },
  actor: Actor,
  now: Date,
  fields: Pick<ExportJob, 'key' | 'scope' | 'cycleId' | 'parts' | 'evidencePolicy'> &
    Partial<Pick<ExportJob, 'entityId' | 'unitId'>>,
): ExportJob {
  return {
    jobId: deps.ids.next(),
    ...fields,
    state: 'queued',
    progress: { percent: 0, step: STEPS.queued },
    requestedBy: {
      userId: actor.userId,
      role: actor.role,
      ...(actor.entityId ? { entityId: actor.entityId } : {}),
      ...(actor.unitId ? { unitId: actor.unitId } : {}),
      ...(actor.scope ? { scope: actor.scope } : {}),
    },
    requestedAt: now.toISOString(),
    expiresAt: addDaysIso(now, EXPORT_TTL_DAYS),
    files: [],
    attempts: 0,
  };
}

/** Answers the reusable job for the key, or creates a new one (in one transaction with its audit entry) and starts it. */
async function createOrReuse(
  deps: RequestDeps,
  actor: Actor,
  job: ExportJob,
  auditScope: { cycleId: string; entityId: string } | undefined,
  now: Date,
): Promise<ExportView> {
  const existing = await deps.exports.findByKey(job.key);
  if (existing && isReusable(existing, now))
    return { job: existing, downloads: [], reused: true, expired: false };
  const audit = auditOf(deps, now.toISOString(), actor, 'export.request', `export/${job.jobId}`, undefined, {
    parts: job.parts,
    scope: job.scope,
    ...(job.unitId ? { unitId: job.unitId } : {}),
  });
  try {
    await deps.exports.create(job, existing?.jobId, audit, auditScope);
  } catch (e) {
    // An identical request won the race: answer its job.
    if (e instanceof ConflictError && e.current)
      return { job: e.current as ExportJob, downloads: [], reused: true, expired: false };
    throw e;
  }
  try {
    await deps.runner.start(job.jobId);
  } catch (e) {
    const failed: ExportJob = {
      ...job,
      state: 'failed',
      progress: { percent: 0, step: STEPS.failed },
      error: {
        vi: 'Không khởi động được việc lập hồ sơ. Vui lòng thử lại sau ít phút.',
        en: 'The export could not be started. Please try again in a few minutes.',
      },
    };
    await deps.exports.update(failed, 'queued').catch(() => {});
    throw e;
  }
  return { job, downloads: [], reused: false, expired: false };
}

export async function requestEntityExport(
  deps: RequestDeps,
  actor: Actor,
  ref: EntityRef,
  body: EntityExportBody,
): Promise<ExportView> {
  const ctx = await loadEntityContext(deps, actor, 'dossier:export', ref);
  const now = deps.clock.now();
  const reading = await readEntity(deps, ctx, ref.entityId, now);
  if (body.unitId && !reading.units.some((u) => u.unitId === body.unitId))
    throw new ValidationError([
      {
        field: 'body.unitId',
        message: {
          vi: `Phòng/đơn vị "${body.unitId}" không thuộc đơn vị được đánh giá.`,
          en: `Unit "${body.unitId}" does not belong to the assessed entity.`,
        },
      },
    ]);
  const fields = {
    scope: 'entity' as const,
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    ...(body.unitId ? { unitId: body.unitId } : {}),
    parts: withImpliedParts(body.parts),
    evidencePolicy: ctx.cycle.evidencePolicy,
  };
  const key = sha256(
    exportKeyMaterial({
      ...fields,
      today: localDate(now),
      formulaVersion: FORMULA_VERSION,
      versions: reading.versions,
    }),
  );
  return createOrReuse(deps, actor, newJob(deps, actor, now, { ...fields, key }), ref, now);
}

export async function requestCycleExport(
  deps: RequestDeps,
  actor: Actor,
  cycleId: string,
  body: CycleExportBody,
): Promise<ExportView> {
  authorize(actor, 'dossier:council');
  const { cycle, framework } = await cycleAndFramework(deps, cycleId);
  const now = deps.clock.now();
  const entities = await visibleEntities(deps, actor, cycle);
  if (!entities.some((e) => e.visible)) throw cycleNotFound(cycleId);
  const versions: string[] = [`actor-scope:${JSON.stringify(actor.scope ?? 'all')}`];
  for (const e of entities) {
    const r = await readEntity(deps, { cycle, entity: e.entity, framework }, e.entityId, now);
    versions.push(`visible:${e.entityId}:${e.visible}`, ...r.versions.map((v) => `${e.entityId}/${v}`));
  }
  const fields = {
    scope: 'cycle' as const,
    cycleId,
    parts: [...new Set(body.parts)].sort() as ExportPart[],
    evidencePolicy: cycle.evidencePolicy,
  };
  const key = sha256(
    exportKeyMaterial({ ...fields, today: localDate(now), formulaVersion: FORMULA_VERSION, versions }),
  );
  return createOrReuse(deps, actor, newJob(deps, actor, now, { ...fields, key }), undefined, now);
}

// ——— Reading a job ———

const jobNotFound = (jobId: string) =>
  new NotFoundError({
    vi: `Không tìm thấy lần xuất hồ sơ "${jobId}".`,
    en: `Export "${jobId}" was not found.`,
  });

export async function getExport(
  deps: ViewDeps,
  actor: Actor,
  ref: { cycleId: string; entityId?: string; jobId: string },
): Promise<ExportView> {
  if (ref.entityId)
    await loadEntityContext(deps, actor, 'dossier:export', { cycleId: ref.cycleId, entityId: ref.entityId });
  else authorize(actor, 'dossier:council');
  const job = await deps.exports.get(ref.jobId);
  if (!job || job.cycleId !== ref.cycleId || (job.entityId ?? undefined) !== ref.entityId)
    throw jobNotFound(ref.jobId);
  // A council table was built for its requester's scope: only they (or an unscoped admin) read it.
  const unscopedAdmin = actor.role === 'admin' && (!actor.scope || actor.scope.kind === 'all');
  if (job.scope === 'cycle' && job.requestedBy.userId !== actor.userId && !unscopedAdmin)
    throw jobNotFound(ref.jobId);
  const now = deps.clock.now();
  const expired = Date.parse(job.expiresAt) <= now.getTime();
  const downloads =
    job.state === 'done' && !expired
      ? await Promise.all(
          job.files.map(async (f) => ({
            part: f.part,
            fileName: f.fileName,
            sizeBytes: f.sizeBytes,
            ...(await deps.store.presignGet(f.key, {
              contentDisposition: contentDisposition(f.fileName),
              contentType: f.contentType,
              expiresInSeconds: deps.downloadUrlTtlSeconds,
            })),
          })),
        )
      : [];
  return { job, downloads, reused: false, expired };
}

/** The score table as data (the print view): the same rows the .xlsx holds, from a reading made now. */
export async function getScoreTable(
  deps: ReadinessDeps,
  actor: Actor,
  ref: EntityRef,
  unitId: string | undefined,
): Promise<ScoreTable & { cycleId: string; entityId: string; readAt: string }> {
  const ctx = await loadEntityContext(deps, actor, 'dossier:export', ref);
  const now = deps.clock.now();
  const reading = await readEntity(deps, ctx, ref.entityId, now);
  if (unitId && !reading.units.some((u) => u.unitId === unitId))
    throw new ValidationError([
      {
        field: 'query.unitId',
        message: {
          vi: `Phòng/đơn vị "${unitId}" không thuộc đơn vị được đánh giá.`,
          en: `Unit "${unitId}" does not belong to the assessed entity.`,
        },
      },
    ]);
  const table = scoreTableOf(ctx, reading, unitId);
  return { cycleId: ref.cycleId, entityId: ref.entityId, readAt: now.toISOString(), ...table };
}

function scoreTableOf(ctx: EntityContext, reading: Reading, unitId: string | undefined): ScoreTable {
  return buildScoreTable({
    framework: ctx.framework,
    entityType: ctx.entity?.type,
    readiness: reading.readiness,
    evidence: reading.evidence,
    explanations: reading.explanations,
    evidencePolicy: ctx.cycle.evidencePolicy,
    ...(unitId ? { unitId } : {}),
  });
}

// ——— The worker ———

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
    });
    files.push(await storeFile(deps, job, 'score-table', bytes));
  }
  if (job.parts.includes('report')) {
    await save({ progress: { percent: 55, step: STEPS.report } });
    const model = buildReportModel({
      entity: ctx.entity ? { name: ctx.entity.name.vi, province: ctx.entity.province } : undefined,
      cycle: { year: ctx.cycle.year, name: ctx.cycle.name.vi },
      framework: {
        name: ctx.framework.name.vi,
        provenance: ctx.framework.provenance,
        ...(ctx.framework.provenanceNote ? { provenanceNote: ctx.framework.provenanceNote.vi } : {}),
      },
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
