/**
 * The three messages of docs/reminders.md, one step each: the unit's digest (with the head's copy), the
 * leaders' weekly summary, and the administrators' daily digest of escalated work.
 */
import type { Entity } from './organization.ts';
import { decide } from './policy.ts';
import {
  actorOf,
  byUrgency,
  type CycleStep,
  type EntityStep,
  emailTo,
  joinReasons,
  unitNameOf,
  webhookTo,
} from './reminders-delivery.ts';
import type {
  AdminDigest,
  EntitySnapshot,
  LeaderWeekly,
  TriggeredAssignment,
  UnitDigest,
} from './reminders-model.ts';
import { triggerFor } from './reminders-owed.ts';
import type { UserProfile } from './user.ts';

/** "A unit's digest": one per unit with at least one owed assignment on a ladder step today. */
export function planUnitDigests(s: EntityStep): void {
  const byUnit = new Map<string, TriggeredAssignment[]>();
  for (const a of s.owed) {
    const trigger = triggerFor(a.dueDate, s.date, s.policy, s.cal);
    if (!trigger) continue;
    const list = byUnit.get(a.unitId) ?? [];
    list.push({ ...a, trigger });
    byUnit.set(a.unitId, list);
  }
  for (const [unitId, items] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
    items.sort(byUrgency);
    planUnitDigest(s, unitId, items);
  }
}

/**
 * "Recipients": the unit's enabled members; if none, its head. The unit head is a leader of that unit, or
 * the entity's leaders when the unit has none.
 */
function unitRecipients(s: EntityStep, unitId: string) {
  const members = s.inEntity.filter((u) => u.role === 'member' && u.unitId === unitId);
  const unitHeads = s.inEntity.filter((u) => u.role === 'leader' && u.unitId === unitId);
  const heads = unitHeads.length > 0 ? unitHeads : s.entityLeaders;
  return { members, heads, to: members.length > 0 ? members : heads };
}

function planUnitDigest(s: EntityStep, unitId: string, items: TriggeredAssignment[]): void {
  const { policy, plan, e } = s;
  const unitName = unitNameOf(s.unitsById, unitId);
  const { members, heads, to } = unitRecipients(s, unitId);
  // "Beyond N working days overdue the head gets a copy" (only when members got the digest themselves).
  const worst = Math.max(...items.map((i) => i.workingDaysOverdue));
  const copyHead = worst > policy.copyUnitHeadAfterDaysOverdue;
  const content: UnitDigest = {
    kind: 'unit-digest',
    cycle: s.cycleRef,
    entity: s.entityRef,
    unit: { unitId, name: unitName },
    items,
    ...(copyHead ? { headCopied: { afterWorkingDays: policy.copyUnitHeadAfterDaysOverdue } } : {}),
  };
  const dedupeKind = `unit-digest/${s.cycle.cycleId}/${e.entity.entityId}/${unitId}`;
  const why = joinReasons(items);
  if (to.length === 0)
    plan.notes.push({
      cycleId: s.cycle.cycleId,
      entityId: e.entity.entityId,
      unitId,
      message: {
        vi: `${unitName.vi} còn việc phải nhắc nhưng không có người nhận (chưa có thành viên hay lãnh đạo).`,
        en: `${unitName.en} owes work but has no one to remind (no member or leader).`,
      },
    });
  for (const u of to)
    plan.deliveries.push({
      ...emailTo(u, 'to'),
      dedupeKind,
      content,
      reason: {
        vi: `${members.length > 0 ? 'Thành viên' : 'Lãnh đạo'} của ${unitName.vi}, phòng được giao: ${why.vi}`,
        en: `${members.length > 0 ? 'Member' : 'Leader'} of ${unitName.en}, the responsible unit: ${why.en}`,
      },
    });
  if (copyHead && members.length > 0)
    for (const u of heads)
      plan.deliveries.push({
        ...emailTo(u, 'cc'),
        dedupeKind,
        content,
        reason: {
          vi: `Bản sao cho lãnh đạo: có việc quá hạn hơn ${policy.copyUnitHeadAfterDaysOverdue} ngày làm việc (${worst} ngày).`,
          en: `Copy to the unit head: work more than ${policy.copyUnitHeadAfterDaysOverdue} working days overdue (${worst}).`,
        },
      });
  if (s.webhook)
    plan.deliveries.push(
      webhookTo(`unit:${e.entity.entityId}/${unitId}`, dedupeKind, content, {
        vi: `Nhóm trao đổi của ${unitName.vi}: ${why.vi}`,
        en: `Chat group of ${unitName.en}: ${why.en}`,
      }),
    );
}

/** "Beyond M working days overdue" the item goes into the administrators' daily digest of the cycle. */
export function escalatedItems(s: EntityStep): AdminDigest['items'] {
  return s.owed
    .filter((a) => a.workingDaysOverdue > s.policy.escalateToAdminAfterDaysOverdue)
    .map((a) => ({ ...a, entityName: s.e.entity.name, unitName: unitNameOf(s.unitsById, a.unitId) }));
}

