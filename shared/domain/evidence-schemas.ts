/**
 * The evidence records and request bodies (docs/evidence.md): states, document types, metadata, files and
 * their revisions, the reviewer's verdict. Zod schemas and the constants they use; the rules are in
 * evidence-files.ts and evidence-state.ts.
 */
import * as z from 'zod/mini';
import { bilingual, checkMessage, criterionCode, droppable, id, isoDate, name, text } from './common.ts';
import type { Message } from './errors.ts';
import { FILE_KINDS } from './file-types.ts';
import { SCAN_STATUSES } from './malware.ts';
import { cleanFileName } from './text.ts';
import { extendObject, isoDateTime } from './zod-lean.ts';

export const EVIDENCE_STATES = [
  'pending_upload',
  'scanning',
  'available',
  'quarantined',
  'accepted',
  'rejected',
  'upload_expired',
] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

export const FILE_STATES = [
  'pending_upload',
  'scanning',
  'available',
  'quarantined',
  'upload_expired',
] as const;
export type FileState = (typeof FILE_STATES)[number];

/** States that count toward a filled slot, per the cycle's evidence policy (docs/readiness.md, rule 2). */
export function countsAsFilled(state: EvidenceState, policy: 'available' | 'accepted'): boolean {
  return policy === 'accepted' ? state === 'accepted' : state === 'available' || state === 'accepted';
}

/** An evidence proves at most this many criteria (one transaction writes all its links). */
export const MAX_LINKS = 50;
/** Files of one evidence (a plan and its annexes), not counting revisions. */
export const MAX_FILES = 20;

/**
 * Document types as slugs: framework evidence slots name the type they need (`ke-hoach`), so the type is
 * data, not an enum. The common ones, with labels for the UI:
 */
export const DOCUMENT_TYPES: Record<string, Message> = {
  'ke-hoach': { vi: 'Kế hoạch', en: 'Plan' },
  'bao-cao': { vi: 'Báo cáo', en: 'Report' },
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'thong-bao': { vi: 'Thông báo', en: 'Notice' },
  'cong-van': { vi: 'Công văn', en: 'Official letter' },
  'chi-thi': { vi: 'Chỉ thị', en: 'Directive' },
  'nghi-quyet': { vi: 'Nghị quyết', en: 'Resolution' },
  'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  'bien-ban': { vi: 'Biên bản', en: 'Minutes' },
  'to-trinh': { vi: 'Tờ trình', en: 'Submission' },
  khac: { vi: 'Khác', en: 'Other' },
};
export const documentType = /* @__PURE__ */ droppable(() =>
  z.string().check(
    z.maxLength(50),
    z.regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      checkMessage({
        vi: 'loại văn bản viết thường, không dấu, nối bằng "-", ví dụ ke-hoach',
        en: 'document type slug, e.g. ke-hoach',
      }),
    ),
  ),
);

export const effectivePeriodSchema = /* @__PURE__ */ droppable(() =>
  z.object({ from: isoDate, to: z.optional(isoDate) }).check(
    z.refine((p) => !p.to || p.to >= p.from, {
      path: ['to'],
      message: 'to must not be before from',
      params: { vi: 'ngày hết hiệu lực không được trước ngày bắt đầu' },
    }),
  ),
);

/** What the uploader says about the document (số/ký hiệu, loại, ngày ban hành, hiệu lực, cơ quan ban hành). */
export const evidenceMetadataSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    title: name(500),
    /** Số/ký hiệu, e.g. `1803/KH-SKHCCN`. */
    documentNumber: z.optional(name(100)),
    /** Decides which evidence slot of the criterion the document fills. */
    documentType: z.optional(documentType),
    issueDate: z.optional(isoDate),
    effectivePeriod: z.optional(effectivePeriodSchema),
    issuer: z.optional(name(300)),
    note: z.optional(text(2000)),
  }),
);
export type EvidenceMetadata = z.infer<typeof evidenceMetadataSchema>;
export const OPTIONAL_METADATA = [
  'documentNumber',
  'documentType',
  'issueDate',
  'effectivePeriod',
  'issuer',
  'note',
] as const;

