/** Item types outside an evidence and a score: cycles, frameworks, assignments, users, exports, reminders. */
import * as z from 'zod/mini';
import { type Assignment, assignmentSchema } from '#domain/assignment.ts';
import { droppable } from '#domain/common.ts';
import { type Cycle, storedCycleSchema } from '#domain/cycle.ts';
import { type ExportJob, exportJobSchema } from '#domain/dossier.ts';
import { ConflictError } from '#domain/errors.ts';
import { type Framework, frameworkSchema } from '#domain/framework.ts';
import {
  type Entity,
  entitySchema,
  type Province,
  provinceSchema,
  type Unit,
  unitSchema,
} from '#domain/organization.ts';
import { OUTBOX_STATUSES, type OutboxMessage, RESOLUTIONS } from '#domain/outbox.ts';
import { type ReportTexts, reportTextsSchema } from '#domain/report.ts';
import { storedUserProfileSchema, type UserProfile } from '#domain/user.ts';
import type { FrameworkHead, FrameworkVersionSummary } from '#ports.ts';
import { itemType } from '../kernel/descriptor.ts';
import * as keys from '../keys.ts';

export const provinceItem = /* @__PURE__ */ droppable(() =>
  itemType<Province>({
    type: 'province',
    schema: provinceSchema,
    key: (p) => keys.province(p.provinceId),
  }),
);
export const entityItem = /* @__PURE__ */ droppable(() =>
  itemType<Entity>({
    type: 'entity',
    schema: entitySchema,
    key: (e) => keys.entity(e.entityId),
  }),
);
export const unitItem = /* @__PURE__ */ droppable(() =>
  itemType<Unit>({
    type: 'unit',
    schema: unitSchema,
    key: (u) => keys.unit(u.entityId, u.unitId),
  }),
);

export const cycleItem = /* @__PURE__ */ droppable(() =>
  itemType<Cycle>({
    type: 'cycle',
    schema: storedCycleSchema,
    key: (c) => keys.cycle(c.cycleId),
    index: (c) => keys.cycleIndex(c.year, c.cycleId),
  }),
);

/** The tree was checked when the version was written; a read checks the shape, not the whole tree again. */
const storedFramework = /* @__PURE__ */ droppable(() => z.object(frameworkSchema.shape));

export const frameworkItem = /* @__PURE__ */ droppable(() =>
  itemType<Framework>({
    type: 'framework',
    schema: storedFramework,
    key: (f) => keys.framework(f.frameworkId, f.version),
    // For version lists, which leave the nodes out.
    attributes: (f) => ({ ...f, nodeCount: f.nodes.length }),
  }),
);

/** A version as listed: the projection without nodes, mapping and bands (read only). */
export const frameworkSummaryItem = /* @__PURE__ */ droppable(() =>
  itemType<FrameworkVersionSummary>({
    type: 'framework',
    schema: z.extend(z.omit(storedFramework, { nodes: true, mapping: true, bands: true }), {
      nodeCount: z.number(),
    }),
    key: (f) => keys.framework(f.frameworkId, f.version),
  }),
);

const frameworkHeadSchema: z.ZodMiniType<FrameworkHead> = /* @__PURE__ */ droppable(() =>
  z.object({
    frameworkId: z.string(),
    name: z.object({ vi: z.string(), en: z.string() }),
    index: frameworkSchema.shape.index,
    provenance: frameworkSchema.shape.provenance,
    latestVersion: z.number().check(z.int()),
    latestPublishedVersion: z.optional(z.number().check(z.int())),
    updatedAt: z.string(),
    revision: z.number().check(z.int()),
  }),
);

export const frameworkHeadItem = /* @__PURE__ */ droppable(() =>
  itemType<FrameworkHead>({
    type: 'framework-head',
    schema: frameworkHeadSchema,
    key: (h) => keys.frameworkHead(h.frameworkId),
    index: (h) => keys.frameworkIndex(h.frameworkId),
  }),
);

export const assignmentItem = /* @__PURE__ */ droppable(() =>
  itemType<Assignment>({
    type: 'assignment',
    schema: assignmentSchema,
    key: (a) => keys.assignment(a.cycleId, a.entityId, a.assignmentId),
    // The unit index keys follow the unit and due date.
    index: (a) => keys.assignmentUnitIndex(a.cycleId, a.entityId, a.unitId, a.dueDate, a.assignmentId),
  }),
);

export const userItem = /* @__PURE__ */ droppable(() =>
  itemType<UserProfile>({
    type: 'user',
    // Read on every request (the caller's profile): the stored shape, checked without zod's union kinds.
    schema: storedUserProfileSchema,
    key: (u) => keys.user(u.userId),
    index: (u) => keys.userIndex(u.entityId, u.email),
  }),
);

/** Uniqueness guard: one account per e-mail. */
export const userEmailItem = /* @__PURE__ */ droppable(() =>
  itemType<{ userId: string }, UserProfile>({
    type: 'user-email',
    schema: z.object({ userId: z.string() }),
    key: (u) => keys.userEmail(u.email),
    attributes: (u) => ({ userId: u.userId }),
  }),
);