/** "Weekly summary": readiness figures, open/overdue tasks per unit and the 10 most urgent items. */
function weeklyContent(s: EntityStep): LeaderWeekly {
  const { owed } = s;
  const r = s.e.readiness;
  return {
    kind: 'leader-weekly',
    cycle: s.cycleRef,
    entity: s.entityRef,
    readiness: {
      formulaVersion: r.formulaVersion,
      completenessPercent: r.completenessPercent,
      evidenceCoveragePercent: r.evidenceCoveragePercent,
      projectedIndexPercent: r.projectedIndexPercent,
      band: r.band,
      completeCount: r.completeCount,
      criteriaCount: r.criteriaCount,
      selfAssessedIndexPercent: r.selfAssessedIndexPercent,
      surveyPending: r.surveyPending,
    },
    units: [...new Set(owed.map((a) => a.unitId))].sort().map((unitId) => ({
      unitId,
      name: unitNameOf(s.unitsById, unitId),
      owed: owed.filter((a) => a.unitId === unitId).length,
      overdue: owed.filter((a) => a.unitId === unitId && a.workingDaysOverdue > 0).length,
    })),
    worst: [...owed].sort(byUrgency).slice(0, 10),
    owedCount: owed.length,
  };
}

/**
 * "Weekly summary" to the entity's leaders (the caller checks it is the first working day of the ISO week);
 * sent only while something is owed.
 */
export function planLeaderWeekly(s: EntityStep): void {
  const { e, owed, plan } = s;
  if (owed.length === 0) return;
  const content = weeklyContent(s);
  const dedupeKind = `leader-weekly/${s.cycle.cycleId}/${e.entity.entityId}`;
  for (const u of s.entityLeaders)
    plan.deliveries.push({
      ...emailTo(u, 'to'),
      dedupeKind,
      content,
      reason: {
        vi: `Tổng hợp hằng tuần cho lãnh đạo ${e.entity.name.vi}: còn ${owed.length} nhiệm vụ chưa xong.`,
        en: `Weekly summary for the leaders of ${e.entity.name.en}: ${owed.length} task(s) still open.`,
      },
    });
  if (s.webhook)
    plan.deliveries.push(
      webhookTo(`entity:${e.entity.entityId}`, dedupeKind, content, {
        vi: `Tổng hợp hằng tuần của ${e.entity.name.vi}.`,
        en: `Weekly summary of ${e.entity.name.en}.`,
      }),
    );
}

/** Escalated items of entities the administrator's scope reaches (policy row `reminder:escalation`). */
function inScopeOf(
  admin: UserProfile,
  escalated: AdminDigest['items'],
  entityOf: ReadonlyMap<string, Entity>,
): AdminDigest['items'] {
  return escalated.filter((i) => {
    const ent = entityOf.get(i.entityId);
    return decide(actorOf(admin), 'reminder:escalation', { entityId: i.entityId, province: ent?.province })
      .allow;
  });
}

/**
 * "Beyond M": every administrator whose scope reaches the entity gets the item in a daily digest, every
 * working day until it is done.
 */
export function planAdminDigest(
  s: CycleStep,
  entities: readonly EntitySnapshot[],
  escalated: AdminDigest['items'],
): void {
  if (escalated.length === 0) return;
  const { policy, plan } = s;
  escalated.sort(byUrgency);
  const dedupeKind = `admin-digest/${s.cycle.cycleId}`;
  const entityOf = new Map(entities.map((e) => [e.entity.entityId, e.entity]));
  const digest = (items: AdminDigest['items']): AdminDigest => ({
    kind: 'admin-digest',
    cycle: s.cycleRef,
    afterWorkingDays: policy.escalateToAdminAfterDaysOverdue,
    items,
  });
  const admins = s.users.filter((u) => u.role === 'admin');
  for (const u of admins) {
    const mine = inScopeOf(u, escalated, entityOf);
    if (mine.length === 0) continue;
    plan.deliveries.push({
      ...emailTo(u, 'to'),
      dedupeKind,
      content: digest(mine),
      reason: {
        vi: `Quản trị viên có phạm vi gồm đơn vị có ${mine.length} nhiệm vụ quá hạn hơn ${policy.escalateToAdminAfterDaysOverdue} ngày làm việc.`,
        en: `Administrator whose scope includes ${mine.length} task(s) more than ${policy.escalateToAdminAfterDaysOverdue} working days overdue.`,
      },
    });
  }
  if (admins.length === 0)
    plan.notes.push({
      cycleId: s.cycle.cycleId,
      message: {
        vi: 'Có việc quá hạn cần báo quản trị viên nhưng chưa có quản trị viên nào.',
        en: 'Overdue work should be escalated but there is no administrator.',
      },
    });
  if (s.webhook)
    plan.deliveries.push(
      webhookTo('admins', dedupeKind, digest(escalated), {
        vi: `Nhóm quản trị: ${escalated.length} nhiệm vụ quá hạn hơn ${policy.escalateToAdminAfterDaysOverdue} ngày làm việc.`,
        en: `Administrators' group: ${escalated.length} task(s) more than ${policy.escalateToAdminAfterDaysOverdue} working days overdue.`,
      }),
    );
}
