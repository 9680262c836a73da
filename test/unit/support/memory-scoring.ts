/**
 * In-memory ports for the scoring and readiness use cases: the same conditional-write contract as the
 * DynamoDB adapters (version checks, all-or-nothing per change, append-only audit), so workflow rules and
 * time-dependent locks can be tested with a fixed clock in milliseconds.
 */
import type { Actor } from '#domain/actor.ts';
import type { Assignment } from '#domain/assignment.ts';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { Framework } from '#domain/framework.ts';
import type { Entity, Unit } from '#domain/organization.ts';
import type { ReadinessSnapshot } from '#domain/readiness.ts';
import type { Comment, ReviewQueueItem, Score, Submission, SurveyImport } from '#domain/scoring.ts';
import type {
  AssignmentRepository,
  AuditEntry,
  AuditRepository,
  Clock,
  CommentRepository,
  CycleRepository,
  EvidenceRepository,
  FrameworkRepository,
  IdGenerator,
  OrganizationRepository,
  Page,
  ReviewQueueRepository,
  ScoreRepository,
  ScoreWrite,
  SnapshotRepository,
  SubmissionRepository,
  SurveyRepository,
} from '#ports.ts';

const clone = <T>(x: T): T => structuredClone(x);
const pageOf = <T>(all: T[], limit: number, cursor?: string): Page<T> => {
  const start = cursor ? Number(cursor) : 0;
  const items = all.slice(start, start + limit);
  return { items, ...(start + limit < all.length ? { next: String(start + limit) } : {}) };
};

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next: string) => {
      now = new Date(next);
    },
  };
}

