/**
 * Reminder runs and previews (docs/reminders.md). The scheduled function, the local timer and `npm run remind` all
 * call `runReminders`; the preview endpoints call `previewReminders`. Who gets what is decided by the pure
 * planner (shared/domain/reminders.ts) on a snapshot loaded here; what is missing comes from the readiness
 * module only. Sending goes through the outbox: the record is written first, then claimed, then sent.
 */
import type { Actor } from '#domain/actor.ts';
import type { Cycle } from '#domain/cycle.ts';
import { NotFoundError, ValidationError } from '#domain/errors.ts';
import type { Framework } from '#domain/framework.ts';
import { frameworkLabelOf } from '#domain/framework-label.ts';
import type { OutboxStatus } from '#domain/outbox.ts';
import { authorize, decide } from '#domain/policy.ts';
import { computeReadiness } from '#domain/readiness.ts';
import {
  type CycleSnapshot,
  type EntitySnapshot,
  type PlanNote,
  planReminders,
  policyOf,
  type ReminderPlan,
  reviewsFromScores,
} from '#domain/reminders.ts';
import { localDate, localTime } from '#domain/working-days.ts';
import type {
  AssignmentRepository,
  Clock,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  Mailer,
  OrganizationRepository,
  OutboxRepository,
  Page,
  ProviderRecordRepository,
  ScoreRepository,
  SubmissionRepository,
  UserRepository,
  WebhookSender,
} from '#ports.ts';
import { deliver, draftMessage, type Outcome } from './reminders-deliver.ts';
import { authorizeInScope, filterInScope, type ScopeDeps } from './scope.ts';
import { entityNotInCycle, readinessInputOf } from './scoring-context.ts';

export { deliver, draftMessage, type Outcome } from './reminders-deliver.ts';
export { type MailEvent, recordMailEvent } from './reminders-mail-events.ts';

export interface ReminderDataDeps {
  cycles: CycleRepository;
  organizations: OrganizationRepository;
  frameworks: FrameworkRepository;
  assignments: AssignmentRepository;
  evidence: EvidenceRepository;
  scores: ScoreRepository;
  /** Reopened self-assessments move due dates in the readiness the reminders are planned from. */
  submissions: SubmissionRepository;
  users: UserRepository;
  clock: Clock;
  /** Base URL of the web app, for links in messages. */
  appUrl: string;
  /** Whether a webhook channel is configured (previews show its messages too). */
  webhookConfigured: boolean;
}

export interface ReminderDeps extends ReminderDataDeps {
  ids: IdGenerator;
  outbox: OutboxRepository;
  /** What the mail provider recorded of each message: an interrupted e-mail is settled from it. */
  providerRecords: ProviderRecordRepository;
  /** How long an interrupted e-mail waits for a provider record before it is resent (default 15 min). */
  resendGraceMs?: number;
  mailer: Mailer;
  webhook?: WebhookSender;
  log?: (line: string) => void;
}