const sha256Hex = /* @__PURE__ */ droppable(() =>
  z.string().check(
    z.regex(
      /^[0-9a-f]{64}$/,
      checkMessage({
        vi: 'SHA-256 gồm 64 chữ số thập lục phân viết thường',
        en: 'SHA-256 as 64 lowercase hex digits',
      }),
    ),
  ),
);

/** One file the client is about to upload. */
export const fileDeclarationSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    /**
     * Shown to people and served back on download; never part of a key. `cleanFileName` (no invisible
     * characters, NFC); its extension must be on the allow-list and agree with `contentType`.
     */
    fileName: name(200, cleanFileName),
    contentType: z.string().check(z.minLength(1), z.maxLength(200)),
    sizeBytes: z.number().check(
      z.int(),
      z.gte(
        1,
        checkMessage({
          vi: 'Tệp rỗng (0 byte) không phải là minh chứng.',
          en: 'An empty file (0 bytes) is not evidence.',
        }),
      ),
    ),
    /**
     * Optional SHA-256 computed by the browser: lets the API spot a duplicate before any byte is sent, and
     * finalize quarantines bytes whose SHA-256 differs (corrupted or incomplete upload).
     */
    sha256: z.optional(sha256Hex),
    /** `refuse` (default): a declared SHA-256 already in this entity's cycle is a 409 naming that evidence. */
    onDuplicate: z._default(z.enum(['refuse', 'upload']), 'refuse'),
  }),
);
export type FileDeclaration = z.infer<typeof fileDeclarationSchema>;

/** New evidence for a criterion: its first file plus metadata (title defaults to the file name). */
export const uploadRequestSchema = /* @__PURE__ */ droppable(() =>
  z.extend(fileDeclarationSchema, {
    ...z.partial(evidenceMetadataSchema).shape,
  }),
);
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** Another file for an existing evidence, or (`replacesFileId`) a new revision of one of its files. */
export const addFileRequestSchema = /* @__PURE__ */ droppable(() =>
  extendObject(fileDeclarationSchema, { replacesFileId: z.optional(id) }),
);
export type AddFileRequest = z.infer<typeof addFileRequestSchema>;

/** Metadata edit: fields to change, `null` clears an optional one; `version` is the one the client saw. */
export const editEvidenceSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    version: z.number().check(z.int(), z.gte(1)),
    title: z.optional(name(500)),
    documentNumber: z.optional(z.nullable(name(100))),
    documentType: z.optional(z.nullable(documentType)),
    issueDate: z.optional(z.nullable(isoDate)),
    effectivePeriod: z.optional(z.nullable(effectivePeriodSchema)),
    issuer: z.optional(z.nullable(name(300))),
    note: z.optional(z.nullable(text(2000))),
  }),
);
export type EditEvidence = z.infer<typeof editEvidenceSchema>;

/** A reviewer's verdict on the evidence itself (is this the document the criterion asks for?). */
export const evidenceReviewSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    version: z.number().check(z.int(), z.gte(1)),
    decision: z.enum(['accepted', 'rejected']),
    /** Required when rejecting: the unit must know what to fix. */
    reason: z.optional(text(1000)),
  }),
);
export type EvidenceReviewInput = z.infer<typeof evidenceReviewSchema>;

const evidenceReviewRecord = /* @__PURE__ */ droppable(() =>
  z.object({
    decision: z.enum(['accepted', 'rejected']),
    reason: z.optional(z.string()),
    by: z.object({ userId: z.string(), role: z.string(), name: z.optional(z.string()) }),
    at: isoDateTime(),
  }),
);
export type EvidenceReview = z.infer<typeof evidenceReviewRecord>;

export const scanVerdictSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    engine: z.string(),
    status: z.enum(SCAN_STATUSES),
    detail: z.optional(z.string()),
    at: isoDateTime(),
  }),
);

