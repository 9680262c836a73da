/**
 * Setup for the scoring suites: a framework, cycles, assignments and evidence of their own (fresh ids per
 * file), written through the real adapters into DynamoDB Local, so the tests depend on no other file's data
 * and can pick dates before or after today.
 */
import { ulid } from 'ulid';
import type { Assignment } from '#domain/assignment.ts';
import type { Cycle } from '#domain/cycle.ts';
import { DEFAULT_REMINDER_POLICY, DEFAULT_UPLOAD_LIMITS } from '#domain/cycle.ts';
import type { Evidence } from '#domain/evidence.ts';
import type { Framework } from '#domain/framework.ts';
import { DEMO_ENTITY } from '#infra/local/demo-data.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/engines.ts';
import { profileToken, stack } from './helpers.ts';

export const ENTITY = DEMO_ENTITY.entityId;
/** The demo member's unit (chuyenvien@…) and another unit of the same entity. */
export const MEMBER_UNIT = 'phong-qlcn';
export const OTHER_UNIT = 'van-phong-so';

const title = (s: string) => ({ vi: s, en: s });

export function scoringFramework(frameworkId: string): Framework {
  return {
    frameworkId,
    version: 1,
    name: title(`Bộ thử chấm điểm ${frameworkId}`),
    index: 'par',
    years: { from: 2020 },
    provenance: 'sample',
    aggregation: 'sum',
    status: 'published',
    bands: [
      { name: 'A', minPercent: 90 },
      { name: 'B', minPercent: 80 },
      { name: 'C', minPercent: 70 },
      { name: 'D', minPercent: 0 },
    ],
    nodes: [
      { code: '1', title: title('Chỉ đạo, điều hành'), maxPoints: 7, method: 'evidence', slots: [] },
      {
        code: '1.1',
        title: title('Kế hoạch CCHC'),
        maxPoints: 2,
        method: 'evidence',
        guide: [
          { points: 2, label: title('Đúng hạn') },
          { points: 1, label: title('Chậm') },
          { points: 0, label: title('Không có') },
        ],
        slots: [{ kind: 'ke-hoach', label: title('Kế hoạch'), minCount: 1 }],
      },
      { code: '1.2', title: title('Tuyên truyền'), maxPoints: 2, method: 'evidence', slots: [] },
      {
        code: '1.3',
        title: title('Tỷ lệ hồ sơ đúng hạn'),
        maxPoints: 3,
        method: 'computed',
        guide: [
          { points: 3, label: { vi: '100% hồ sơ', en: '100 % on time' } },
          { points: 2, label: { vi: 'Từ 95% đến dưới 100%', en: '95 % to below 100 %' } },
          { points: 0, label: { vi: 'Dưới 95%', en: 'Below 95 %' } },
        ],
        slots: [{ kind: 'bao-cao', label: title('Báo cáo số liệu'), minCount: 1 }],
      },
      { code: '2', title: title('Điều tra xã hội học'), maxPoints: 3, method: 'survey', slots: [] },
      { code: '9', title: title('Điểm thưởng'), maxPoints: 1, method: 'evidence', role: 'bonus', slots: [] },
    ],
  } as Framework;
}

export function scoringCycle(
  cycleId: string,
  frameworkId: string,
  dates: { selfAssessmentDue: string; appraisalEnd: string },
): Cycle {
  return {
    cycleId,
    year: Number(dates.selfAssessmentDue.slice(0, 4)),
    name: title(`Kỳ thử chấm điểm ${cycleId}`),
    frameworkId,
    frameworkVersion: 1,
    trackedFrameworks: [],
    entityIds: [ENTITY],
    dates: {
      evidenceDue: dates.selfAssessmentDue,
      selfAssessmentDue: dates.selfAssessmentDue,
      appraisalStart: dates.selfAssessmentDue,
      appraisalEnd: dates.appraisalEnd,
      publication: dates.appraisalEnd,
    },
    evidencePolicy: 'available',
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    uploadLimits: DEFAULT_UPLOAD_LIMITS,
    timeZone: 'Asia/Ho_Chi_Minh',
    status: 'open',
    version: 1,
    createdAt: new Date().toISOString(),
    createdBy: 'test',
  };
}

