import { type Actor, actorRef } from '#domain/actor.ts';
import { TIME_ZONE } from '#domain/common.ts';
import type { Cycle, CycleUpdate, NewCycle } from '#domain/cycle.ts';
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from '#domain/errors.ts';
import { type FrameworkLabel, frameworkLabelOf } from '#domain/framework-label.ts';
import { authorize } from '#domain/policy.ts';
import type {
  Clock,
  CycleRepository,
  FrameworkRepository,
  IdGenerator,
  OrganizationRepository,
  Page,
} from '#ports.ts';
import { requireWithinActorScope } from './scope.ts';

export const cycleNotFound = (cycleId: string) =>
  new NotFoundError({ vi: `Không tìm thấy kỳ đánh giá "${cycleId}".`, en: `Cycle "${cycleId}" not found.` });

/** A cycle as read: with its scored framework's label, so every reader can say what its scores rest on. */
export type CycleRead = Cycle & { framework?: FrameworkLabel };

type LabelDeps = { frameworks: Pick<FrameworkRepository, 'getLabel'> };

/**
 * Each cycle with its scored framework's label (one projected read per distinct version). A version that is
 * gone leaves the cycle unlabelled rather than failing the read: published versions are never deleted.
 */
async function withLabels(deps: LabelDeps, list: Cycle[]): Promise<CycleRead[]> {
  // Ids never hold a space (ID_PATTERN), so "id version" names one version.
  const refOf = (c: Cycle) => `${c.frameworkId} ${c.frameworkVersion}`;
  const distinct = [...new Map(list.map((c) => [refOf(c), c])).entries()];
  const labels = new Map(
    await Promise.all(
      distinct.map(
        async ([ref, c]) => [ref, await deps.frameworks.getLabel(c.frameworkId, c.frameworkVersion)] as const,
      ),
    ),
  );
  return list.map((c) => {
    const label = labels.get(refOf(c));
    return label ? { ...c, framework: frameworkLabelOf(label) } : c;
  });
}

export async function getCycle(
  deps: { cycles: Pick<CycleRepository, 'get'> } & LabelDeps,
  actor: Actor,
  cycleId: string,
): Promise<CycleRead> {
  const cycle = await deps.cycles.get(cycleId);
  // Members of an entity outside the cycle get the same 404 as for a missing cycle: no existence leak.
  if (
    !cycle ||
    (actor.role !== 'admin' && actor.role !== 'reviewer' && !cycle.entityIds.includes(actor.entityId ?? ''))
  )
    throw cycleNotFound(cycleId);
  authorize(actor, 'cycle:read');
  return (await withLabels(deps, [cycle]))[0]!;
}

export async function listCycles(
  deps: { cycles: Pick<CycleRepository, 'list'> } & LabelDeps,
  actor: Actor,
  limit: number,
  cursor?: string,
): Promise<Page<CycleRead>> {
  authorize(actor, 'cycle:read');
  const page = await deps.cycles.list(limit, cursor);
  const visible =
    actor.role === 'admin' || actor.role === 'reviewer'
      ? page.items
      : page.items.filter((c) => c.entityIds.includes(actor.entityId ?? ''));
  return { ...page, items: await withLabels(deps, visible) };
}

/**
 * What a new cycle refers to must exist: its framework version, published; tracked frameworks, published and
 * not the scored one; every assessed entity.
 */
async function referenceIssues(
  deps: { frameworks: FrameworkRepository; org: OrganizationRepository },
  input: NewCycle,
): Promise<FieldIssue[]> {
  const [framework, entities] = await Promise.all([
    deps.frameworks.get(input.frameworkId, input.frameworkVersion),
    Promise.all(input.entityIds.map((e) => deps.org.getEntity(e))),
  ]);
  const issues: FieldIssue[] = [];
  if (!framework) {
    issues.push({
      field: 'body.frameworkId',
      message: {
        vi: `Không có bộ tiêu chí "${input.frameworkId}" phiên bản ${input.frameworkVersion}.`,
        en: `Framework "${input.frameworkId}" version ${input.frameworkVersion} does not exist.`,
      },
    });
  } else if (framework.status !== 'published') {
    issues.push({
      field: 'body.frameworkVersion',
      message: {
        vi: 'Chỉ mở kỳ đánh giá với bộ tiêu chí đã ban hành.',
        en: 'A cycle can only use a published framework version.',
      },
    });
  }
  const tracked = await Promise.all(
    input.trackedFrameworks.map((t) => deps.frameworks.get(t.frameworkId, t.version)),
  );
  tracked.forEach((t, i) => {
    const ref = input.trackedFrameworks[i]!;
    if (t?.status !== 'published' || ref.frameworkId === input.frameworkId)
      issues.push({
        field: `body.trackedFrameworks.${i}`,
        message: {
          vi: `Bộ tiêu chí theo dõi "${ref.frameworkId}" phiên bản ${ref.version} không có, chưa ban hành hoặc trùng bộ chính.`,
          en: `Tracked framework "${ref.frameworkId}" version ${ref.version} is missing, unpublished or the scored one.`,
        },
      });
  });
  entities.forEach((e, i) => {
    if (!e)
      issues.push({
        field: `body.entityIds.${i}`,
        message: {
          vi: `Không có đơn vị được đánh giá "${input.entityIds[i]}".`,
          en: `Assessed entity "${input.entityIds[i]}" does not exist.`,
        },
      });
  });
  return issues;
}

