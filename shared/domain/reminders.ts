/**
 * Reminders (docs/reminders.md): who gets what on a given local date. Pure: the caller loads a snapshot (cycles,
 * units, assignments, readiness, users) and this module decides, with the reason for every message.
 *
 * What is missing comes only from the readiness module (`computeReadiness`): a criterion is owed when it is
 * not `complete`, or when a reviewer requested changes on it (a workflow fact the scoring module supplies).
 *
 * Decisions (documented in docs/reminders.md and tested):
 * - The ladder counts calendar days before the due date; a step that falls on a weekend or holiday moves to
 *   the working day before it, so the notice is never later than promised. After the due date it counts
 *   working days: a reminder every `overdueEveryWorkingDays` working days (2, 4, 6, … by default).
 * - A unit's digest lists the assignments that reach a ladder step today; each line says why.
 * - "Beyond N days overdue" means more than N working days: the unit head (a leader of that unit; when the
 *   unit has none, the entity's leaders) is copied on the digest. More than M: the item goes into the daily
 *   digest of every administrator whose scope reaches the entity, every working day until it is done.
 * - Leaders of the entity get a weekly summary on the first working day of the ISO week, while anything is
 *   still owed. No working day, no reminder of any kind.
 * - Only the cycle's scored framework has completion facts; assignments on tracked frameworks (PAPI, SIPAS
 *   tasks) are not reminded until those facts exist.
 */
