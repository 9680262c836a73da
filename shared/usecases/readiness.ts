import type { Actor } from '../domain/actor.ts';
import { NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/policy.ts';
import { computeReadiness, type Readiness } from '../domain/readiness.ts';
import type { CycleRepository, EvidenceRepository, FrameworkRepository, ScoreRepository } from '../ports.ts';
import { cycleNotFound } from './cycles.ts';

export interface EntityReadiness extends Readiness {
  cycleId: string;
  entityId: string;
}

export async function getEntityReadiness(
  deps: {
    cycles: CycleRepository;
    frameworks: FrameworkRepository;
    evidence: EvidenceRepository;
    scores: ScoreRepository;
  },
  actor: Actor,
  cycleId: string,
  entityId: string,
): Promise<EntityReadiness> {
  authorize(actor, 'readiness:read', { entityId });
  const cycle = await deps.cycles.get(cycleId);
  if (!cycle) throw cycleNotFound(cycleId);
  if (!cycle.entityIds.includes(entityId))
    throw new NotFoundError({
      vi: `Đơn vị "${entityId}" không thuộc kỳ đánh giá này.`,
      en: `Entity "${entityId}" is not assessed in this cycle.`,
    });
  const [framework, evidence, scores] = await Promise.all([
    deps.frameworks.get(cycle.frameworkId, cycle.frameworkVersion),
    deps.evidence.listByEntity(cycleId, entityId),
    deps.scores.listByEntity(cycleId, entityId),
  ]);
  if (!framework)
    throw new NotFoundError({
      vi: 'Bộ tiêu chí của kỳ đánh giá không còn tồn tại.',
      en: "The cycle's framework no longer exists.",
    });
  const readiness = computeReadiness({ framework, evidence, scores, evidencePolicy: cycle.evidencePolicy });
  return { cycleId, entityId, ...readiness };
}
