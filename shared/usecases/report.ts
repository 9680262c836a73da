/**
 * The report's own texts (docs/dossier.md): read with last year's as a starting point, saved with a version
 * (two editors → 409 with the stored texts) and an audit entry of what changed.
 */
import type { Actor } from '#domain/actor.ts';
import { ConflictError } from '#domain/errors.ts';
import { editableOf, headerDefaults, type ReportTexts, type ReportTextsBody } from '#domain/report.ts';
import type { Clock, CycleRepository, IdGenerator, ReportTextsRepository } from '#ports.ts';
import { auditOf, type ContextDeps, type EntityRef, loadEntityContext } from './scoring-context.ts';

export interface ReportDeps extends ContextDeps {
  reports: ReportTextsRepository;
  clock: Clock;
  ids: IdGenerator;
}

/** The entity's texts in the latest earlier cycle that assessed it (its previous year's report). */
async function previousTexts(
  deps: { cycles: CycleRepository; reports: ReportTextsRepository },
  ref: EntityRef,
  year: number,
): Promise<ReportTexts | undefined> {
  const earlier: { cycleId: string; year: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.cycles.list(100, cursor);
    for (const c of page.items)
      if (c.year < year && c.cycleId !== ref.cycleId && c.entityIds.includes(ref.entityId)) earlier.push(c);
    cursor = page.next;
  } while (cursor);
  earlier.sort((a, b) => b.year - a.year);
  for (const c of earlier.slice(0, 3)) {
    const t = await deps.reports.get(c.cycleId, ref.entityId);
    if (t) return t;
  }
  return undefined;
}

export async function getReportTexts(deps: ReportDeps, actor: Actor, ref: EntityRef) {
  const ctx = await loadEntityContext(deps, actor, 'dossier:export', ref);
  const [texts, previous] = await Promise.all([
    deps.reports.get(ref.cycleId, ref.entityId),
    previousTexts(deps, ref, ctx.cycle.year),
  ]);
  const d = headerDefaults(
    {},
    ctx.entity ? { name: ctx.entity.name.vi, province: ctx.entity.province } : undefined,
  );
  return {
    texts: texts ?? null,
    previous: previous ?? null,
    defaults: {
      superiorBody: d.superiorBody,
      issuingBody: d.issuingBody,
      place: d.place,
      signerPosition: d.signerPosition,
      recipients: d.recipients,
    },
  };
}

export async function saveReportTexts(
  deps: ReportDeps,
  actor: Actor,
  ref: EntityRef,
  body: ReportTextsBody,
): Promise<ReportTexts> {
  await loadEntityContext(deps, actor, 'report:write', ref);
  const current = await deps.reports.get(ref.cycleId, ref.entityId);
  if (current?.version !== body.version)
    throw new ConflictError(
      {
        vi: 'Người khác vừa lưu nội dung báo cáo này. Xem bản hiện tại rồi lưu lại.',
        en: 'Someone else saved these report texts meanwhile. Review the current ones and save again.',
      },
      current ?? null,
    );
  const { version: _v, ...fields } = body;
  const at = deps.clock.now().toISOString();
  const next: ReportTexts = {
    ...editableOf(fields),
    cycleId: ref.cycleId,
    entityId: ref.entityId,
    version: (current?.version ?? 0) + 1,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  // The audit keeps what changed, field by field.
  const before = current ? editableOf(current) : {};
  const after = editableOf(next);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) =>
      JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]),
  );
  const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k] ?? null]));
  await deps.reports.save(
    next,
    current?.version,
    auditOf(deps, at, actor, 'report.texts', 'report', pick(before), pick(after)),
  );
  return next;
}
