/**
 * What every step of the reminder plan shares (docs/reminders.md): the day's context, urgency order, how a
 * delivery is addressed (an e-mail to a user in their language, or a webhook audience), and the reason words.
 */
import type { Actor } from './actor.ts';
import type { ReminderPolicy } from './cycle.ts';
import type { Message } from './errors.ts';
import type { Unit } from './organization.ts';
import type {
  CycleRef,
  CycleSnapshot,
  DigestContent,
  EntityRef,
  EntitySnapshot,
  OwedAssignment,
  PlannedDelivery,
  Recipient,
  ReminderPlan,
  Trigger,
  TriggeredAssignment,
} from './reminders-model.ts';
import type { UserProfile } from './user.ts';
import { displayDate, type WorkingCalendar } from './working-days.ts';

/** One open cycle on one working day: what its steps read, and the plan they add to. */
export interface CycleStep {
  date: string;
  appUrl: string;
  webhook: boolean;
  /** Enabled users with an e-mail address. */
  users: readonly UserProfile[];
  cycle: CycleSnapshot['cycle'];
  cycleRef: CycleRef;
  policy: ReminderPolicy;
  cal: WorkingCalendar;
  plan: ReminderPlan;
}

/** One entity of that cycle: what it owes today and its people. */
export interface EntityStep extends CycleStep {
  e: EntitySnapshot;
  entityRef: EntityRef;
  owed: OwedAssignment[];
  unitsById: ReadonlyMap<string, Unit>;
  inEntity: readonly UserProfile[];
  entityLeaders: readonly UserProfile[];
}

/** Most overdue first, then soonest due. */
export const byUrgency = (a: OwedAssignment, b: OwedAssignment) =>
  b.workingDaysOverdue - a.workingDaysOverdue ||
  a.dueDate.localeCompare(b.dueDate) ||
  a.assignmentId.localeCompare(b.assignmentId);

export const unitNameOf = (unitsById: ReadonlyMap<string, Unit>, unitId: string): Message =>
  unitsById.get(unitId)?.name ?? { vi: unitId, en: unitId };

const recipientOf = (u: UserProfile): Recipient => ({
  userId: u.userId,
  email: u.email,
  name: u.name,
  locale: u.locale ?? 'vi',
});

/** The addressing part of an e-mail delivery to one user, in their language. */
export const emailTo = (u: UserProfile, role: 'to' | 'cc') => ({
  channel: 'email' as const,
  recipientKey: `user:${u.userId}`,
  recipient: recipientOf(u),
  role,
  locale: u.locale ?? 'vi',
});

/** A webhook delivery: one per audience a bridge routes to a chat group, always in Vietnamese. */
export const webhookTo = (
  audience: string,
  dedupeKind: string,
  content: DigestContent,
  reason: Message,
): PlannedDelivery => ({
  channel: 'webhook',
  recipientKey: `webhook:${audience}`,
  dedupeKind,
  audience,
  role: 'to',
  locale: 'vi',
  content,
  reason,
});

export const actorOf = (u: UserProfile): Actor => ({
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

/** Each digest line says why it is there (days left, or working days overdue). */
export const joinReasons = (items: readonly TriggeredAssignment[]): Message => ({
  vi: items.map((i) => `${i.title}: ${triggerWords(i.trigger, i.dueDate).vi}`).join('; '),
  en: items.map((i) => `${i.title}: ${triggerWords(i.trigger, i.dueDate).en}`).join('; '),
});
