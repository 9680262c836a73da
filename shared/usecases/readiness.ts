/**
 * Readiness through the API, the daily snapshots and survey imports. Every figure comes from
 * shared/domain/readiness.ts (`computeReadiness` and the views derived from it), fed by `readinessInputOf`.
 */
import type { Actor } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import { authorize, authorizeBeforeLoad, decide } from '#domain/policy.ts';
import {
  type CycleRanking,
  computeReadiness,
  type EvidenceFact,
  type Readiness,
  type ReadinessSnapshot,
  rankEntities,
  type ScoreFact,
  snapshotFigures,
  type UnitReadiness,
  unitReadiness,
} from '#domain/readiness.ts';
import { checkSurveyPoints, localDate, type SurveyImport, type SurveyPointsBody } from '#domain/scoring.ts';
import { localDate as localDay } from '#domain/working-days.ts';
import type { IdGenerator, SnapshotRepository } from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import {
  auditOf,
  type ContextDeps,
  type CriterionRef,
  type EntityContext,
  type EntityRef,
  factsOf,
  loadCriterionContext,
  loadEntityContext,
  type ReadinessDeps,
  type ReadinessFacts,
  readinessInputOf,
  requireOpenCycle,
} from './scoring-context.ts';

export type { ReadinessDeps } from './scoring-context.ts';

export interface EntityReadiness extends Readiness {
  cycleId: string;
  entityId: string;
  entityType?: string;
}

/** The entity's facts (evidence, scores, survey, tasks, reopenings): their keys need only the cycle and entity ids. */
async function readFacts(deps: ReadinessDeps, ref: EntityRef): Promise<ReadinessFacts> {
  const { cycleId, entityId } = ref;
  const [evidence, scores, survey, assignments, reopenings] = await Promise.all([
    factsOf<EvidenceFact>(deps.evidence, cycleId, entityId),
    factsOf<ScoreFact>(deps.scores, cycleId, entityId),
    deps.surveys.listByEntity(cycleId, entityId),
    deps.assignments.listAll(cycleId, entityId),
    deps.submissions.listByEntity(cycleId, entityId),
  ]);
  return { evidence, scores, survey, assignments, reopenings };
}

function entityReadiness(
  deps: ReadinessDeps,
  ctx: EntityContext,
  entityId: string,
  facts: ReadinessFacts,
): EntityReadiness {
  const readiness = computeReadiness(readinessInputOf(ctx, facts, localDay(deps.clock.now())));
  return {
    cycleId: ctx.cycle.cycleId,
    entityId,
    ...(ctx.entity ? { entityType: ctx.entity.type } : {}),
    ...readiness,
  };
}

/**
 * The entity's context and facts read together: the facts' reads start once the caller passes the check on the
 * path's entity, beside the cycle → framework reads, instead of after them (one round trip less per request).
 * The cycle and entity reads are sent first: the framework read waits on them, so they should not queue behind
 * the partition's larger queries. A refused or unknown context is still the answer; the facts are used only
 * once it has loaded.
 */
async function readEntity(deps: ReadinessDeps, actor: Actor, ref: EntityRef) {
  authorizeBeforeLoad(actor, 'readiness:read', ref.entityId);
  const ctx = loadEntityContext(deps, actor, 'readiness:read', ref);
  const facts = readFacts(deps, ref);
  // Handled here so a context that throws first leaves no unhandled rejection behind.
  facts.catch(() => undefined);
  return { ctx: await ctx, facts: await facts };
}

/** Readiness of one entity with every breakdown: criteria, bonus/penalty, survey, by node, by unit, how. */
export async function getEntityReadiness(
  deps: ReadinessDeps,
  actor: Actor,
  cycleId: string,
  entityId: string,
): Promise<EntityReadiness> {
  const { ctx, facts } = await readEntity(deps, actor, { cycleId, entityId });
  return entityReadiness(deps, ctx, entityId, facts);
}

export interface UnitReadinessView extends UnitReadiness {
  cycleId: string;
  entityId: string;
}

export async function getUnitReadiness(
  deps: ReadinessDeps,
  actor: Actor,
  ref: EntityRef & { unitId: string },
): Promise<UnitReadinessView> {
  const { ctx, facts } = await readEntity(deps, actor, ref);
  if (!(await deps.org.listUnits(ref.entityId)).some((u) => u.unitId === ref.unitId))
    throw new NotFoundError({
      vi: `Không có phòng/đơn vị "${ref.unitId}" trong đơn vị được đánh giá.`,
      en: `Unit "${ref.unitId}" is not part of the assessed entity.`,
    });
  const r = entityReadiness(deps, ctx, ref.entityId, facts);
  return { cycleId: ref.cycleId, entityId: ref.entityId, ...unitReadiness(r, ref.unitId) };
}

export interface CycleReadiness extends CycleRanking {
  cycleId: string;
  /** Entities of the cycle; `entities` lists only those the caller may see, ranked among all of them. */
  entityTotal: number;
}