const uploadModeSchema = /* @__PURE__ */ droppable(() =>
  z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('single') }),
    z.object({
      mode: z.literal('multipart'),
      uploadId: z.string(),
      partBytes: z.number().check(z.int()),
      partCount: z.number().check(z.int()),
    }),
    /** Server-side copy (carry-forward): no client upload at all. */
    z.object({ mode: z.literal('copy'), sourceKey: z.string() }),
  ]),
);

/** One uploaded object: a revision of one file of one evidence. Stored as its own item. */
export const evidenceRevisionSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: id,
    entityId: id,
    evidenceId: id,
    fileId: id,
    revision: z.number().check(z.int(), z.gte(1)),
    fileName: z.string(),
    kind: z.enum(FILE_KINDS),
    declaredContentType: z.string(),
    declaredSizeBytes: z.number().check(z.int()),
    declaredSha256: z.optional(z.string()),
    objectKey: z.string(),
    upload: uploadModeSchema,
    state: z.enum(FILE_STATES),
    /** Why the revision is not available: a failed check, a malware verdict, or an upload that never finished. */
    quarantineReason: z.optional(bilingual),
    sizeBytes: z.optional(z.number().check(z.int())),
    sha256: z.optional(z.string()),
    sniffedType: z.optional(z.string()),
    /** A verdict that arrived before finalize ran (GuardDuty can be faster than the S3 notification). */
    scan: z.optional(scanVerdictSchema),
    uploadedBy: z.string(),
    createdAt: isoDateTime(),
    finalizedAt: z.optional(isoDateTime()),
    version: z.number().check(z.int(), z.gte(1)),
  }),
);
export type EvidenceRevision = z.infer<typeof evidenceRevisionSchema>;

export const revisionSummarySchema = /* @__PURE__ */ droppable(() =>
  z.pick(evidenceRevisionSchema, {
    revision: true,
    fileName: true,
    kind: true,
    state: true,
    quarantineReason: true,
    sizeBytes: true,
    sha256: true,
    uploadedBy: true,
    createdAt: true,
  }),
);
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const evidenceFileSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    fileId: id,
    /** The newest revision issued (possibly still uploading or quarantined). */
    latest: revisionSummarySchema,
    /** The newest available revision: what readers see and download. */
    current: z.optional(revisionSummarySchema),
  }),
);
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const evidenceSchema = /* @__PURE__ */ droppable(() =>
  extendObject(evidenceMetadataSchema, {
    evidenceId: id,
    cycleId: id,
    entityId: id,
    /** The uploader's unit: members edit and delete only their unit's evidence. */
    unitId: z.optional(id),
    /** Confirmed links: these count toward readiness. */
    criterionCodes: z.array(criterionCode),
    /** Links carried forward from last year's cycle, awaiting a member's confirmation; they do not count. */
    unconfirmedCodes: z.array(criterionCode),
    state: z.enum(EVIDENCE_STATES),
    /** With `quarantined` or `upload_expired`: why nothing can be shown (bilingual). */
    quarantineReason: z.optional(bilingual),
    files: z.array(evidenceFileSchema),
    /** Set by finalize when a file's SHA-256 already exists in another evidence of this entity's cycle. */
    duplicateOf: z.optional(z.object({ evidenceId: id, title: z.string() })),
    carriedFrom: z.optional(z.object({ cycleId: id, evidenceId: id })),
    uploadedBy: z.string(),
    createdAt: isoDateTime(),
    updatedAt: isoDateTime(),
    deletedAt: z.optional(isoDateTime()),
    deletedBy: z.optional(z.string()),
    /** The reviewer's verdict while it stands (a newly available revision clears it, see `applyRevision`). */
    review: z.optional(evidenceReviewRecord),
    version: z.number().check(z.int(), z.gte(1)),
  }),
);
export type Evidence = z.infer<typeof evidenceSchema>;
