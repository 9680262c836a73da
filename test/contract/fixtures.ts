/**
 * Records and ids for the contract tests. Ids are unique per call (the integration suite shares one table
 * with every other test) and sort in the order they were made, like ULIDs. Records are complete: each goes
 * through its domain schema here, as both adapters check every item they read back.
 */
import { randomBytes } from 'node:crypto';
import { type Assignment, assignmentSchema } from '#domain/assignment.ts';
import { type Cycle, cycleSchema } from '#domain/cycle.ts';
import type { ExportJob } from '#domain/dossier.ts';
import {
  type Evidence,
  type EvidenceRevision,
  evidenceRevisionSchema,
  evidenceSchema,
  type FileState,
} from '#domain/evidence.ts';
import { type Framework, frameworkSchema } from '#domain/framework.ts';
import type { OutboxMessage } from '#domain/outbox.ts';
import type { ReadinessSnapshot } from '#domain/readiness.ts';
import type { ReportTexts } from '#domain/report.ts';
import {
  type Comment,
  type ReviewQueueItem,
  reviewQueueItemSchema,
  type Score,
  type Submission,
  type SurveyImport,
  scoreSchema,
} from '#domain/scoring.ts';
import { type UserProfile, userProfileSchema } from '#domain/user.ts';
import type { AuditEntry, FrameworkHead, Page } from '#ports.ts';

const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let counter = 0;

/** A fresh id: `<prefix>-<run><counter>`, increasing within the run. */
export const uid = (prefix = 'c'): string => `${prefix}-${RUN}${String(++counter).padStart(5, '0')}`;

export const AT = '2026-03-02T03:04:05.000Z';

export const auditEntry = (action = 'contract.test', subject = 'contract'): AuditEntry => ({
  auditId: uid('A'),
  at: AT,
  actor: { userId: 'contract-admin', role: 'admin', name: 'Contract Admin' },
  action,
  subject,
});

/** Reads every page of a listing, checking each page keeps to `limit`. */
export async function allPages<T>(
  read: (cursor?: string) => Promise<Page<T>>,
  limit: number,
  maxPages = 50,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await read(cursor);
    if (page.items.length > limit) throw new Error(`page of ${page.items.length} > limit ${limit}`);
    items.push(...page.items);
    cursor = page.next;
    if (++pages > maxPages) throw new Error('too many pages');
  } while (cursor);
  return { items, pages };
}

export const cycle = (over: Partial<Cycle> = {}): Cycle =>
  cycleSchema.parse({
    cycleId: uid('cy'),
    year: 2026,
    name: { vi: 'Kỳ hợp đồng', en: 'Contract cycle' },
    frameworkId: 'fw-contract',
    frameworkVersion: 1,
    entityIds: ['ent-contract'],
    dates: {
      evidenceDue: '2026-06-30',
      selfAssessmentDue: '2026-07-15',
      appraisalStart: '2026-07-20',
      appraisalEnd: '2026-08-30',
      publication: '2026-09-30',
    },
    timeZone: 'Asia/Ho_Chi_Minh',
    status: 'open',
    version: 1,
    createdAt: AT,
    createdBy: 'contract-admin',
    ...over,
  });

export const framework = (frameworkId: string, version: number, over: Partial<Framework> = {}): Framework =>
  frameworkSchema.parse({
    frameworkId,
    version,
    name: { vi: 'Bộ tiêu chí', en: 'Framework' },
    index: 'par',
    years: { from: 2026 },
    provenance: 'sample',
    nodes: [{ code: '1', title: { vi: 'Một', en: 'One' }, maxPoints: 1, method: 'evidence' }],
    status: 'draft',
    revision: 1,
    createdAt: AT,
    ...over,
  });

export const frameworkHead = (frameworkId: string, over: Partial<FrameworkHead> = {}): FrameworkHead => ({
  frameworkId,
  name: { vi: 'Bộ tiêu chí', en: 'Framework' },
  index: 'par',
  provenance: 'sample',
  latestVersion: 1,
  updatedAt: AT,
  revision: 1,
  ...over,
});

export const assignment = (cycleId: string, entityId: string, over: Partial<Assignment> = {}): Assignment =>
  assignmentSchema.parse({
    assignmentId: uid('as'),
    cycleId,
    entityId,
    unitId: 'unit-a',
    title: 'Nhiệm vụ',
    criteria: [{ frameworkId: 'fw-contract', code: '1' }],
    dueDate: '2026-05-01',
    version: 1,
    createdAt: AT,
    createdBy: 'contract-admin',
    ...over,
  });

export const evidence = (cycleId: string, entityId: string, over: Partial<Evidence> = {}): Evidence =>
  evidenceSchema.parse({
    evidenceId: uid('EV'),
    cycleId,
    entityId,
    title: 'Quyết định ban hành kế hoạch',
    criterionCodes: [],
    unconfirmedCodes: [],
    state: 'available',
    files: [],
    uploadedBy: 'contract-member',
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...over,
  });