/** DynamoDB TTL (epoch seconds): a day after the job expires, so an expired job still reads as expired. */
const ttlOf = (job: ExportJob) => Math.floor(Date.parse(job.expiresAt) / 1000) + 86_400;

export const exportJobItem = /* @__PURE__ */ droppable(() =>
  itemType<ExportJob>({
    type: 'export-job',
    schema: exportJobSchema,
    key: (job) => keys.exportJob(job.jobId),
    attributes: (job) => ({ ...job, ttl: ttlOf(job) }),
  }),
);

/** Key of the data an export read → the job last made for it. */
export const exportKeyItem = /* @__PURE__ */ droppable(() =>
  itemType<{ jobId: string }, ExportJob>({
    type: 'export-key',
    schema: z.object({ jobId: z.string() }),
    key: (job) => keys.exportKey(job.key),
    attributes: (job) => ({ jobId: job.jobId, ttl: ttlOf(job) }),
  }),
);

export const reportTextsItem = /* @__PURE__ */ droppable(() =>
  itemType<ReportTexts>({
    type: 'report-texts',
    schema: reportTextsSchema,
    key: (t) => keys.reportTexts(t.cycleId, t.entityId),
  }),
);

const bilingual = /* @__PURE__ */ droppable(() => z.object({ vi: z.string(), en: z.string() }));
const outboxSchema: z.ZodMiniType<OutboxMessage> = /* @__PURE__ */ droppable(() =>
  z.object({
    key: z.string(),
    messageId: z.string(),
    date: z.string(),
    kind: z.custom<OutboxMessage['kind']>((v: unknown) => typeof v === 'string' && v !== ''),
    dedupeKind: z.string(),
    channel: z.enum(['email', 'webhook']),
    recipientKey: z.string(),
    address: z.string(),
    recipientName: z.optional(z.string()),
    role: z.enum(['to', 'cc']),
    locale: z.enum(['vi', 'en']),
    cycleId: z.string(),
    entityId: z.optional(z.string()),
    unitId: z.optional(z.string()),
    reason: bilingual,
    subject: z.string(),
    text: z.string(),
    html: z.optional(z.string()),
    payload: z.optional(z.string()),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().check(z.int()),
    version: z.number().check(z.int()),
    createdAt: z.string(),
    updatedAt: z.string(),
    leaseUntil: z.optional(z.string()),
    claimedAt: z.optional(z.string()),
    sentAt: z.optional(z.string()),
    providerMessageId: z.optional(z.string()),
    lastError: z.optional(z.string()),
    resolution: z.optional(z.enum(RESOLUTIONS)),
    resolvedAt: z.optional(z.string()),
  }),
);

export const outboxItem = /* @__PURE__ */ droppable(() =>
  itemType<OutboxMessage>({
    type: 'outbox',
    schema: outboxSchema,
    key: (m) => keys.outbox(m.date, m.key),
  }),
);

/** One top-level attribute per event type (`ev_Send`…): `if_not_exists` keeps the first time. */
export const eventAttribute = (type: string) => `ev_${type}`;

/** The message's ids, then one `ev_<type>` attribute per event type seen (the first time it was seen). */
const providerRecordSchema = /* @__PURE__ */ droppable(() =>
  z.catchall(
    z.object({ date: z.string(), key: z.string(), providerMessageId: z.optional(z.string()) }),
    z.string(),
  ),
);

/** Written by Updates only (one event at a time); read whole. */
export const providerRecordItem = /* @__PURE__ */ droppable(() =>
  itemType<z.output<typeof providerRecordSchema>>({
    type: 'provider',
    schema: providerRecordSchema,
    key: (r) => keys.providerRecord(r.date, r.key),
  }),
);

/** A version list's attributes: no nodes, mapping or bands (a version item can be hundreds of KB). */
export const FRAMEWORK_SUMMARY_FIELDS = [
  'frameworkId',
  'version',
  'name',
  'index',
  'years',
  'provenance',
  'provenanceNote',
  'sources',
  'aggregation',
  'totalPoints',
  'status',
  'revision',
  'createdAt',
  'createdBy',
  'publishedAt',
  'publishedBy',
  'nodeCount',
];

/** Why a save was refused: a published version never changes; otherwise someone else saved first. */
export function frameworkSaveRefusal(framework: Framework, current: Framework | undefined): ConflictError {
  if (current?.status === 'published')
    return new ConflictError(
      {
        vi: `Phiên bản ${framework.version} của "${framework.frameworkId}" đã ban hành, không được sửa. Hãy tạo phiên bản mới.`,
        en: `Version ${framework.version} of "${framework.frameworkId}" is published and cannot change. Create a new version.`,
      },
      { frameworkId: current.frameworkId, version: current.version, status: current.status },
    );
  return new ConflictError(
    {
      vi: 'Bộ tiêu chí vừa được người khác thay đổi. Tải lại rồi thử lại.',
      en: 'Someone else changed this framework meanwhile. Reload and try again.',
    },
    current && { frameworkId: current.frameworkId, version: current.version, revision: current.revision },
  );
}
