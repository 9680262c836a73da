/**
 * The shapes a reminder plan is made of (docs/reminders.md): what is owed, why it is reminded, who gets which
 * digest, and the snapshot the planner reads. Types only, plus the cycle's effective policy.
 */

import type { Assignment } from './assignment.ts';
import { type Cycle, DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './cycle.ts';
import type { Message } from './errors.ts';
import type { FrameworkNode } from './framework.ts';
import type { FrameworkLabel } from './framework-label.ts';
import type { Entity, Unit } from './organization.ts';
import type { Readiness } from './readiness.ts';
import type { UserProfile } from './user.ts';

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
  /** The scored framework's name and provenance, stated wherever a message gives scores or an index. */
  framework?: FrameworkLabel;
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
  > &
    /** While survey points are pending, the self-assessed part rescaled to 100 (docs/readiness.md, rule 15). */
    Partial<Pick<Readiness, 'selfAssessedIndexPercent' | 'surveyPending'>>;
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
    framework?: FrameworkLabel;
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
