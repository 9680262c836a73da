/**
 * Self-assessment and appraisal through the local gateway on DynamoDB Local: the workflow end to end, two
 * reviewers racing on one criterion, lock and reopen, readiness views and snapshots, the audit trail. Time-
 * dependent edges (the 23:59 / 00:00 boundary in Asia/Ho_Chi_Minh) run through the use cases with a fixed
 * clock on the same database.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#http/routes.ts';
import { api } from './helpers.ts';
import {
  adapters,
  addEvidence,
  ENTITY,
  MEMBER_UNIT,
  OTHER_UNIT,
  secondReviewerToken,
  seedScoring,
  vnDate,
} from './scoring-fixtures.ts';

const base = (cycleId: string) => `/v1/cycles/${cycleId}/entities/${ENTITY}`;
const crit = (cycleId: string, code: string) => `${base(cycleId)}/criteria/${code}`;

describe('self-assessment → appraisal through the gateway', () => {
  let cycleId: string;
  let reportId: string;

  beforeAll(async () => {
    ({ cycleId } = await seedScoring({
      dates: { selfAssessmentDue: vnDate(30), appraisalEnd: vnDate(60) },
      evidence: [{ code: '1.1', documentType: 'ke-hoach' }],
    }));
    reportId = await addEvidence(cycleId, '1.3', 'bao-cao');
  });

  it('scores, submits, reviews, requests changes, answers, resubmits and accepts', async () => {
    // Members score their unit's criteria; another unit's is refused; leaders may score any.
    const s11 = await api('PUT', `${crit(cycleId, '1.1')}/self-score`, { body: { selfScore: 2 } });
    expect(s11.status, JSON.stringify(s11.body)).toBe(200);
    expect(s11.body).toMatchObject({ state: 'draft', selfScore: 2, version: 1 });
    const other = await api('PUT', `${crit(cycleId, '1.2')}/self-score`, {
      body: { selfScore: 2, explanation: 'x' },
    });
    expect(other.status).toBe(403);
    expect(other.body.error.reason).toBe('OTHER_UNIT');
    const noExplanation = await api('PUT', `${crit(cycleId, '1.2')}/self-score`, {
      as: 'leader',
      body: { selfScore: 2 },
    });
    expect(noExplanation.status).toBe(400);
    expect(noExplanation.body.error.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.explanation',
    ]);
    expect(
      (
        await api('PUT', `${crit(cycleId, '1.2')}/self-score`, {
          as: 'leader',
          body: { selfScore: 2, explanation: 'Bài tuyên truyền đăng trên cổng, chưa số hóa' },
        })
      ).status,
    ).toBe(200);
    const computed = await api('PUT', `${crit(cycleId, '1.3')}/self-score`, {
      body: { inputs: { numerator: { value: 97, evidenceId: reportId }, denominator: { value: 100 } } },
    });
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    expect(computed.body).toMatchObject({
      selfScore: 2,
      computed: { percent: 97, rule: 'guide-thresholds' },
    });
    const survey = await api('PUT', `${crit(cycleId, '2')}/self-score`, { body: { selfScore: 1 } });
    expect(survey.status).toBe(400);

    // Members cannot submit; the leader submits the member's unit.
    expect(
      (await api('POST', `${base(cycleId)}/submissions`, { body: { unitId: MEMBER_UNIT } })).status,
    ).toBe(403);
    const incomplete = await api('POST', `${base(cycleId)}/submissions`, { as: 'leader', body: {} });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['body.criteria.9']);
    const submitted = await api('POST', `${base(cycleId)}/submissions`, {
      as: 'leader',
      body: { criterionCodes: ['1.1', '1.2', '1.3'] },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ submitted: ['1.1', '1.2', '1.3'], skipped: [] });

    // The reviewers' queue lists them oldest first; leaders and members have no queue.
    const queue = await api('GET', `/v1/cycles/${cycleId}/review-queue?entityId=${ENTITY}`, {
      as: 'reviewer',
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((q: { criterionCode: string }) => q.criterionCode).sort()).toEqual([
      '1.1',
      '1.2',
      '1.3',
    ]);
    const times = queue.body.items.map((q: { queuedAt: string }) => q.queuedAt);
    expect([...times].sort()).toEqual(times);
    expect((await api('GET', `/v1/cycles/${cycleId}/review-queue`, { as: 'leader' })).status).toBe(403);

    // Review, request changes (the comment lands in the thread), the unit answers and the leader resubmits.
    const taken = await api('POST', `${crit(cycleId, '1.1')}/review`, {
      as: 'reviewer',
      body: { version: 2 },
    });
    expect(taken.body).toMatchObject({ state: 'in_review', version: 3 });
    const changes = await api('PUT', `${crit(cycleId, '1.1')}/appraisal`, {
      as: 'reviewer',
      body: { version: 3, appraisedScore: 1, comment: 'Kế hoạch ban hành chậm', decision: 'request_changes' },
    });
    expect(changes.status, JSON.stringify(changes.body)).toBe(200);
    expect(changes.body).toMatchObject({ state: 'changes_requested', appraisedScore: 1 });
    const after = await api('GET', `/v1/cycles/${cycleId}/review-queue?entityId=${ENTITY}`, {
      as: 'reviewer',
    });
    expect(after.body.items.map((q: { criterionCode: string }) => q.criterionCode)).not.toContain('1.1');
    expect(
      (await api('POST', `${crit(cycleId, '1.1')}/comments`, { body: { body: 'Đã bổ sung quyết định' } }))
        .status,
    ).toBe(201);
    expect(
      (await api('PUT', `${crit(cycleId, '1.1')}/self-score`, { body: { version: 4, selfScore: 1 } })).status,
    ).toBe(200);
    const resubmitted = await api('POST', `${base(cycleId)}/submissions`, {
      as: 'leader',
      body: { criterionCodes: ['1.1'] },
    });
    expect(resubmitted.body.submitted).toEqual(['1.1']);
    const accepted = await api('PUT', `${crit(cycleId, '1.1')}/appraisal`, {
      as: 'reviewer',
      body: { version: 6, appraisedScore: 1, comment: 'Đạt sau bổ sung', decision: 'accept' },
    });
    expect(accepted.body).toMatchObject({ state: 'accepted', appraisedScore: 1 });

    const thread = await api('GET', `${crit(cycleId, '1.1')}/comments`);
    expect(thread.body.items.map((c: { kind: string }) => c.kind)).toEqual([
      'changes_requested',
      'comment',
      'accepted',
    ]);

    // Readiness counts the accepted appraisal; every breakdown is there with its inputs.
    const r = await api('GET', `${base(cycleId)}/readiness`, { as: 'leader' });
    expect(r.status).toBe(200);
    expect(r.body.criteria.find((c: { code: string }) => c.code === '1.1')).toMatchObject({
      appraised: true,
      projectedPoints: 1,
      state: 'accepted',
      unitIds: [MEMBER_UNIT],
    });
    // 1.1: 1 (appraised); 1.2: 2 × 0 (explained); 1.3: 2 × 1 → 3 of 7, survey 0 of 3 → 30 %
    expect(r.body).toMatchObject({
      projectedPoints: 3,
      maxPoints: 7,
      surveyMaxPoints: 3,
      projectedIndexPercent: 30,
    });
    expect(r.body.byNode.map((n: { code: string }) => n.code)).toEqual(['1']);
    expect(r.body.byUnit.map((u: { unitId: string }) => u.unitId)).toEqual([MEMBER_UNIT, OTHER_UNIT]);
    expect(r.body.how.projectedIndexPercent.inputs).toMatchObject({ numerator: 3, denominator: 10 });

    // Audit: one entry per change, per criterion and per entity, by time.
    const trail = await api('GET', `${crit(cycleId, '1.1')}/audit?order=asc`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((a: { action: string }) => a.action)).toEqual([
      'score.self',
      'score.submit',
      'review.start',
      'review.appraise',
      'comment.add',
      'score.self',
      'score.submit',
      'review.appraise',
    ]);
    expect(trail.body.items[0]).toMatchObject({
      actor: { userId: 'u-member', role: 'member', name: 'Phạm Thị Chuyên Viên' },
      after: { selfScore: 2, state: 'draft' },
    });
    const entityTrail = await api('GET', `${base(cycleId)}/audit?limit=5`, { as: 'reviewer' });
    expect(entityTrail.body.items).toHaveLength(5);
    expect(entityTrail.body.items[0].action).toBe('review.appraise');
    expect(entityTrail.body.next).toBeDefined();
  });

  it('two reviewers appraise the same criterion at once: exactly one wins, the other gets 409 with the state', async () => {
    const score = await api('GET', `${crit(cycleId, '1.3')}/score`, { as: 'reviewer' });
    expect(score.body.score.state).toBe('submitted');
    const version = score.body.score.version;
    const second = await secondReviewerToken();
    const [a, b] = await Promise.all([
      api('PUT', `${crit(cycleId, '1.3')}/appraisal`, {
        as: 'reviewer',
        body: { version, appraisedScore: 2, comment: 'Tổ 1: đạt', decision: 'accept' },
      }),
      api('PUT', `${crit(cycleId, '1.3')}/appraisal`, {
        token: second,
        body: { version, appraisedScore: 0, comment: 'Tổ 2: số liệu chưa khớp', decision: 'request_changes' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body.error.code).toBe('CONFLICT');
    expect(lost.body.error.current).toEqual(won.body);
    const trail = await api('GET', `${crit(cycleId, '1.3')}/audit`, { as: 'reviewer' });
    expect(trail.body.items.filter((x: { action: string }) => x.action === 'review.appraise')).toHaveLength(
      1,
    );
  });

  it('a stale self-score write gets 409 with the current state', async () => {
    const first = await api('PUT', `${crit(cycleId, '9')}/self-score`, {
      body: { selfScore: 1, explanation: 'x' },
    });
    expect(first.status).toBe(200);
    const [a, b] = await Promise.all([
      api('PUT', `${crit(cycleId, '9')}/self-score`, {
        body: { version: 1, selfScore: 0, explanation: 'a' },
      }),
      api('PUT', `${crit(cycleId, '9')}/self-score`, {
        as: 'leader',
        body: { version: 1, selfScore: 1, explanation: 'b' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.error.current).toMatchObject({ version: 2 });
  });
});

describe('lock after the deadline, reopen for a unit', () => {
  let cycleId: string;

  beforeAll(async () => {
    ({ cycleId } = await seedScoring({
      dates: { selfAssessmentDue: vnDate(-10), appraisalEnd: vnDate(-5) },
      evidence: [{ code: '1.1', documentType: 'ke-hoach' }],
    }));
  });

  it('refuses unit writes after the due date until a reviewer reopens that unit', async () => {
    const locked = await api('PUT', `${crit(cycleId, '1.1')}/self-score`, { body: { selfScore: 2 } });
    expect(locked.status).toBe(409);
    expect(locked.body.error.current).toMatchObject({ locked: true, deadline: vnDate(-10) });

    expect(
      (
        await api('POST', `${base(cycleId)}/submissions/reopen`, {
          as: 'leader',
          body: { unitId: MEMBER_UNIT, reason: 'x', deadline: vnDate(3) },
        })
      ).status,
    ).toBe(403);
    const reopened = await api('POST', `${base(cycleId)}/submissions/reopen`, {
      as: 'reviewer',
      body: { unitId: MEMBER_UNIT, reason: 'Sự cố mạng ngày cuối hạn', deadline: vnDate(3) },
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body).toMatchObject({ unitId: MEMBER_UNIT, reopenedUntil: vnDate(3), version: 1 });

    expect((await api('PUT', `${crit(cycleId, '1.1')}/self-score`, { body: { selfScore: 2 } })).status).toBe(
      200,
    );
    // The other unit stays locked.
    const otherUnit = await api('PUT', `${crit(cycleId, '1.2')}/self-score`, {
      as: 'leader',
      body: { selfScore: 1, explanation: 'x' },
    });
    expect(otherUnit.status).toBe(409);
    const status = await api('GET', `${base(cycleId)}/submissions`, { as: 'leader' });
    const byUnit = Object.fromEntries(
      status.body.units.map((u: { unitId: string; locked: boolean }) => [u.unitId, u.locked]),
    );
    expect(byUnit[MEMBER_UNIT]).toBe(false);
    expect(byUnit[OTHER_UNIT]).toBe(true);
    expect(status.body.entity.locked).toBe(true);
    // A second reopen names the version it saw.
    const stale = await api('POST', `${base(cycleId)}/submissions/reopen`, {
      as: 'admin',
      body: { unitId: MEMBER_UNIT, reason: 'Gia hạn thêm', deadline: vnDate(5) },
    });
    expect(stale.status).toBe(409);
  });

  it('the lock turns at midnight in Asia/Ho_Chi_Minh (use cases on DynamoDB Local, fixed clock)', async () => {
    const a = await adapters();
    const [{ setSelfScore }, repos] = await Promise.all([
      import('#usecases/scoring.ts'),
      Promise.all([
        import('#adapters/dynamo/cycle-repository.ts'),
        import('#adapters/dynamo/framework-repository.ts'),
        import('#adapters/dynamo/organization-repository.ts'),
        import('#adapters/dynamo/score-repository.ts'),
        import('#adapters/dynamo/submission-repository.ts'),
        import('#adapters/runtime.ts'),
      ]),
    ]);
    const [cycles, frameworks, org, scores, submissions, runtime] = repos;
    const due = vnDate(-10);
    let now = new Date(`${due}T23:59:00+07:00`);
    const deps = {
      cycles: cycles.cycleRepository,
      frameworks: frameworks.frameworkRepository,
      org: org.organizationRepository,
      assignments: a.assignments.assignmentRepository,
      evidence: a.evidence,
      scores: scores.scoreRepository,
      submissions: submissions.submissionRepository,
      clock: { now: () => now },
      ids: runtime.ulidIds,
    };
    const leader = { userId: 'u-leader', role: 'leader' as const, entityId: ENTITY, unitId: OTHER_UNIT };
    const ref = { cycleId, entityId: ENTITY, criterionCode: '1.2' };
    const s = await setSelfScore(deps, leader, ref, { selfScore: 1, explanation: 'Kịp trước nửa đêm' });
    expect(s.version).toBe(1);
    now = new Date(`${vnDate(-9)}T00:00:00+07:00`);
    await expect(
      setSelfScore(deps, leader, ref, { version: 1, selfScore: 2, explanation: 'Trễ' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      current: { locked: true, deadline: due },
    });
  });
});

describe('readiness views, survey import and daily snapshots', () => {
  let cycleId: string;

  beforeAll(async () => {
    ({ cycleId } = await seedScoring({
      dates: { selfAssessmentDue: vnDate(30), appraisalEnd: vnDate(60) },
      evidence: [{ code: '1.1', documentType: 'ke-hoach' }],
    }));
    expect((await api('PUT', `${crit(cycleId, '1.1')}/self-score`, { body: { selfScore: 2 } })).status).toBe(
      200,
    );
  });

  it('entity, unit and cycle readiness come from the same module', async () => {
    const entity = await api('GET', `${base(cycleId)}/readiness`);
    const unit = await api('GET', `${base(cycleId)}/units/${MEMBER_UNIT}/readiness`);
    expect(unit.status).toBe(200);
    const fromEntity = entity.body.byUnit.find((u: { unitId: string }) => u.unitId === MEMBER_UNIT);
    const { unitId: _u, criterionCodes, ...rollup } = fromEntity;
    expect(unit.body.rollup).toEqual(rollup);
    expect(unit.body.criteria.map((c: { code: string }) => c.code)).toEqual(criterionCodes);
    expect(unit.body.formulaVersion).toBe(entity.body.formulaVersion);
    expect((await api('GET', `${base(cycleId)}/units/no-such-unit/readiness`)).status).toBe(404);

    const cycle = await api('GET', `/v1/cycles/${cycleId}/readiness`, { as: 'reviewer' });
    expect(cycle.status).toBe(200);
    expect(cycle.body.entities).toEqual([
      expect.objectContaining({
        rank: 1,
        entityId: ENTITY,
        projectedIndexPercent: entity.body.projectedIndexPercent,
        completenessPercent: entity.body.completenessPercent,
      }),
    ]);
  });

  it('admins record survey points; they enter the index within the node’s scale', async () => {
    expect(
      (await api('PUT', `${crit(cycleId, '2')}/survey-points`, { as: 'leader', body: { points: 2 } })).status,
    ).toBe(403);
    expect(
      (await api('PUT', `${crit(cycleId, '2')}/survey-points`, { as: 'admin', body: { points: 4 } })).status,
    ).toBe(400);
    const ok = await api('PUT', `${crit(cycleId, '2')}/survey-points`, {
      as: 'admin',
      body: { points: 2.5, source: 'SIPAS 2025' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const r = await api('GET', `${base(cycleId)}/readiness`);
    // 1.1: 2 of 7; survey 2.5 of 3 → (2 + 2.5) / 10 = 45 %
    expect(r.body).toMatchObject({ surveyPoints: 2.5, projectedPoints: 2, projectedIndexPercent: 45 });
  });

  it('the daily snapshot job writes one snapshot per entity and day; the trend reads them', async () => {
    await adapters();
    const { handler } = await import('#functions/readiness-snapshot/handler.ts');
    const first = await handler();
    expect(first.date).toBe(vnDate(0));
    const trend = await api('GET', `${base(cycleId)}/readiness/trend`);
    expect(trend.status).toBe(200);
    expect(trend.body.items).toEqual([
      expect.objectContaining({
        date: vnDate(0),
        projectedIndexPercent: 45,
        formulaVersion: expect.any(String),
      }),
    ]);
    // Idempotent: a second run the same day writes nothing for this entity.
    const again = await handler();
    expect(again.written).toBe(0);
    expect((await api('GET', `${base(cycleId)}/readiness/trend`)).body.items).toHaveLength(1);
  });
});

describe('the audit trail is append-only', () => {
  it('no route writes to an audit path', () => {
    const auditRoutes = routeList.filter((r) => /\/audit(\/|$)/.test(r.path));
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect(auditRoutes.every((r) => r.method === 'GET')).toBe(true);
  });

  it('an audit entry cannot be overwritten in the database', async () => {
    await adapters();
    const { transact, criterionAuditPut } = await import('#adapters/dynamo/transact.ts');
    const entry = {
      auditId: `01J${Date.now()}AUDITTEST`,
      at: new Date().toISOString(),
      actor: { userId: 'test', role: 'admin' as const },
      action: 'test.audit',
      subject: 'criterion/1.1',
      after: { n: 1 },
    };
    const scope = { cycleId: 'it-audit', entityId: ENTITY };
    expect(await transact([criterionAuditPut(scope, '1.1', entry)])).toEqual([]);
    expect(await transact([criterionAuditPut(scope, '1.1', { ...entry, after: { n: 2 } })])).toEqual([0]);
  });
});
