/**
 * The dossier (docs/dossier.md): export jobs. A request reads the data once to key the job (scope, parts,
 * policy, reading day and the version of every record read); the same request on unchanged data answers the
 * same job. The worker (`buildExport`, run in the background) reads again, records that moment, computes
 * readiness exactly as the readiness API does and writes the files. Downloads are short-lived presigned GETs.
 */
import type { Actor } from '#domain/actor.ts';
import {
  addDaysIso,
  type CycleExportBody,
  type EntityExportBody,
  EXPORT_TTL_DAYS,
  type ExportJob,
  type ExportPart,
  exportKeyMaterial,
  isReusable,
  STEPS,
  withImpliedParts,
} from '#domain/dossier.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import { authorize } from '#domain/policy.ts';
import { FORMULA_VERSION } from '#domain/readiness.ts';
import type { ScoreTable } from '#domain/score-table.ts';
import { contentDisposition } from '#domain/text.ts';
import { localDate } from '#domain/working-days.ts';
import type { ExportRunner, IdGenerator, ObjectStore, ReportTextsRepository } from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import {
  cycleAndFramework,
  type DossierDeps,
  readEntity,
  scoreTableOf,
  sha256,
  visibleEntities,
} from './dossier-reading.ts';
import { auditOf, type EntityRef, loadEntityContext, type ReadinessDeps } from './scoring-context.ts';

export { type BuildDeps, buildExport, type RunBudget } from './dossier-build.ts';
export type { DossierDeps } from './dossier-reading.ts';

export interface RequestDeps extends DossierDeps {
  runner: ExportRunner;
  /** The report's texts (their version keys a job that includes the report). */
  reports: ReportTextsRepository;
}
export interface ViewDeps extends DossierDeps {
  store: ObjectStore;
  downloadUrlTtlSeconds: number;
}
export interface ExportView {
  job: ExportJob;
  downloads: { part: string; fileName: string; sizeBytes: number; url: string; expiresAt: string }[];
  reused: boolean;
  expired: boolean;
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