export function sequentialIds(prefix = '01J'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}${String(++n).padStart(23, '0')}` };
}

export interface World {
  cycles: Map<string, Cycle>;
  frameworks: Map<string, Framework>;
  entities: Map<string, Entity>;
  units: Unit[];
  assignments: Assignment[];
  evidence: Evidence[];
  scores: Map<string, Score>;
  queue: Map<string, ReviewQueueItem>;
  comments: Comment[];
  audit: (AuditEntry & { scope: string; criterionCode?: string })[];
  submissions: Map<string, Submission>;
  surveys: Map<string, SurveyImport>;
  snapshots: Map<string, ReadinessSnapshot>;
}

export function memoryWorld(): World {
  return {
    cycles: new Map(),
    frameworks: new Map(),
    entities: new Map(),
    units: [],
    assignments: [],
    evidence: [],
    scores: new Map(),
    queue: new Map(),
    comments: [],
    audit: [],
    submissions: new Map(),
    surveys: new Map(),
    snapshots: new Map(),
  };
}

const k = (...parts: (string | undefined)[]) => parts.map((p) => p ?? '*').join('|');
const codeOf = (subject: string) =>
  subject.startsWith('criterion/') ? subject.slice('criterion/'.length) : undefined;

export function memoryDeps(w: World, clock: Clock, ids: IdGenerator = sequentialIds()) {
  const addAudit = (cycleId: string, entityId: string, audit: AuditEntry) => {
    if (w.audit.some((a) => a.auditId === audit.auditId)) throw new Error('audit entries are written once');
    w.audit.push({ ...clone(audit), scope: k(cycleId, entityId), criterionCode: codeOf(audit.subject) });
  };

  const cycles: CycleRepository = {
    get: async (id) => clone(w.cycles.get(id)),
    list: async (limit, cursor) => pageOf([...w.cycles.values()].map(clone), limit, cursor),
    create: async () => {
      throw new Error('not used');
    },
    update: async () => {
      throw new Error('not used');
    },
  };
  const frameworks = {
    get: async (id: string, version: number) => clone(w.frameworks.get(`${id}@${version}`)),
  } as unknown as FrameworkRepository;
  const org = {
    getEntity: async (id: string) => clone(w.entities.get(id)),
    listUnits: async (entityId: string) => w.units.filter((u) => u.entityId === entityId).map(clone),
  } as unknown as OrganizationRepository;
  const assignments = {
    listAll: async (cycleId: string, entityId: string) =>
      w.assignments.filter((a) => a.cycleId === cycleId && a.entityId === entityId).map(clone),
  } as unknown as AssignmentRepository;
  const evidence = {
    listByEntity: async (cycleId: string, entityId: string) =>
      w.evidence.filter((e) => e.cycleId === cycleId && e.entityId === entityId && !e.deletedAt).map(clone),
    listByCriterion: async (
      cycleId: string,
      entityId: string,
      code: string,
      limit: number,
      cursor?: string,
    ) =>
      pageOf(
        w.evidence
          .filter((e) => e.cycleId === cycleId && e.entityId === entityId && !e.deletedAt)
          .filter((e) => e.criterionCodes.includes(code))
          .map(clone),
        limit,
        cursor,
      ),
  } as unknown as EvidenceRepository;

  const applyScore = (c: ScoreWrite) => {
    const key = k(c.score.cycleId, c.score.entityId, c.score.criterionCode);
    const current = w.scores.get(key);
    if ((current?.version ?? undefined) !== c.expectedVersion) return false;
    w.scores.set(key, clone(c.score));
    if (c.queue && 'put' in c.queue) w.queue.set(key, clone(c.queue.put));
    else if (c.queue) w.queue.delete(key);
    if (c.comment) w.comments.push(clone(c.comment));
    addAudit(c.score.cycleId, c.score.entityId, c.audit);
    return true;
  };
  const scores: ScoreRepository = {
    get: async (cycleId, entityId, code) => clone(w.scores.get(k(cycleId, entityId, code))),
    listByEntity: async (cycleId, entityId) =>
      [...w.scores.values()].filter((s) => s.cycleId === cycleId && s.entityId === entityId).map(clone),
    async write(c) {
      // Yield first, as a network call would: concurrent writers interleave here.
      await Promise.resolve();
      if (!applyScore(c))
        throw new ConflictError(
          { vi: 'xung đột', en: 'conflict' },
          clone(w.scores.get(k(c.score.cycleId, c.score.entityId, c.score.criterionCode))),
        );
    },
    async writeMany(changes) {
      await Promise.resolve();
      const written: string[] = [];
      for (const c of changes) {
        if (!applyScore(c))
          throw new ConflictError(
            { vi: 'xung đột', en: 'conflict' },
            { written, conflicts: [c.score.criterionCode] },
          );
        written.push(c.score.criterionCode);
      }
    },
  };
  const queue: ReviewQueueRepository = {
    async list(cycleId, filter, limit, cursor) {
      const items = [...w.queue.values()]
        .filter((q) => q.cycleId === cycleId)
        .filter((q) => !filter.entityIds || filter.entityIds.includes(q.entityId))
        .filter((q) => filter.province === undefined || q.province === filter.province)
        .sort((a, b) =>
          `${a.queuedAt}#${a.entityId}#${a.criterionCode}`.localeCompare(
            `${b.queuedAt}#${b.entityId}#${b.criterionCode}`,
          ),
        );
      return pageOf(items.map(clone), limit, cursor);
    },
  };
  const comments: CommentRepository = {
    list: async (cycleId, entityId, code, limit, cursor) =>
      pageOf(
        w.comments
          .filter((c) => c.cycleId === cycleId && c.entityId === entityId && c.criterionCode === code)
          .map(clone),
        limit,
        cursor,
      ),
    async add(comment, audit) {
      w.comments.push(clone(comment));
      addAudit(comment.cycleId, comment.entityId, audit);
    },
  };
  const submissions: SubmissionRepository = {
    listByEntity: async (cycleId, entityId) =>
      [...w.submissions.values()].filter((s) => s.cycleId === cycleId && s.entityId === entityId).map(clone),
    async save(s, expected, audit) {
      const key = k(s.cycleId, s.entityId, s.unitId);
      const current = w.submissions.get(key);
      if ((current?.version ?? undefined) !== expected)
        throw new ConflictError({ vi: 'xung đột', en: 'conflict' }, clone(current) ?? null);
      w.submissions.set(key, clone(s));
      addAudit(s.cycleId, s.entityId, audit);
    },
  };
  const surveys: SurveyRepository = {
    listByEntity: async (cycleId, entityId) =>
      [...w.surveys.values()].filter((s) => s.cycleId === cycleId && s.entityId === entityId).map(clone),
    async save(s, expected, audit) {
      const key = k(s.cycleId, s.entityId, s.criterionCode);
      const current = w.surveys.get(key);
      if ((current?.version ?? undefined) !== expected)
        throw new ConflictError({ vi: 'xung đột', en: 'conflict' }, clone(current) ?? null);
      w.surveys.set(key, clone(s));
      addAudit(s.cycleId, s.entityId, audit);
    },
  };
  const audit: AuditRepository = {
    listByEntity: async (cycleId, entityId, order, limit, cursor) => {
      const all = w.audit.filter((a) => a.scope === k(cycleId, entityId));
      const sorted = order === 'asc' ? all : [...all].reverse();
      return pageOf(
        sorted.map(({ scope: _s, criterionCode: _c, ...a }) => clone(a)),
        limit,
        cursor,
      );
    },
    listByCriterion: async (cycleId, entityId, code, order, limit, cursor) => {
      const all = w.audit.filter((a) => a.scope === k(cycleId, entityId) && a.criterionCode === code);
      const sorted = order === 'asc' ? all : [...all].reverse();
      return pageOf(
        sorted.map(({ scope: _s, criterionCode: _c, ...a }) => clone(a)),
        limit,
        cursor,
      );
    },
  };
  const snapshots: SnapshotRepository = {
    async putIfAbsent(s) {
      const key = k(s.cycleId, s.entityId, s.date);
      if (w.snapshots.has(key)) return false;
      w.snapshots.set(key, clone(s));
      return true;
    },
    list: async (cycleId, entityId, from, to) =>
      [...w.snapshots.values()]
        .filter((s) => s.cycleId === cycleId && s.entityId === entityId)
        .filter((s) => (!from || s.date >= from) && (!to || s.date <= to))
        .sort((a, b) => a.date.localeCompare(b.date))
        .map(clone),
  };
  return {
    cycles,
    frameworks,
    org,
    assignments,
    evidence,
    scores,
    queue,
    comments,
    submissions,
    surveys,
    audit,
    snapshots,
    clock,
    ids,
  };
}

export const actorOf = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: `u-${role}${extra.unitId ? `-${extra.unitId}` : ''}`,
  role,
  ...extra,
});