export async function createCycle(
  deps: {
    cycles: CycleRepository;
    frameworks: FrameworkRepository;
    org: OrganizationRepository;
    clock: Clock;
    ids: IdGenerator;
  },
  actor: Actor,
  input: NewCycle,
): Promise<Cycle> {
  authorize(actor, 'cycle:create');
  const issues = await referenceIssues(deps, input);
  if (issues.length) throw new ValidationError(issues);
  // A scoped admin opens cycles for the entities they reach only.
  await requireWithinActorScope(deps, actor, { kind: 'entities', entityIds: input.entityIds });

  const now = deps.clock.now().toISOString();
  const cycle: Cycle = {
    ...input,
    entityIds: [...new Set(input.entityIds)],
    cycleId: deps.ids.next(),
    timeZone: TIME_ZONE,
    status: 'open',
    version: 1,
    createdAt: now,
    createdBy: actor.userId,
  };
  await deps.cycles.create(cycle, {
    auditId: deps.ids.next(),
    at: now,
    actor: actorRef(actor),
    action: 'cycle.create',
    subject: `cycle/${cycle.cycleId}`,
    after: cycle,
  });
  return cycle;
}

/**
 * Changes dates, reminder and evidence policies, entities or status of a cycle, conditional on its version.
 * Frameworks are not changeable: a cycle keeps the versions it was opened with.
 */
export async function updateCycle(
  deps: { cycles: CycleRepository; org: OrganizationRepository; clock: Clock; ids: IdGenerator },
  actor: Actor,
  cycleId: string,
  patch: CycleUpdate,
): Promise<Cycle> {
  authorize(actor, 'cycle:update');
  const cycle = await deps.cycles.get(cycleId);
  if (!cycle) throw cycleNotFound(cycleId);
  if (patch.version !== cycle.version)
    throw new ConflictError(
      {
        vi: 'Kỳ đánh giá đã được người khác thay đổi. Xem bản hiện tại rồi thử lại.',
        en: 'Someone else changed this cycle. Review the current version and try again.',
      },
      cycle,
    );
  const issues: FieldIssue[] = [];
  if (patch.entityIds) {
    const found = await Promise.all(patch.entityIds.map((e) => deps.org.getEntity(e)));
    found.forEach((e, i) => {
      if (!e)
        issues.push({
          field: `body.entityIds.${i}`,
          message: {
            vi: `Không có đơn vị được đánh giá "${patch.entityIds![i]}".`,
            en: `Assessed entity "${patch.entityIds![i]}" does not exist.`,
          },
        });
    });
  }
  if (issues.length) throw new ValidationError(issues);
  // A scoped admin changes only cycles whose entities (before and after) they all reach.
  await requireWithinActorScope(deps, actor, {
    kind: 'entities',
    entityIds: [...new Set([...cycle.entityIds, ...(patch.entityIds ?? [])])],
  });
  const { version: _v, ...changes } = patch;
  const now = deps.clock.now().toISOString();
  const next: Cycle = {
    ...cycle,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    ...(patch.entityIds ? { entityIds: [...new Set(patch.entityIds)] } : {}),
    version: cycle.version + 1,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  await deps.cycles.update(next, cycle.version, {
    auditId: deps.ids.next(),
    at: now,
    actor: actorRef(actor),
    action: 'cycle.update',
    subject: `cycle/${cycleId}`,
    before: Object.fromEntries(Object.keys(changes).map((k) => [k, (cycle as Record<string, unknown>)[k]])),
    after: changes,
  });
  return next;
}