export const revision = (ev: Evidence, over: Partial<EvidenceRevision> & { state?: FileState } = {}) =>
  evidenceRevisionSchema.parse({
    cycleId: ev.cycleId,
    entityId: ev.entityId,
    evidenceId: ev.evidenceId,
    fileId: 'f1',
    revision: 1,
    fileName: 'kế-hoạch.pdf',
    kind: 'pdf',
    declaredContentType: 'application/pdf',
    declaredSizeBytes: 1024,
    objectKey: `evidence/${ev.evidenceId}/f1/1`,
    upload: { mode: 'single' },
    state: 'pending_upload',
    uploadedBy: 'contract-member',
    createdAt: AT,
    version: 1,
    ...over,
  });

export const score = (cycleId: string, entityId: string, criterionCode: string, over: Partial<Score> = {}) =>
  scoreSchema.parse({
    cycleId,
    entityId,
    criterionCode,
    state: 'draft',
    selfScore: 1,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    updatedBy: 'contract-member',
    ...over,
  });

export const queueItem = (s: Score, over: Partial<ReviewQueueItem> = {}): ReviewQueueItem =>
  reviewQueueItemSchema.parse({
    cycleId: s.cycleId,
    entityId: s.entityId,
    criterionCode: s.criterionCode,
    state: 'submitted',
    queuedAt: AT,
    unitIds: [],
    scoreVersion: s.version,
    ...over,
  });

export const comment = (
  cycleId: string,
  entityId: string,
  criterionCode: string,
  body = 'Ý kiến',
): Comment => ({
  commentId: uid('CM'),
  cycleId,
  entityId,
  criterionCode,
  kind: 'comment',
  body,
  author: { userId: 'contract-reviewer', role: 'reviewer', name: 'Người thẩm định' },
  at: AT,
});

export const submission = (
  cycleId: string,
  entityId: string,
  over: Partial<Submission> = {},
): Submission => ({
  cycleId,
  entityId,
  reopenedUntil: '2026-04-01',
  reason: 'Bổ sung',
  reopenedBy: 'contract-admin',
  reopenedAt: AT,
  version: 1,
  ...over,
});

export const surveyImport = (
  cycleId: string,
  entityId: string,
  code: string,
  over: Partial<SurveyImport> = {},
) => ({
  cycleId,
  entityId,
  criterionCode: code,
  points: 2.5,
  importedAt: AT,
  importedBy: 'contract-admin',
  version: 1,
  ...over,
});

export const snapshot = (
  cycleId: string,
  entityId: string,
  date: string,
  percent = 10,
): ReadinessSnapshot => ({
  cycleId,
  entityId,
  date,
  takenAt: AT,
  formulaVersion: 'contract-1',
  criteriaCount: 10,
  completeCount: 1,
  completenessPercent: percent,
  completenessByPointsPercent: percent,
  evidenceCoveragePercent: percent,
  projectedPoints: 1,
  atRiskPoints: 0,
  projectedIndexPercent: percent,
});

export const reportTexts = (
  cycleId: string,
  entityId: string,
  over: Partial<ReportTexts> = {},
): ReportTexts => ({
  cycleId,
  entityId,
  highlights: 'Kết quả nổi bật',
  version: 1,
  updatedAt: AT,
  updatedBy: 'contract-leader',
  ...over,
});

export const exportKey = (): string => randomBytes(32).toString('hex');

export const exportJob = (cycleId: string, key: string, over: Partial<ExportJob> = {}): ExportJob => ({
  jobId: uid('EX'),
  key,
  scope: 'entity',
  cycleId,
  entityId: 'ent-contract',
  parts: ['score-table'],
  evidencePolicy: 'available',
  state: 'queued',
  progress: { percent: 0, step: { vi: 'Chờ', en: 'Queued' } },
  requestedBy: { userId: 'contract-leader', role: 'leader' },
  requestedAt: AT,
  expiresAt: '2026-03-09T03:04:05.000Z',
  files: [],
  attempts: 0,
  ...over,
});

export const userProfile = (over: Partial<UserProfile> = {}): UserProfile => {
  const userId = uid('us');
  return userProfileSchema.parse({
    userId,
    email: `${userId.toLowerCase()}@contract.test`,
    name: 'Người dùng',
    role: 'member',
    enabled: true,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  });
};

export const outboxMessage = (
  date: string,
  key: string,
  over: Partial<OutboxMessage> = {},
): OutboxMessage => ({
  key,
  messageId: uid('MS'),
  date,
  kind: 'unit-digest',
  dedupeKind: 'unit-digest',
  channel: 'email',
  recipientKey: 'r',
  address: 'member@contract.test',
  role: 'to',
  locale: 'vi',
  cycleId: 'cy-contract',
  reason: { vi: 'Sắp đến hạn', en: 'Due soon' },
  subject: 'Nhắc việc',
  text: 'Nội dung',
  status: 'pending',
  attempts: 0,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  ...over,
});