/** Bounded parallelism: a cycle of 40 entities reads 40 partitions without opening 160 requests at once. */
async function mapLimit<T, R>(xs: readonly T[], limit: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await f(xs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
  return out;
}

async function allEntities(deps: ReadinessDeps, cycle: Cycle, framework: Framework) {
  return mapLimit(cycle.entityIds, 8, async (entityId) => {
    const [entity, facts] = await Promise.all([
      deps.org.getEntity(entityId),
      readFacts(deps, { cycleId: cycle.cycleId, entityId }),
    ]);
    const readiness = entityReadiness(deps, { cycle, entity, framework }, entityId, facts);
    return { entityId, entity, readiness };
  });
}

/**
 * The entities of a cycle ranked (decision 10 of the readiness module). Ranks are cycle-wide; the caller sees
 * the rows their access allows (leaders and members: their own entity), and totals over those rows.
 */
export async function getCycleReadiness(
  deps: ReadinessDeps,
  actor: Actor,
  cycleId: string,
): Promise<CycleReadiness> {
  authorize(actor, 'readiness:read');
  const cycle = await deps.cycles.get(cycleId);
  const member = actor.role !== 'admin' && actor.role !== 'reviewer';
  if (!cycle || (member && !cycle.entityIds.includes(actor.entityId ?? ''))) throw cycleNotFound(cycleId);
  const framework = await deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion);
  if (!framework)
    throw new NotFoundError({
      vi: 'Bộ tiêu chí của kỳ đánh giá không còn tồn tại.',
      en: "The cycle's framework no longer exists.",
    });
  const rows = await allEntities(deps, cycle, framework);
  const all = rankEntities(rows.map(({ entityId, readiness }) => ({ entityId, readiness })));
  const visible = new Set(
    rows
      .filter(
        (r) => decide(actor, 'readiness:read', { entityId: r.entityId, province: r.entity?.province }).allow,
      )
      .map((r) => r.entityId),
  );
  const totals =
    visible.size === rows.length
      ? all
      : rankEntities(
          rows
            .filter((r) => visible.has(r.entityId))
            .map(({ entityId, readiness }) => ({ entityId, readiness })),
        );
  return {
    cycleId,
    entityTotal: rows.length,
    ...totals,
    entities: all.entities.filter((e) => visible.has(e.entityId)),
  };
}

export async function getReadinessTrend(
  deps: ContextDeps & { snapshots: SnapshotRepository },
  actor: Actor,
  ref: EntityRef,
  query: { from?: string; to?: string },
): Promise<{ cycleId: string; entityId: string; items: ReadinessSnapshot[] }> {
  await loadEntityContext(deps, actor, 'readiness:read', ref);
  if (query.from && query.to && query.from > query.to)
    throw new ValidationError([
      {
        field: 'query.to',
        message: { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: '`to` is before `from`.' },
      },
    ]);
  const items = await deps.snapshots.list(ref.cycleId, ref.entityId, query.from, query.to);
  return { ...ref, items };
}

// ——— Survey points ———

/** Records the published survey points of one survey criterion for one entity (admins; versioned, audited). */
export async function recordSurveyPoints(
  deps: ContextDeps & Pick<ReadinessDeps, 'assignments' | 'surveys' | 'clock'> & { ids: IdGenerator },
  actor: Actor,
  ref: CriterionRef,
  body: SurveyPointsBody,
): Promise<SurveyImport> {
  const ctx = await loadCriterionContext(deps, actor, 'survey:import', ref);
  requireOpenCycle(ctx.cycle);
  const issues = checkSurveyPoints(ctx.node, body.points);
  if (issues.length) throw new ValidationError(issues);
  const current = (await deps.surveys.listByEntity(ref.cycleId, ref.entityId)).find(
    (s) => s.criterionCode === ref.criterionCode,
  );
  if ((current?.version ?? undefined) !== body.version)
    throw new ConflictError(
      {
        vi: 'Điểm điều tra đã được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
        en: 'Someone else changed these survey points. Review the current state and try again.',
      },
      current ?? null,
    );
  const at = deps.clock.now().toISOString();
  const next: SurveyImport = {
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    criterionCode: ref.criterionCode,
    points: body.points,
    ...(body.source ? { source: body.source } : {}),
    importedAt: at,
    importedBy: actor.userId,
    version: (current?.version ?? 0) + 1,
  };
  const pick = (s: SurveyImport | undefined) => (s ? { points: s.points, source: s.source } : undefined);
  await deps.surveys.save(
    next,
    current?.version,
    auditOf(deps, at, actor, 'survey.import', `criterion/${ref.criterionCode}`, pick(current), pick(next)),
  );
  return next;
}

// ——— Daily snapshots (scheduled) ———

export interface SnapshotRun {
  date: string;
  written: number;
  skipped: number;
  failed: { cycleId: string; entityId?: string; error: string }[];
}

/**
 * One snapshot per entity of every open cycle for today's date in Asia/Ho_Chi_Minh. Idempotent: a snapshot
 * already taken today is kept, so a retried or repeated run writes nothing twice.
 */
export async function takeDailySnapshots(
  deps: ReadinessDeps & { snapshots: SnapshotRepository },
): Promise<SnapshotRun> {
  const now = deps.clock.now();
  const run: SnapshotRun = { date: localDate(now), written: 0, skipped: 0, failed: [] };
  const cycles: Cycle[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.cycles.list(100, cursor);
    cycles.push(...page.items.filter((c) => c.status === 'open'));
    cursor = page.next;
  } while (cursor);
  for (const cycle of cycles) {
    const framework = await deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion);
    if (!framework) {
      run.failed.push({ cycleId: cycle.cycleId, error: 'framework missing' });
      continue;
    }
    await mapLimit(cycle.entityIds, 8, async (entityId) => {
      try {
        const [entity, facts] = await Promise.all([
          deps.org.getEntity(entityId),
          readFacts(deps, { cycleId: cycle.cycleId, entityId }),
        ]);
        const r = entityReadiness(deps, { cycle, entity, framework }, entityId, facts);
        const written = await deps.snapshots.putIfAbsent({
          cycleId: cycle.cycleId,
          entityId,
          date: run.date,
          takenAt: now.toISOString(),
          ...snapshotFigures(r),
        });
        if (written) run.written++;
        else run.skipped++;
      } catch (e) {
        run.failed.push({ cycleId: cycle.cycleId, entityId, error: (e as Error).message });
      }
    });
  }
  return run;
}