/** Adapters of this process pointed at the stack's DynamoDB Local (the handlers' environment, as in Lambda). */
export async function adapters() {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: stack.tableName,
    BUCKET_NAME: stack.bucket,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    DYNAMODB_ENDPOINT: stack.dynamo,
    S3_ENDPOINT: stack.s3,
  });
  const [items, keys, evidence, assignments] = await Promise.all([
    import('#adapters/dynamo/items.ts'),
    import('#adapters/dynamo/keys.ts'),
    import('#adapters/dynamo/evidence-repository.ts'),
    import('#adapters/dynamo/assignment-repository.ts'),
  ]);
  return {
    putIfAbsent: items.putIfAbsent,
    keys: keys.keys,
    evidence: evidence.evidenceRepository,
    assignments,
  };
}

export async function seedScoring(opts: {
  dates: { selfAssessmentDue: string; appraisalEnd: string };
  evidence?: { code: string; documentType?: string }[];
}): Promise<{ cycleId: string; frameworkId: string }> {
  const a = await adapters();
  const suffix = ulid().toLowerCase();
  const frameworkId = `it-scoring-${suffix}`;
  const cycleId = `it-scoring-${suffix}`;
  const fw = scoringFramework(frameworkId);
  const cycle = scoringCycle(cycleId, frameworkId, opts.dates);
  await a.putIfAbsent({ ...a.keys.framework(frameworkId, 1), _type: 'framework', ...fw });
  await a.putIfAbsent({
    ...a.keys.cycle(cycleId),
    ...a.keys.cycleIndex(cycle.year, cycleId),
    _type: 'cycle',
    ...cycle,
  });
  const assignment = (id: string, unitId: string, codes: string[]): Assignment => ({
    assignmentId: id,
    cycleId,
    entityId: ENTITY,
    unitId,
    criteria: codes.map((code) => ({ frameworkId, code })),
    title: `Nhiệm vụ ${id}`,
    dueDate: opts.dates.selfAssessmentDue,
    version: 1,
    createdAt: new Date().toISOString(),
    createdBy: 'test',
  });
  for (const t of [assignment('t1', MEMBER_UNIT, ['1.1', '1.3', '9']), assignment('t2', OTHER_UNIT, ['1.2'])])
    await a.putIfAbsent(a.assignments.assignmentItem(t));
  for (const e of opts.evidence ?? []) await addEvidence(cycleId, e.code, e.documentType);
  return { cycleId, frameworkId };
}

export async function addEvidence(cycleId: string, code: string, documentType?: string): Promise<string> {
  const a = await adapters();
  const evidenceId = ulid();
  const now = new Date().toISOString();
  const evidence = {
    evidenceId,
    cycleId,
    entityId: ENTITY,
    unitId: MEMBER_UNIT,
    title: `Tài liệu ${code}`,
    ...(documentType ? { documentType } : {}),
    criterionCodes: [code],
    unconfirmedCodes: [],
    state: 'available',
    files: [],
    uploadedBy: 'test',
    createdAt: now,
    updatedAt: now,
    version: 1,
  } as Evidence;
  await a.evidence.save({
    evidence,
    putLinks: [
      { evidenceId, criterionCode: code, needsConfirmation: false, linkedBy: 'test', linkedAt: now },
    ],
    audit: {
      auditId: ulid(),
      at: now,
      actor: { userId: 'test', role: 'admin' },
      action: 'evidence.seed',
      subject: `evidence/${evidenceId}`,
    },
  });
  return evidenceId;
}

/** A second reviewer: a stored profile (the API takes the role from it) and a token the issuer's key signs. */
export async function secondReviewerToken(): Promise<string> {
  return profileToken({ userId: 'u-reviewer-2', role: 'reviewer', name: 'Trần Thị Thẩm Định 2' });
}

/** Today and offsets, as calendar dates in Asia/Ho_Chi_Minh. */
export function vnDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}
