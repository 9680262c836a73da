/**
 * What the dossier reads (docs/dossier.md): one entity's facts, the readiness the readiness API would answer
 * for them, the versions of every record read (they key a job), and the cycle's entities the actor may see.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { NotFoundError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import type { Entity, Unit } from '#domain/organization.ts';
import { decide } from '#domain/policy.ts';
import { computeReadiness, type Readiness } from '#domain/readiness.ts';
import { buildScoreTable, type ScoreTable } from '#domain/score-table.ts';
import { localDate } from '#domain/working-days.ts';
import type { ExportRepository, IdGenerator, OrganizationRepository } from '#ports.ts';
import { cycleNotFound } from './cycles.ts';
import { type EntityContext, type ReadinessDeps, readinessInputOf } from './scoring-context.ts';

export interface DossierDeps extends ReadinessDeps {
  exports: ExportRepository;
  ids: IdGenerator;
}

export const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

export interface Reading {
  input: ReturnType<typeof readinessInputOf>;
  readiness: Readiness;
  versions: string[];
  units: Unit[];
  explanations: Map<string, string>;
  evidence: Awaited<ReturnType<ReadinessDeps['evidence']['listByEntity']>>;
}

export async function readEntity(
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

export async function cycleAndFramework(
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
export async function visibleEntities(deps: { org: OrganizationRepository }, actor: Actor, cycle: Cycle) {
  const out: { entityId: string; entity: Entity | undefined; visible: boolean }[] = [];
  for (const entityId of cycle.entityIds) {
    const entity = await deps.org.getEntity(entityId);
    const visible = decide(actor, 'dossier:council', { entityId, province: entity?.province }).allow;
    out.push({ entityId, entity, visible });
  }
  return out;
}

export function scoreTableOf(ctx: EntityContext, reading: Reading, unitId: string | undefined): ScoreTable {
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
