/**
 * Self-assessment and appraisal: the pure rules (guide, bounds, computed criteria, deadlines in
 * Asia/Ho_Chi_Minh) and the workflow through the use cases on in-memory ports with a fixed clock — lock and
 * reopen, versions, the reviewers' queue, the audit trail.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#domain/cycle.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#domain/errors.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { Framework, FrameworkNode } from '#domain/framework.ts';
import { FORMULA_VERSION } from '#domain/readiness.ts';
import { checkSelfScore, computedPoints, editDeadline, guideThresholds, localDate } from '#domain/scoring.ts';
import { loadBundledFramework } from '#infra/local/bundled-frameworks.ts';
import { listCriterionAudit, listEntityAudit } from '#usecases/audit.ts';
import {
  getCycleReadiness,
  getEntityReadiness,
  getUnitReadiness,
  recordSurveyPoints,
  takeDailySnapshots,
} from '#usecases/readiness.ts';
import {
  addComment,
  appraiseCriterion,
  getCriterionScore,
  listComments,
  listReviewQueue,
  listSubmissions,
  reopenSubmission,
  setSelfScore,
  startReview,
  submitSelfAssessment,
} from '#usecases/scoring.ts';
import { actorOf, fixedClock, memoryDeps, memoryWorld, type World } from './support/memory-scoring.ts';

const bundled = loadBundledFramework('par-so-mau');
const nodeOf = (code: string) => bundled.nodes.find((n) => n.code === code)!;

describe('self-score rules', () => {
  it('an evidence criterion with a guide takes only its levels, within its scale', () => {
    const n = nodeOf('1.1'); // guide 2 / 1 / 0
    expect(checkSelfScore(n, { selfScore: 1 })).toEqual({ selfScore: 1 });
    expect(checkSelfScore(n, { selfScore: 1.5 })).toMatchObject({ issues: [{ field: 'body.selfScore' }] });
    expect(checkSelfScore(n, { selfScore: 3 })).toMatchObject({ issues: [{ field: 'body.selfScore' }] });
    expect(checkSelfScore(n, {})).toMatchObject({ issues: [{ field: 'body.selfScore' }] });
    expect(
      checkSelfScore(n, { inputs: { numerator: { value: 1 }, denominator: { value: 2 } } }),
    ).toMatchObject({
      issues: [{ field: 'body.inputs' }],
    });
  });

  it('without a guide, any score within the scale; bonus and penalty within 0–max', () => {
    const free: FrameworkNode = { ...nodeOf('1.1'), guide: undefined, maxPoints: 2 };
    expect(checkSelfScore(free, { selfScore: 1.25 })).toEqual({ selfScore: 1.25 });
    expect(checkSelfScore(free, { selfScore: -0.5 })).toHaveProperty('issues');
    expect(checkSelfScore(nodeOf('9.1'), { selfScore: 1 })).toEqual({ selfScore: 1 });
    expect(checkSelfScore(nodeOf('9.1'), { selfScore: 2 })).toHaveProperty('issues');
    expect(checkSelfScore(nodeOf('10.1'), { selfScore: 2 })).toEqual({ selfScore: 2 });
    expect(checkSelfScore(nodeOf('10.1'), { selfScore: 1 })).toHaveProperty('issues'); // guide: 2 or 0
  });

  it('survey criteria are never self-scored', () => {
    expect(checkSelfScore(nodeOf('1.6'), { selfScore: 1 })).toMatchObject({
      issues: [{ field: 'path.criterionCode' }],
    });
  });

  it('computed criteria: guide thresholds read from the levels (3.3, 6.1) — hand-worked', () => {
    expect(guideThresholds(nodeOf('3.3').guide)).toEqual([
      { points: 3, minPercent: 100 },
      { points: 2, minPercent: 95 },
      { points: 1, minPercent: 90 },
      { points: 0, minPercent: 0 },
    ]);
    const p = (code: string, n: number, d: number) => computedPoints(nodeOf(code), n, d);
    expect(p('3.3', 500, 500)).toEqual({ points: 3, percent: 100, rule: 'guide-thresholds' });
    expect(p('3.3', 480, 500)).toMatchObject({ points: 2, percent: 96 });
    expect(p('3.3', 475, 500)).toMatchObject({ points: 2, percent: 95 });
    expect(p('3.3', 460, 500)).toMatchObject({ points: 1, percent: 92 });
    expect(p('3.3', 445, 500)).toMatchObject({ points: 0, percent: 89 });
    expect(p('6.1', 95, 100)).toMatchObject({ points: 2 });
    expect(p('6.1', 80, 100)).toMatchObject({ points: 1 });
    expect(p('6.1', 79.9, 100)).toMatchObject({ points: 0 });
  });

  it('computed criteria without a guide: max × ratio (3.4: 1.5 points)', () => {
    expect(computedPoints(nodeOf('3.4'), 30, 40)).toEqual({
      points: 1.13,
      percent: 75,
      rule: 'proportional',
    });
    const r = checkSelfScore(nodeOf('3.4'), {
      inputs: { numerator: { value: 30 }, denominator: { value: 40 } },
    });
    expect(r).toMatchObject({ selfScore: 1.13, computed: { percent: 75, rule: 'proportional' } });
    expect(
      checkSelfScore(nodeOf('3.4'), { inputs: { numerator: { value: 5 }, denominator: { value: 4 } } }),
    ).toMatchObject({ issues: [{ field: 'body.inputs.numerator.value' }] });
    expect(
      checkSelfScore(nodeOf('3.4'), { inputs: { numerator: { value: 0 }, denominator: { value: 0 } } }),
    ).toMatchObject({ issues: [{ field: 'body.inputs.denominator.value' }] });
    expect(checkSelfScore(nodeOf('3.4'), { selfScore: 1 })).toMatchObject({
      issues: [{ field: 'body.selfScore' }],
    });
  });

  it('deadlines are calendar days in Asia/Ho_Chi_Minh', () => {
    expect(localDate(new Date('2030-12-15T16:59:59Z'))).toBe('2030-12-15'); // 23:59:59 +07
    expect(localDate(new Date('2030-12-15T17:00:00Z'))).toBe('2030-12-16'); // 00:00 +07
    const dates = { selfAssessmentDue: '2030-12-15', appraisalEnd: '2031-01-15' };
    expect(editDeadline(dates, 'draft', [], '2030-12-15')).toEqual({ deadline: '2030-12-15', locked: false });
    expect(editDeadline(dates, 'draft', [], '2030-12-16')).toEqual({ deadline: '2030-12-15', locked: true });
    expect(editDeadline(dates, 'changes_requested', [], '2031-01-10').locked).toBe(false);
    expect(editDeadline(dates, 'draft', [{ reopenedUntil: '2030-12-20' }], '2030-12-18')).toEqual({
      deadline: '2030-12-20',
      locked: false,
    });
  });
});

// ——— Workflow on in-memory ports ———

const CYCLE = 'c2030';
const E1 = 'e1';
const E2 = 'e2';
const lvl = (points: number, en: string) => ({ points, label: { vi: en, en } });
const fw = {
  frameworkId: 'fw',
  version: 1,
  name: { vi: 'Bộ thử', en: 'Test set' },
  index: 'par',
  years: { from: 2030 },
  provenance: 'sample',
  aggregation: 'sum',
  status: 'published',
  bands: [
    { name: 'A', minPercent: 90 },
    { name: 'D', minPercent: 0 },
  ],
  nodes: [
    { code: '1', title: { vi: '1', en: '1' }, maxPoints: 10, method: 'evidence', slots: [] },
    {
      code: '1.1',
      title: { vi: '1.1', en: '1.1' },
      maxPoints: 4,
      method: 'evidence',
      guide: [lvl(4, 'full'), lvl(2, 'part'), lvl(0, 'none')],
      slots: [{ kind: 'ke-hoach', label: { vi: 'KH', en: 'Plan' }, minCount: 1 }],
    },
    { code: '1.2', title: { vi: '1.2', en: '1.2' }, maxPoints: 3, method: 'evidence', slots: [] },
    {
      code: '1.3',
      title: { vi: '1.3', en: '1.3' },
      maxPoints: 3,
      method: 'computed',
      guide: nodeOf('3.3').guide,
      slots: [{ kind: 'bao-cao', label: { vi: 'BC', en: 'Report' }, minCount: 1 }],
    },
    { code: '2', title: { vi: '2', en: '2' }, maxPoints: 5, method: 'survey', slots: [] },
  ],
} as unknown as Framework;

const member = actorOf('member', { entityId: E1, unitId: 'u-a' });
const memberB = actorOf('member', { entityId: E1, unitId: 'u-b' });
const leader = actorOf('leader', { entityId: E1, unitId: 'u-a' });
const reviewer = actorOf('reviewer', { userId: 'r1' });
const reviewer2 = actorOf('reviewer', { userId: 'r2' });
const admin = actorOf('admin');

const ev = (id: string, codes: string[], documentType?: string): Evidence =>
  ({
    evidenceId: id,
    cycleId: CYCLE,
    entityId: E1,
    criterionCodes: codes,
    unconfirmedCodes: [],
    state: 'available',
    documentType,
    files: [],
  }) as unknown as Evidence;

function seed(w: World) {
  w.frameworks.set('fw@1', fw);
  w.cycles.set(CYCLE, {
    cycleId: CYCLE,
    year: 2030,
    name: { vi: 'Kỳ 2030', en: 'Cycle 2030' },
    frameworkId: 'fw',
    frameworkVersion: 1,
    trackedFrameworks: [],
    entityIds: [E1, E2],
    dates: {
      evidenceDue: '2030-11-30',
      selfAssessmentDue: '2030-12-15',
      appraisalStart: '2030-12-18',
      appraisalEnd: '2031-01-15',
      publication: '2031-02-28',
    },
    evidencePolicy: 'available',
    status: 'open',
    version: 1,
  } as unknown as Cycle);
  for (const id of [E1, E2])
    w.entities.set(id, { entityId: id, type: 'so', name: { vi: id, en: id }, province: 'Ninh Thuận' });
  w.units.push(
    { unitId: 'u-a', entityId: E1, name: { vi: 'A', en: 'A' } },
    { unitId: 'u-b', entityId: E1, name: { vi: 'B', en: 'B' } },
  );
  const assign = (assignmentId: string, unitId: string, codes: string[]) =>
    w.assignments.push({
      assignmentId,
      cycleId: CYCLE,
      entityId: E1,
      unitId,
      criteria: codes.map((code) => ({ frameworkId: 'fw', code })),
      title: assignmentId,
      dueDate: '2030-12-01',
      version: 1,
      createdAt: '2030-01-01T00:00:00.000Z',
      createdBy: 'seed',
    });
  assign('t1', 'u-a', ['1.1', '1.3']);
  assign('t2', 'u-b', ['1.2']);
  w.evidence.push(ev('ev-plan', ['1.1'], 'ke-hoach'), ev('ev-report', ['1.3'], 'bao-cao'));
}

const ref = (criterionCode: string, entityId = E1) => ({ cycleId: CYCLE, entityId, criterionCode });
const entity = { cycleId: CYCLE, entityId: E1 };

async function rejects<T extends Error>(p: Promise<unknown>, cls: new (...a: never[]) => T): Promise<T> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(cls);
  return e as T;
}

describe('workflow (use cases, fixed clock)', () => {
  let w: World;
  let clock: ReturnType<typeof fixedClock>;
  let deps: ReturnType<typeof memoryDeps>;

  beforeEach(() => {
    w = memoryWorld();
    seed(w);
    clock = fixedClock('2030-12-10T03:00:00Z');
    deps = memoryDeps(w, clock);
  });

  /** Members of u-a score 1.1 and 1.3, u-b scores 1.2 with an explanation. */
  async function scoreAll() {
    await setSelfScore(deps, member, ref('1.1'), { selfScore: 4 });
    await setSelfScore(deps, member, ref('1.3'), {
      inputs: { numerator: { value: 96, evidenceId: 'ev-report' }, denominator: { value: 100 } },
    });
    await setSelfScore(deps, memberB, ref('1.2'), { selfScore: 3, explanation: 'Văn bản đang trình ký' });
  }

  it('self score: explanation required while slots are unfilled; computed inputs give the points', async () => {
    const noProof = await rejects(setSelfScore(deps, memberB, ref('1.2'), { selfScore: 2 }), ValidationError);
    expect(noProof.issues.map((i) => i.field)).toEqual(['body.explanation']);
    const s = await setSelfScore(deps, memberB, ref('1.2'), { selfScore: 2, explanation: 'Chưa ban hành' });
    expect(s).toMatchObject({ state: 'draft', selfScore: 2, version: 1, explanation: 'Chưa ban hành' });

    const c = await setSelfScore(deps, member, ref('1.3'), {
      inputs: { numerator: { value: 92, evidenceId: 'ev-report' }, denominator: { value: 100 } },
    });
    expect(c).toMatchObject({ selfScore: 1, computed: { percent: 92, rule: 'guide-thresholds' } });
    const wrongEvidence = await rejects(
      setSelfScore(deps, member, ref('1.3'), {
        version: 1,
        inputs: { numerator: { value: 92, evidenceId: 'ev-plan' }, denominator: { value: 100 } },
      }),
      ValidationError,
    );
    expect(wrongEvidence.issues[0]?.field).toBe('body.inputs.numerator.evidenceId');
    await rejects(setSelfScore(deps, member, ref('2'), { selfScore: 1 }), ValidationError);
    await rejects(setSelfScore(deps, member, ref('1'), { selfScore: 1 }), ValidationError);
  });

  it('who may score: members their unit only, leaders the entity, never admins or reviewers', async () => {
    const other = await rejects(setSelfScore(deps, memberB, ref('1.1'), { selfScore: 4 }), ForbiddenError);
    expect(other.reason).toBe('OTHER_UNIT');
    await rejects(setSelfScore(deps, admin, ref('1.1'), { selfScore: 4 }), ForbiddenError);
    await rejects(setSelfScore(deps, reviewer, ref('1.1'), { selfScore: 4 }), ForbiddenError);
    expect(await setSelfScore(deps, leader, ref('1.2'), { selfScore: 3, explanation: 'x' })).toMatchObject({
      selfScore: 3,
    });
    await rejects(submitSelfAssessment(deps, member, entity, {}), ForbiddenError);
    await rejects(
      appraiseCriterion(deps, leader, ref('1.1'), {
        version: 1,
        appraisedScore: 1,
        comment: 'x',
        decision: 'accept',
      }),
      ForbiddenError,
    );
  });

  it('a stale version gets 409 with the current state; a missing version on an existing score too', async () => {
    await setSelfScore(deps, member, ref('1.1'), { selfScore: 4 });
    await setSelfScore(deps, member, ref('1.1'), { version: 1, selfScore: 2 });
    const stale = await rejects(
      setSelfScore(deps, member, ref('1.1'), { version: 1, selfScore: 0 }),
      ConflictError,
    );
    expect(stale.current).toMatchObject({ version: 2, selfScore: 2 });
    await rejects(setSelfScore(deps, member, ref('1.1'), { selfScore: 0 }), ConflictError);
  });

  it('submit → queue (oldest first) → review → changes requested → answer → resubmit → accept', async () => {
    // Submitting before everything is complete names each incomplete criterion, and writes nothing.
    await setSelfScore(deps, member, ref('1.1'), { selfScore: 4 });
    const incomplete = await rejects(submitSelfAssessment(deps, leader, entity, {}), ValidationError);
    expect(incomplete.issues.map((i) => i.field)).toEqual(['body.criteria.1.2', 'body.criteria.1.3']);
    expect(w.queue.size).toBe(0);

    await setSelfScore(deps, member, ref('1.3'), {
      inputs: { numerator: { value: 96, evidenceId: 'ev-report' }, denominator: { value: 100 } },
    });
    await setSelfScore(deps, memberB, ref('1.2'), { selfScore: 3, explanation: 'Văn bản đang trình ký' });
    const unitA = await submitSelfAssessment(deps, leader, entity, { unitId: 'u-a' });
    expect(unitA.submitted).toEqual(['1.1', '1.3']);
    clock.set('2030-12-11T03:00:00Z');
    const rest = await submitSelfAssessment(deps, leader, entity, {});
    expect(rest).toMatchObject({ submitted: ['1.2'], skipped: ['1.1', '1.3'] });

    const queue = await listReviewQueue(deps, reviewer, CYCLE, { limit: 10 });
    expect(queue.items.map((q) => [q.criterionCode, q.state])).toEqual([
      ['1.1', 'submitted'],
      ['1.3', 'submitted'],
      ['1.2', 'submitted'],
    ]);
    expect(queue.items[0]).toMatchObject({ entityId: E1, province: 'Ninh Thuận', unitIds: ['u-a'] });
    // A reviewer scoped to another entity sees none of it.
    const elsewhere = actorOf('reviewer', { scope: { kind: 'entities', entityIds: [E2] } });
    expect((await listReviewQueue(deps, elsewhere, CYCLE, { limit: 10 })).items).toEqual([]);
    await rejects(listReviewQueue(deps, member, CYCLE, { limit: 10 }), ForbiddenError);
    // Province scopes: the queue item carries the entity's province.
    const ninhThuan = actorOf('reviewer', { scope: { kind: 'province', province: 'Ninh Thuận' } });
    const khanhHoa = actorOf('reviewer', { scope: { kind: 'province', province: 'Khánh Hòa' } });
    expect((await listReviewQueue(deps, ninhThuan, CYCLE, { limit: 10, entityId: E1 })).items).toHaveLength(
      3,
    );
    expect((await listReviewQueue(deps, khanhHoa, CYCLE, { limit: 10 })).items).toEqual([]);
    await rejects(listReviewQueue(deps, khanhHoa, CYCLE, { limit: 10, entityId: E1 }), ForbiddenError);

    // Submitted work is with the reviewers: the unit cannot change it.
    await rejects(setSelfScore(deps, member, ref('1.1'), { version: 2, selfScore: 2 }), ConflictError);

    const inReview = await startReview(deps, reviewer, ref('1.1'), { version: 2 });
    expect(inReview).toMatchObject({ state: 'in_review', reviewerId: 'r1' });
    expect(w.queue.get(`${CYCLE}|${E1}|1.1`)).toMatchObject({ state: 'in_review', reviewerId: 'r1' });

    const changes = await appraiseCriterion(deps, reviewer, ref('1.1'), {
      version: 3,
      appraisedScore: 2,
      comment: 'Kế hoạch ban hành chậm',
      decision: 'request_changes',
    });
    expect(changes).toMatchObject({ state: 'changes_requested', appraisedScore: 2 });
    expect(w.queue.has(`${CYCLE}|${E1}|1.1`)).toBe(false);
    // A provisional appraisal does not count (readiness decision 4).
    const during = await getEntityReadiness(deps, leader, CYCLE, E1);
    expect(during.criteria.find((c) => c.code === '1.1')).toMatchObject({
      appraised: false,
      projectedPoints: 4,
    });

    // The unit answers (after the self-assessment due date: a request for changes stays answerable).
    clock.set('2030-12-20T03:00:00Z');
    await addComment(deps, member, ref('1.1'), { body: 'Đã bổ sung quyết định điều chỉnh' });
    await setSelfScore(deps, member, ref('1.1'), { version: 4, selfScore: 2 });
    const again = await submitSelfAssessment(deps, leader, entity, { criterionCodes: ['1.1'] });
    expect(again.submitted).toEqual(['1.1']);
    expect(w.scores.get(`${CYCLE}|${E1}|1.1`)?.state).toBe('resubmitted');
    const q2 = await listReviewQueue(deps, reviewer, CYCLE, { limit: 10 });
    expect(q2.items.map((q) => q.criterionCode)).toEqual(['1.3', '1.2', '1.1']);

    const accepted = await appraiseCriterion(deps, reviewer, ref('1.1'), {
      version: 6,
      appraisedScore: 2,
      comment: 'Đạt',
      decision: 'accept',
    });
    expect(accepted.state).toBe('accepted');
    const after = await getEntityReadiness(deps, leader, CYCLE, E1);
    expect(after.criteria.find((c) => c.code === '1.1')).toMatchObject({
      appraised: true,
      projectedPoints: 2,
    });

    // The thread holds the reviewer's two decisions and the unit's answer, oldest first.
    const thread = await listComments(deps, member, ref('1.1'), { limit: 10 });
    expect(thread.items.map((c) => [c.kind, c.author.role])).toEqual([
      ['changes_requested', 'reviewer'],
      ['comment', 'member'],
      ['accepted', 'reviewer'],
    ]);

    // One audit entry per change, with before/after, listed per criterion and per entity.
    const trail = await listCriterionAudit(deps, member, ref('1.1'), { order: 'asc', limit: 50 });
    expect(trail.items.map((a) => a.action)).toEqual([
      'score.self',
      'score.submit',
      'review.start',
      'review.appraise',
      'comment.add',
      'score.self',
      'score.submit',
      'review.appraise',
    ]);
    expect(trail.items[3]).toMatchObject({
      actor: { userId: 'r1', role: 'reviewer' },
      before: { state: 'in_review' },
      after: { state: 'changes_requested', appraisedScore: 2, reviewerComment: 'Kế hoạch ban hành chậm' },
    });
    const entityTrail = await listEntityAudit(deps, leader, entity, { order: 'desc', limit: 100 });
    expect(entityTrail.items[0]?.action).toBe('review.appraise');
    expect(entityTrail.items.length).toBeGreaterThan(trail.items.length);
  });

  it('two reviewers appraise the same criterion at once: exactly one wins', async () => {
    await scoreAll();
    await submitSelfAssessment(deps, leader, entity, {});
    const body = (who: string) => ({
      version: 2,
      appraisedScore: who === 'r1' ? 4 : 2,
      comment: `by ${who}`,
      decision: 'accept' as const,
    });
    const results = await Promise.allSettled([
      appraiseCriterion(deps, reviewer, ref('1.1'), body('r1')),
      appraiseCriterion(deps, reviewer2, ref('1.1'), body('r2')),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    const stored = w.scores.get(`${CYCLE}|${E1}|1.1`)!;
    expect((lost[0]!.reason as ConflictError).current).toEqual(stored);
    expect(w.audit.filter((a) => a.action === 'review.appraise')).toHaveLength(1);
  });

  it('locks after the due date; a reviewer reopens one unit with a reason and a new deadline', async () => {
    await setSelfScore(deps, member, ref('1.1'), { selfScore: 4 });
    clock.set('2030-12-15T16:59:00Z'); // 23:59 on the due date in Hồ Chí Minh City: still open
    await setSelfScore(deps, member, ref('1.1'), { version: 1, selfScore: 2 });
    clock.set('2030-12-15T17:00:00Z'); // midnight: locked
    const locked = await rejects(
      setSelfScore(deps, member, ref('1.1'), { version: 2, selfScore: 4 }),
      ConflictError,
    );
    expect(locked.current).toMatchObject({ locked: true, deadline: '2030-12-15' });
    expect((await getCriterionScore(deps, member, ref('1.1'))).locked).toBe(true);

    // Only the appraisal side reopens; the reason and a deadline not in the past are required.
    await rejects(
      reopenSubmission(deps, leader, entity, { unitId: 'u-a', reason: 'x', deadline: '2030-12-20' }),
      ForbiddenError,
    );
    const past = await rejects(
      reopenSubmission(deps, reviewer, entity, { unitId: 'u-a', reason: 'Bổ sung', deadline: '2030-12-01' }),
      ValidationError,
    );
    expect(past.issues[0]?.field).toBe('body.deadline');
    const reopened = await reopenSubmission(deps, reviewer, entity, {
      unitId: 'u-a',
      reason: 'Đơn vị được gia hạn do sự cố hệ thống',
      deadline: '2030-12-20',
    });
    expect(reopened).toMatchObject({ unitId: 'u-a', reopenedUntil: '2030-12-20', version: 1 });
    // A second reopen must name the version it saw.
    await rejects(
      reopenSubmission(deps, admin, entity, {
        unitId: 'u-a',
        reason: 'Gia hạn thêm',
        deadline: '2030-12-22',
      }),
      ConflictError,
    );

    // u-a's criteria open again; u-b's stay locked.
    await setSelfScore(deps, member, ref('1.1'), { version: 2, selfScore: 4 });
    await rejects(setSelfScore(deps, memberB, ref('1.2'), { selfScore: 3, explanation: 'x' }), ConflictError);
    const status = await listSubmissions(deps, leader, entity);
    expect(status.units.map((u) => [u.unitId, u.deadline, u.locked])).toEqual([
      ['u-a', '2030-12-20', false],
      ['u-b', '2030-12-15', true],
    ]);
    expect(status.entity.locked).toBe(true);

    // Submission follows the same lock: u-a can submit, u-b cannot.
    await setSelfScore(deps, member, ref('1.3'), {
      inputs: { numerator: { value: 1, evidenceId: 'ev-report' }, denominator: { value: 1 } },
    });
    expect((await submitSelfAssessment(deps, leader, entity, { unitId: 'u-a' })).submitted).toEqual([
      '1.1',
      '1.3',
    ]);
    clock.set('2030-12-20T17:00:00Z');
    await rejects(setSelfScore(deps, member, ref('1.1'), { version: 3, selfScore: 2 }), ConflictError);
  });

  it('readiness by entity, unit and cycle, survey import and idempotent daily snapshots', async () => {
    await scoreAll();
    await rejects(recordSurveyPoints(deps, member, ref('2'), { points: 4 }), ForbiddenError);
    await rejects(recordSurveyPoints(deps, admin, ref('1.1'), { points: 1 }), ValidationError);
    await rejects(recordSurveyPoints(deps, admin, ref('2'), { points: 6 }), ValidationError);
    await recordSurveyPoints(deps, admin, ref('2'), { points: 4, source: 'SIPAS 2030' });
    const r = await getEntityReadiness(deps, leader, CYCLE, E1);
    // 1.1: 4 × 1; 1.2: 3 × 0 (no evidence, explained); 1.3: 2 × 1 → 6; survey 4 → (6 + 4) / (10 + 5) = 66.67 %
    expect(r).toMatchObject({
      formulaVersion: FORMULA_VERSION,
      entityType: 'so',
      completenessPercent: 100,
      projectedPoints: 6,
      atRiskPoints: 3,
      surveyPoints: 4,
      projectedIndexPercent: 66.67,
      band: 'D',
    });
    expect(r.byUnit.map((u) => [u.unitId, u.criterionCodes])).toEqual([
      ['u-a', ['1.1', '1.3']],
      ['u-b', ['1.2']],
    ]);
    const unit = await getUnitReadiness(deps, member, { ...entity, unitId: 'u-b' });
    expect(unit.rollup).toMatchObject({ criteriaCount: 1, projectedPoints: 0, atRiskPoints: 3 });

    const cycleView = await getCycleReadiness(deps, reviewer, CYCLE);
    expect(cycleView.entities.map((e) => [e.rank, e.entityId])).toEqual([
      [1, E1],
      [2, E2],
    ]);
    // Leaders see their own row, ranked among all.
    const own = await getCycleReadiness(deps, leader, CYCLE);
    expect(own).toMatchObject({ entityTotal: 2, entities: [{ rank: 1, entityId: E1 }] });

    const first = await takeDailySnapshots(deps);
    expect(first).toMatchObject({ date: '2030-12-10', written: 2, skipped: 0, failed: [] });
    const again = await takeDailySnapshots(deps);
    expect(again).toMatchObject({ written: 0, skipped: 2 });
    clock.set('2030-12-11T03:00:00Z');
    await takeDailySnapshots(deps);
    const trend = await deps.snapshots.list(CYCLE, E1);
    expect(trend.map((s) => [s.date, s.projectedIndexPercent])).toEqual([
      ['2030-12-10', 66.67],
      ['2030-12-11', 66.67],
    ]);
  });
});