async function all<T>(fetch: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

export interface SnapshotFilter {
  cycleId?: string;
  /** Keeps an entity of a cycle (the caller's scope). */
  entity?: (entityId: string, province: string | undefined) => boolean;
  /** Keeps a cycle (scheduled runs: only cycles whose send time has come). */
  cycle?: (c: Cycle) => boolean;
}

/** Everything the planner needs for one date, read once. */
/** What the reminders of `date` (YYYY-MM-DD, Asia/Ho_Chi_Minh) are planned from; readiness is judged on that day. */
export async function loadSnapshot(deps: ReminderDataDeps, date: string, filter: SnapshotFilter = {}) {
  const cycles = filter.cycleId
    ? [await deps.cycles.get(filter.cycleId)].filter((c): c is Cycle => c !== undefined)
    : await all((c) => deps.cycles.list(100, c));
  const open = cycles.filter((c) => c.status === 'open' && (filter.cycle?.(c) ?? true));
  const notes: PlanNote[] = [];
  const snapshots: CycleSnapshot[] = [];
  for (const cycle of open) {
    const framework: Framework | undefined = await deps.frameworks.get(
      cycle.frameworkId,
      cycle.frameworkVersion,
    );
    if (!framework) {
      notes.push({
        cycleId: cycle.cycleId,
        message: {
          vi: 'Không tìm thấy bộ tiêu chí của kỳ: bỏ qua.',
          en: "The cycle's framework is missing: skipped.",
        },
      });
      continue;
    }
    const entities = await Promise.all(
      cycle.entityIds.map(async (entityId): Promise<EntitySnapshot | undefined> => {
        const entity = await deps.organizations.getEntity(entityId);
        if (!entity || !(filter.entity?.(entityId, entity.province) ?? true)) return undefined;
        const [units, assignments, evidence, scores, reopenings] = await Promise.all([
          deps.organizations.listUnits(entityId),
          deps.assignments.listAll(cycle.cycleId, entityId),
          deps.evidence.listByEntity(cycle.cycleId, entityId),
          deps.scores.listByEntity(cycle.cycleId, entityId),
          deps.submissions.listByEntity(cycle.cycleId, entityId),
        ]);
        const readiness = computeReadiness(
          readinessInputOf({ cycle, entity, framework }, { evidence, scores, assignments, reopenings }, date),
        );
        return {
          entity,
          units,
          assignments,
          readiness,
          nodes: framework.nodes,
          reviews: reviewsFromScores(scores),
        };
      }),
    );
    snapshots.push({
      cycle: { ...cycle, framework: frameworkLabelOf(framework) },
      entities: entities.filter((e): e is EntitySnapshot => e !== undefined),
    });
  }
  const users = await all((c) => deps.users.list({}, 100, c));
  return { cycles: snapshots, users, notes };
}

async function plan(deps: ReminderDataDeps, date: string, filter: SnapshotFilter): Promise<ReminderPlan> {
  const snap = await loadSnapshot(deps, date, filter);
  const p = planReminders({
    date,
    cycles: snap.cycles,
    users: snap.users,
    appUrl: deps.appUrl,
    webhook: deps.webhookConfigured,
  });
  return { ...p, notes: [...snap.notes, ...p.notes] };
}

export interface RunOptions {
  /** Local date to run for; default today in Asia/Ho_Chi_Minh. */
  date?: string;
  /**
   * Scheduled runs: only cycles whose `reminderPolicy.sendAt` hour has come today. The schedule is hourly, so
   * a cycle is handled by the first run of its hour (09:30 → the 09:00 run; 23:30 → 23:00, never tomorrow).
   */
  dueOnly?: boolean;
  /** Plan and render, but neither record nor send. */
  dryRun?: boolean;
  /** Only this cycle (default: every open cycle). */
  cycleId?: string;
}

export interface RunResult {
  date: string;
  dryRun: boolean;
  planned: number;
  outcomes: Record<string, number>;
  messages: {
    key: string;
    channel: string;
    to: string;
    dedupeKind: string;
    subject: string;
    outcome: Outcome | 'dry-run';
    reason: string;
  }[];
  notes: PlanNote[];
}

export async function runReminders(deps: ReminderDeps, opts: RunOptions = {}): Promise<RunResult> {
  const now = deps.clock.now();
  const date = opts.date ?? localDate(now);
  const time = localTime(now);
  const p = await plan(deps, date, {
    cycleId: opts.cycleId,
    cycle: opts.dueOnly ? (c) => policyOf(c).sendAt.slice(0, 2) <= time.slice(0, 2) : undefined,
  });
  const outcomes: Record<string, number> = {};
  const messages: RunResult['messages'] = [];
  for (const d of p.deliveries) {
    const draft = draftMessage(d, date, deps.ids.next(), now.toISOString());
    const outcome = opts.dryRun ? 'dry-run' : await deliver(deps, draft);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    messages.push({
      key: draft.key,
      channel: draft.channel,
      to: draft.address,
      dedupeKind: draft.dedupeKind,
      subject: draft.subject,
      outcome,
      reason: draft.reason.vi,
    });
  }
  return {
    date,
    dryRun: Boolean(opts.dryRun),
    planned: p.deliveries.length,
    outcomes,
    messages,
    notes: p.notes,
  };
}

export interface PreviewQuery {
  date?: string;
  cycleId?: string;
  entityId?: string;
}

/** What a run would send on a date, to whom and why, limited to what the caller may see. Writes nothing. */
export async function previewReminders(
  deps: ReminderDataDeps & { outbox?: OutboxRepository },
  actor: Actor,
  q: PreviewQuery,
) {
  await authorizeInScope({ org: deps.organizations }, actor, 'reminder:preview', { entityId: q.entityId });
  const date = q.date ?? localDate(deps.clock.now());
  const cycle = q.cycleId ? await deps.cycles.get(q.cycleId) : undefined;
  if (q.cycleId && !cycle)
    throw new NotFoundError({
      vi: `Không có kỳ đánh giá "${q.cycleId}".`,
      en: `No assessment cycle "${q.cycleId}".`,
    });
  if (q.entityId && !q.cycleId)
    throw new ValidationError([
      {
        field: 'query.cycleId',
        message: { vi: 'Cần chọn kỳ đánh giá.', en: 'A cycle is required with an entity.' },
      },
    ]);
  // An entity the cycle does not assess (or that does not exist) has nothing to preview: say so, not an empty 200.
  if (q.entityId && !cycle?.entityIds.includes(q.entityId)) throw entityNotInCycle(q.entityId);
  const p = await plan(deps, date, {
    cycleId: q.cycleId,
    entity: (entityId, province) =>
      (q.entityId === undefined || entityId === q.entityId) &&
      decide(actor, 'reminder:preview', { entityId, province }).allow,
  });
  const stored = new Map<string, OutboxStatus>();
  if (deps.outbox) {
    let cursor: string | undefined;
    do {
      const page = await deps.outbox.listByDate(date, 200, cursor);
      for (const m of page.items) stored.set(m.key, m.status);
      cursor = page.next;
    } while (cursor);
  }
  const now = deps.clock.now().toISOString();
  return {
    date,
    deliveries: p.deliveries
      // Leaders see their own entity's messages, not the administrators' digest.
      .filter((d) => actor.role === 'admin' || d.content.kind !== 'admin-digest')
      .map((d) => {
        const m = draftMessage(d, date, 'preview', now);
        return {
          channel: m.channel,
          kind: m.kind,
          role: m.role,
          recipient: d.recipient,
          audience: d.audience,
          cycleId: m.cycleId,
          entityId: m.entityId,
          unitId: m.unitId,
          subject: m.subject,
          text: m.text,
          reason: m.reason,
          storedStatus: stored.get(m.key),
        };
      }),
    notes: p.notes,
  };
}

/** The stored outbox of a date (admins), newest records included with their status and reason. */
export async function listOutbox(
  deps: { outbox: OutboxRepository; clock: Clock } & ScopeDeps,
  actor: Actor,
  q: { date?: string; limit?: number; cursor?: string },
) {
  authorize(actor, 'reminder:outbox');
  const date = q.date ?? localDate(deps.clock.now());
  const page = await deps.outbox.listByDate(date, q.limit ?? 50, q.cursor);
  return {
    items: (await filterInScope(deps, actor, 'reminder:outbox', page.items)).map(
      ({ html: _html, payload: _payload, ...rest }) => rest,
    ),
    next: page.next,
  };
}