import type { Actor } from './actor.ts';
import type { Assignment } from './assignment.ts';
import { type Cycle, DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './cycle.ts';
import type { Message } from './errors.ts';
import type { FrameworkNode } from './framework.ts';
import type { Entity, Unit } from './organization.ts';
import { decide } from './policy.ts';
import type { CriterionReadiness, Readiness } from './readiness.ts';
import type { UserProfile } from './user.ts';
import {
  addDays,
  calendarFor,
  daysBetween,
  displayDate,
  isFirstWorkingDayOfWeek,
  isWorkingDay,
  type WorkingCalendar,
  workingDayOnOrBefore,
  workingDaysAfter,
} from './working-days.ts';

export type Locale = 'vi' | 'en';
export const REMINDER_KINDS = ['unit-digest', 'leader-weekly', 'admin-digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reviewer's request on a criterion. The state comes from readiness (`CriterionReadiness.state`); the
 * comment from the score facts (`reviewerComment`), read by `reviewsFromScores`.
 */
export interface ReviewFact {
  criterionCode: string;
  state: 'changes_requested' | (string & {});
  comment?: string;
}

/** The reviewers' requests carried by score facts (state and comment), where the store has them. */
export function reviewsFromScores(
  scores: readonly { criterionCode: string; state?: string; reviewerComment?: string }[],
): ReviewFact[] {
  return scores
    .filter((s) => s.state === 'changes_requested')
    .map((s) => ({
      criterionCode: s.criterionCode,
      state: 'changes_requested',
      ...(s.reviewerComment?.trim() ? { comment: s.reviewerComment.trim() } : {}),
    }));
}

export interface MissingSlot {
  kind: string;
  label: Message;
  required: number;
  have: number;
}

export interface MissingCriterion {
  code: string;
  title: Message;
  missingSlots: MissingSlot[];
  needsSelfScore: boolean;
  /** Slots not all filled and no explanation (giải trình): fill them or explain why not. */
  needsExplanation: boolean;
  changesRequested?: { comment?: string };
  link: string;
}

export type Trigger =
  | { kind: 'before'; step: number; daysUntilDue: number }
  | { kind: 'due' }
  | { kind: 'overdue'; workingDaysOverdue: number };

export interface OwedAssignment {
  cycleId: string;
  entityId: string;
  unitId: string;
  assignmentId: string;
  title: string;
  dueDate: string;
  /** Working days past the due date today (0 when not overdue). */
  workingDaysOverdue: number;
  criteria: MissingCriterion[];
}

export interface TriggeredAssignment extends OwedAssignment {
  trigger: Trigger;
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
}

export interface CycleRef {
  cycleId: string;
  name: Message;
  year: number;
}

export interface EntityRef {
  entityId: string;
  name: Message;
}

export interface UnitDigest {
  kind: 'unit-digest';
  cycle: CycleRef;
  entity: EntityRef;
  unit: { unitId: string; name: Message };
  items: TriggeredAssignment[];
  /** Why the unit head is copied (absent: not copied). */
  headCopied?: { afterWorkingDays: number };
}

export interface LeaderWeekly {
  kind: 'leader-weekly';
  cycle: CycleRef;
  entity: EntityRef;
  readiness: Pick<
    Readiness,
    | 'formulaVersion'
    | 'completenessPercent'
    | 'evidenceCoveragePercent'
    | 'projectedIndexPercent'
    | 'band'
    | 'completeCount'
    | 'criteriaCount'
  >;
  units: { unitId: string; name: Message; owed: number; overdue: number }[];
  /** The worst items: most overdue first, then soonest due. */
  worst: OwedAssignment[];
  owedCount: number;
}

export interface AdminDigest {
  kind: 'admin-digest';
  cycle: CycleRef;
  afterWorkingDays: number;
  items: (OwedAssignment & { entityName: Message; unitName: Message })[];
}

export type DigestContent = UnitDigest | LeaderWeekly | AdminDigest;

/** One message to one recipient on one channel, with why it is sent. */
export interface PlannedDelivery {
  channel: 'email' | 'webhook';
  /** Idempotency identity: one message per (recipient, date, dedupeKind), ever. */
  recipientKey: string;
  dedupeKind: string;
  recipient?: Recipient;
  /** For webhooks: the audience a bridge routes on (`unit:<entity>/<unit>`, `entity:<id>`, `admins`). */
  audience?: string;
  role: 'to' | 'cc';
  locale: Locale;
  content: DigestContent;
  reason: Message;
}

export interface EntitySnapshot {
  entity: Entity;
  units: readonly Unit[];
  assignments: readonly Assignment[];
  readiness: Readiness;
  /** Nodes of the cycle's scored framework (titles and slot labels). */
  nodes: readonly Pick<FrameworkNode, 'code' | 'title' | 'slots'>[];
  reviews?: readonly ReviewFact[];
}

export interface CycleSnapshot {
  cycle: Pick<Cycle, 'cycleId' | 'name' | 'year' | 'frameworkId' | 'status'> & {
    reminderPolicy?: ReminderPolicy;
  };
  entities: readonly EntitySnapshot[];
}

export interface ReminderSnapshot {
  date: string;
  cycles: readonly CycleSnapshot[];
  users: readonly UserProfile[];
  /** Base URL of the web app for links. */
  appUrl: string;
  /** Channels that exist in this deployment. */
  webhook: boolean;
}

export interface PlanNote {
  cycleId?: string;
  entityId?: string;
  unitId?: string;
  message: Message;
}

export interface ReminderPlan {
  date: string;
  deliveries: PlannedDelivery[];
  notes: PlanNote[];
}

export const policyOf = (c: { reminderPolicy?: ReminderPolicy }): ReminderPolicy =>
  c.reminderPolicy ?? DEFAULT_REMINDER_POLICY;

/** Why (and whether) an assignment due on `due` is reminded on `today`. */
export function triggerFor(
  due: string,
  today: string,
  policy: Pick<ReminderPolicy, 'daysBefore' | 'overdueEveryWorkingDays'>,
  cal: WorkingCalendar,
): Trigger | undefined {
  if (!isWorkingDay(today, cal)) return undefined;
  if (today <= due) {
    const steps = [...new Set([...policy.daysBefore])].sort((a, b) => b - a);
    const hit = steps.find((s) => workingDayOnOrBefore(addDays(due, -s), cal) === today);
    if (hit === undefined) return undefined;
    return today === due
      ? { kind: 'due' }
      : { kind: 'before', step: hit, daysUntilDue: daysBetween(today, due) };
  }
  const w = workingDaysAfter(due, today, cal);
  return w >= 1 && w % policy.overdueEveryWorkingDays === 0
    ? { kind: 'overdue', workingDaysOverdue: w }
    : undefined;
}

const IMPLICIT_SLOT_LABEL: Message = { vi: 'Ít nhất 1 tệp minh chứng', en: 'At least 1 evidence file' };

/** What one readiness result says is still missing on a criterion, in words (undefined: nothing). */
export function missingFor(
  c: CriterionReadiness,
  node: Pick<FrameworkNode, 'code' | 'title' | 'slots'> | undefined,
  review: ReviewFact | undefined,
  link: string,
): MissingCriterion | undefined {
  const changes = c.state === 'changes_requested' || review?.state === 'changes_requested';
  if (c.complete && !changes) return undefined;
  const labelOf = (kind: string): Message =>
    node?.slots.find((s) => s.kind === kind)?.label ??
    (kind === '*' ? IMPLICIT_SLOT_LABEL : { vi: kind, en: kind });
  return {
    code: c.code,
    title: node?.title ?? { vi: c.code, en: c.code },
    missingSlots: c.slots
      .filter((s) => !s.filled)
      .map((s) => ({ kind: s.kind, label: labelOf(s.kind), required: s.minCount, have: s.count })),
    needsSelfScore: c.selfScore === undefined,
    needsExplanation: c.coverage < 1 && !c.explanationGiven,
    ...(changes ? { changesRequested: review?.comment ? { comment: review.comment } : {} } : {}),
    link,
  };
}

const criterionLink = (appUrl: string, cycleId: string, entityId: string, code: string) =>
  `${appUrl.replace(/\/+$/, '')}/cycles/${encodeURIComponent(cycleId)}/entities/${encodeURIComponent(entityId)}/criteria/${encodeURIComponent(code)}`;

/** Leaf criteria an assignment covers: the code itself, or every leaf below an area or criterion code. */
const covers = (ref: string, leaf: string) => leaf === ref || leaf.startsWith(`${ref}.`);

/** Every incomplete assignment of an entity with what it still owes, by the readiness module only. */
export function owedAssignments(
  cycle: Pick<Cycle, 'cycleId' | 'frameworkId'>,
  e: EntitySnapshot,
  today: string,
  cal: WorkingCalendar,
  appUrl: string,
): OwedAssignment[] {
  const nodes = new Map(e.nodes.map((n) => [n.code, n]));
  const reviews = new Map((e.reviews ?? []).map((r) => [r.criterionCode, r]));
  const out: OwedAssignment[] = [];
  for (const a of e.assignments) {
    const refs = a.criteria.filter((c) => c.frameworkId === cycle.frameworkId).map((c) => c.code);
    const seen = new Set<string>();
    const criteria: MissingCriterion[] = [];
    for (const c of e.readiness.criteria) {
      if (seen.has(c.code) || !refs.some((r) => covers(r, c.code))) continue;
      seen.add(c.code);
      const m = missingFor(
        c,
        nodes.get(c.code),
        reviews.get(c.code),
        criterionLink(appUrl, cycle.cycleId, e.entity.entityId, c.code),
      );
      if (m) criteria.push(m);
    }
    if (criteria.length === 0) continue;
    out.push({
      cycleId: cycle.cycleId,
      entityId: e.entity.entityId,
      unitId: a.unitId,
      assignmentId: a.assignmentId,
      title: a.title,
      dueDate: a.dueDate,
      workingDaysOverdue: today > a.dueDate ? workingDaysAfter(a.dueDate, today, cal) : 0,
      criteria,
    });
  }
  return out;
}

const byUrgency = (a: OwedAssignment, b: OwedAssignment) =>
  b.workingDaysOverdue - a.workingDaysOverdue ||
  a.dueDate.localeCompare(b.dueDate) ||
  a.assignmentId.localeCompare(b.assignmentId);

const recipientOf = (u: UserProfile): Recipient => ({
  userId: u.userId,
  email: u.email,
  name: u.name,
  locale: u.locale ?? 'vi',
});

/** The addressing part of an e-mail delivery to one user, in their language. */
const emailTo = (u: UserProfile, role: 'to' | 'cc') => ({
  channel: 'email' as const,
  recipientKey: `user:${u.userId}`,
  recipient: recipientOf(u),
  role,
  locale: u.locale ?? 'vi',
});

const actorOf = (u: UserProfile): Actor => ({
  userId: u.userId,
  role: u.role,
  entityId: u.entityId,
  unitId: u.unitId,
  scope: u.scope,
});

function triggerWords(t: Trigger, due: string): Message {
  if (t.kind === 'due')
    return { vi: `đến hạn hôm nay (${displayDate(due)})`, en: `due today (${displayDate(due)})` };
  if (t.kind === 'before')
    return {
      vi: `còn ${t.daysUntilDue} ngày đến hạn ${displayDate(due)}`,
      en: `${t.daysUntilDue} day(s) before the due date ${displayDate(due)}`,
    };
  return {
    vi: `quá hạn ${t.workingDaysOverdue} ngày làm việc (hạn ${displayDate(due)})`,
    en: `${t.workingDaysOverdue} working day(s) overdue (due ${displayDate(due)})`,
  };
}

const joinReasons = (items: readonly TriggeredAssignment[]): Message => ({
  vi: items.map((i) => `${i.title}: ${triggerWords(i.trigger, i.dueDate).vi}`).join('; '),
  en: items.map((i) => `${i.title}: ${triggerWords(i.trigger, i.dueDate).en}`).join('; '),
});

/** Who gets what on `snapshot.date`: pure, deterministic, every delivery with its reason. */
export function planReminders(snapshot: ReminderSnapshot): ReminderPlan {
  const { date, appUrl } = snapshot;
  const deliveries: PlannedDelivery[] = [];
  const notes: PlanNote[] = [];
  const users = snapshot.users.filter((u) => u.enabled && u.email);

  for (const { cycle, entities } of snapshot.cycles) {
    const policy = policyOf(cycle);
    if (cycle.status !== 'open' || !policy.enabled) continue;
    const cal = calendarFor(policy);
    if (!isWorkingDay(date, cal)) {
      notes.push({
        cycleId: cycle.cycleId,
        message: {
          vi: `${displayDate(date)} không phải ngày làm việc: không gửi nhắc việc.`,
          en: `${displayDate(date)} is not a working day: no reminders.`,
        },
      });
      continue;
    }
    const cycleRef: CycleRef = { cycleId: cycle.cycleId, name: cycle.name, year: cycle.year };
    const weekly = isFirstWorkingDayOfWeek(date, cal);
    const escalated: AdminDigest['items'] = [];

    for (const e of entities) {
      const entityRef: EntityRef = { entityId: e.entity.entityId, name: e.entity.name };
      const owed = owedAssignments(cycle, e, date, cal, appUrl);
      const unitsById = new Map(e.units.map((u) => [u.unitId, u]));
      const inEntity = users.filter((u) => u.entityId === e.entity.entityId);
      const entityLeaders = inEntity.filter((u) => u.role === 'leader');

      // Unit digests: one per unit with at least one assignment on a ladder step today.
      const byUnit = new Map<string, TriggeredAssignment[]>();
      for (const a of owed) {
        const trigger = triggerFor(a.dueDate, date, policy, cal);
        if (!trigger) continue;
        const list = byUnit.get(a.unitId) ?? [];
        list.push({ ...a, trigger });
        byUnit.set(a.unitId, list);
      }
      for (const [unitId, items] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
        items.sort(byUrgency);
        const unit = unitsById.get(unitId);
        const unitName = unit?.name ?? { vi: unitId, en: unitId };
        const members = inEntity.filter((u) => u.role === 'member' && u.unitId === unitId);
        const unitHeads = inEntity.filter((u) => u.role === 'leader' && u.unitId === unitId);
        const heads = unitHeads.length > 0 ? unitHeads : entityLeaders;
        const worst = Math.max(...items.map((i) => i.workingDaysOverdue));
        const copyHead = worst > policy.copyUnitHeadAfterDaysOverdue;
        const content: UnitDigest = {
          kind: 'unit-digest',
          cycle: cycleRef,
          entity: entityRef,
          unit: { unitId, name: unitName },
          items,
          ...(copyHead ? { headCopied: { afterWorkingDays: policy.copyUnitHeadAfterDaysOverdue } } : {}),
        };
        const dedupeKind = `unit-digest/${cycle.cycleId}/${e.entity.entityId}/${unitId}`;
        const why = joinReasons(items);
        const to = members.length > 0 ? members : heads;
        if (to.length === 0)
          notes.push({
            cycleId: cycle.cycleId,
            entityId: e.entity.entityId,
            unitId,
            message: {
              vi: `${unitName.vi} còn việc phải nhắc nhưng không có người nhận (chưa có thành viên hay lãnh đạo).`,
              en: `${unitName.en} owes work but has no one to remind (no member or leader).`,
            },
          });
        for (const u of to)
          deliveries.push({
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
            deliveries.push({
              ...emailTo(u, 'cc'),
              dedupeKind,
              content,
              reason: {
                vi: `Bản sao cho lãnh đạo: có việc quá hạn hơn ${policy.copyUnitHeadAfterDaysOverdue} ngày làm việc (${worst} ngày).`,
                en: `Copy to the unit head: work more than ${policy.copyUnitHeadAfterDaysOverdue} working days overdue (${worst}).`,
              },
            });
        if (snapshot.webhook)
          deliveries.push({
            channel: 'webhook',
            recipientKey: `webhook:unit:${e.entity.entityId}/${unitId}`,
            dedupeKind,
            audience: `unit:${e.entity.entityId}/${unitId}`,
            role: 'to',
            locale: 'vi',
            content,
            reason: {
              vi: `Nhóm trao đổi của ${unitName.vi}: ${why.vi}`,
              en: `Chat group of ${unitName.en}: ${why.en}`,
            },
          });
      }

      for (const a of owed)
        if (a.workingDaysOverdue > policy.escalateToAdminAfterDaysOverdue)
          escalated.push({
            ...a,
            entityName: e.entity.name,
            unitName: unitsById.get(a.unitId)?.name ?? { vi: a.unitId, en: a.unitId },
          });

      // Weekly summary for the entity's leaders, while anything is owed.
      if (weekly && owed.length > 0) {
        const r = e.readiness;
        const content: LeaderWeekly = {
          kind: 'leader-weekly',
          cycle: cycleRef,
          entity: entityRef,
          readiness: {
            formulaVersion: r.formulaVersion,
            completenessPercent: r.completenessPercent,
            evidenceCoveragePercent: r.evidenceCoveragePercent,
            projectedIndexPercent: r.projectedIndexPercent,
            band: r.band,
            completeCount: r.completeCount,
            criteriaCount: r.criteriaCount,
          },
          units: [...new Set(owed.map((a) => a.unitId))].sort().map((unitId) => ({
            unitId,
            name: unitsById.get(unitId)?.name ?? { vi: unitId, en: unitId },
            owed: owed.filter((a) => a.unitId === unitId).length,
            overdue: owed.filter((a) => a.unitId === unitId && a.workingDaysOverdue > 0).length,
          })),
          worst: [...owed].sort(byUrgency).slice(0, 10),
          owedCount: owed.length,
        };
        const dedupeKind = `leader-weekly/${cycle.cycleId}/${e.entity.entityId}`;
        for (const u of entityLeaders)
          deliveries.push({
            ...emailTo(u, 'to'),
            dedupeKind,
            content,
            reason: {
              vi: `Tổng hợp hằng tuần cho lãnh đạo ${e.entity.name.vi}: còn ${owed.length} nhiệm vụ chưa xong.`,
              en: `Weekly summary for the leaders of ${e.entity.name.en}: ${owed.length} task(s) still open.`,
            },
          });
        if (snapshot.webhook)
          deliveries.push({
            channel: 'webhook',
            recipientKey: `webhook:entity:${e.entity.entityId}`,
            dedupeKind,
            audience: `entity:${e.entity.entityId}`,
            role: 'to',
            locale: 'vi',
            content,
            reason: {
              vi: `Tổng hợp hằng tuần của ${e.entity.name.vi}.`,
              en: `Weekly summary of ${e.entity.name.en}.`,
            },
          });
      }
    }

    // The administrators' daily digest: what is overdue beyond M working days, within each admin's scope.
    if (escalated.length > 0) {
      escalated.sort(byUrgency);
      const dedupeKind = `admin-digest/${cycle.cycleId}`;
      const entityOf = new Map(entities.map((e) => [e.entity.entityId, e.entity]));
      const admins = users.filter((u) => u.role === 'admin');
      for (const u of admins) {
        const mine = escalated.filter((i) => {
          const ent = entityOf.get(i.entityId);
          return decide(actorOf(u), 'reminder:escalation', { entityId: i.entityId, province: ent?.province })
            .allow;
        });
        if (mine.length === 0) continue;
        deliveries.push({
          ...emailTo(u, 'to'),
          dedupeKind,
          content: {
            kind: 'admin-digest',
            cycle: cycleRef,
            afterWorkingDays: policy.escalateToAdminAfterDaysOverdue,
            items: mine,
          },
          reason: {
            vi: `Quản trị viên có phạm vi gồm đơn vị có ${mine.length} nhiệm vụ quá hạn hơn ${policy.escalateToAdminAfterDaysOverdue} ngày làm việc.`,
            en: `Administrator whose scope includes ${mine.length} task(s) more than ${policy.escalateToAdminAfterDaysOverdue} working days overdue.`,
          },
        });
      }
      if (admins.length === 0)
        notes.push({
          cycleId: cycle.cycleId,
          message: {
            vi: 'Có việc quá hạn cần báo quản trị viên nhưng chưa có quản trị viên nào.',
            en: 'Overdue work should be escalated but there is no administrator.',
          },
        });
      if (snapshot.webhook)
        deliveries.push({
          channel: 'webhook',
          recipientKey: 'webhook:admins',
          dedupeKind,
          audience: 'admins',
          role: 'to',
          locale: 'vi',
          content: {
            kind: 'admin-digest',
            cycle: cycleRef,
            afterWorkingDays: policy.escalateToAdminAfterDaysOverdue,
            items: escalated,
          },
          reason: {
            vi: `Nhóm quản trị: ${escalated.length} nhiệm vụ quá hạn hơn ${policy.escalateToAdminAfterDaysOverdue} ngày làm việc.`,
            en: `Administrators' group: ${escalated.length} task(s) more than ${policy.escalateToAdminAfterDaysOverdue} working days overdue.`,
          },
        });
    }
  }
  return { date, deliveries, notes };
}
