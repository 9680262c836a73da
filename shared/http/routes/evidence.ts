import * as z from 'zod';
import { carryForwardRequestSchema } from '#domain/carry-forward.ts';
import { criterionCode, id, text } from '#domain/common.ts';
import {
  addFileRequestSchema,
  EVIDENCE_STATES,
  editEvidenceSchema,
  evidenceReviewSchema,
  evidenceRevisionSchema,
  evidenceSchema,
  uploadRequestSchema,
} from '#domain/evidence.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

export const criterionParams = z.object({ cycleId: id, entityId: id, criterionCode });
export const entityParams = z.object({ cycleId: id, entityId: id });
export const evidenceParams = z.object({ cycleId: id, entityId: id, evidenceId: id });
export const fileParams = evidenceParams.extend({ fileId: id });
export const linkParams = evidenceParams.extend({ criterionCode });

const presignedPart = z.object({
  partNumber: z.number().int(),
  sizeBytes: z.number().int(),
  method: z.literal('PUT'),
  url: z.url(),
  headers: z.record(z.string(), z.string()),
});
const multipartUpload = z.object({
  mode: z.literal('multipart'),
  uploadId: z.string(),
  partBytes: z.number().int(),
  partCount: z.number().int(),
  parts: z.array(presignedPart).describe('Presigned PUT per part, each signing its exact content-length'),
  uploadedParts: z
    .array(z.object({ partNumber: z.number().int(), etag: z.string(), sizeBytes: z.number().int() }))
    .optional()
    .describe('Parts the bucket already holds (absent where the store cannot list them)'),
  expiresAt: z.iso.datetime(),
});
export const uploadInstructions = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('single'),
    method: z.literal('PUT'),
    url: z.url(),
    headers: z
      .record(z.string(), z.string())
      .describe('Send exactly these headers: content-type and if-none-match are part of the signature'),
    expiresAt: z.iso.datetime(),
  }),
  multipartUpload,
]);
export const uploadResponse = z.object({
  evidence: evidenceSchema,
  revision: evidenceRevisionSchema,
  upload: uploadInstructions,
});
export const evidencePage = page(evidenceSchema);
export const evidenceDetail = z.object({
  evidence: evidenceSchema,
  revisions: z.array(evidenceRevisionSchema),
});

export const searchQuery = paginationQuery.extend({
  /** Members and leaders: their own entity (the default). Admins and reviewers: any, or all when absent. */
  entityId: id.optional(),
  unitId: id.optional(),
  criterionCode: criterionCode.optional(),
  /** Words of the title, số/ký hiệu, issuer or file name; diacritics and case do not matter. */
  q: z.string().max(200).optional(),
  state: z.enum(EVIDENCE_STATES).optional(),
  /** `include` / `only` show the bin, for those who may restore. */
  deleted: z.enum(['exclude', 'include', 'only']).default('exclude'),
});

export const partsBody = z
  .object({
    revision: z.number().int().min(1),
    /** The parts to (re)upload; absent: every part the store does not hold yet (all, where it cannot say). */
    partNumbers: z.array(z.number().int().min(1).max(10_000)).min(1).max(100).optional(),
  })
  .strict();
export const completeBody = z
  .object({
    revision: z.number().int().min(1),
    parts: z
      .array(
        z
          .object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict();
export const downloadQuery = z.object({
  /** Any available revision; default: the file's current one. */
  revision: z.coerce.number().int().min(1).optional(),
});
export const downloadResponse = z.object({
  url: z.url().describe('Short-lived presigned GET; the browser saves the file under its original name'),
  expiresAt: z.iso.datetime(),
  fileName: z.string(),
  revision: z.number().int(),
  sizeBytes: z.number().int().optional(),
  sha256: z.string().optional(),
});
export const purgeBody = z
  .object({ reason: text(500), version: z.number().int().min(1).optional() })
  .strict();
export const purgeResponse = z.object({
  evidenceId: id,
  objectsDeleted: z.number().int(),
  versionsDeleted: z.boolean(),
});
export const carryForwardResponse = z.object({
  carried: z.array(
    z.object({
      sourceEvidenceId: id,
      evidenceId: id,
      unconfirmedCodes: z.array(z.string()),
      unmappedCodes: z.array(z.string()),
    }),
  ),
  alreadyCarried: z.array(z.object({ sourceEvidenceId: id, evidenceId: id })),
  skipped: z.array(z.object({ sourceEvidenceId: id, reason: z.string() })),
  copying: z
    .number()
    .int()
    .min(0)
    .describe(
      'Files whose copy continues in the background (large, or past the request’s time); their evidence stays pending until it lands',
    ),
  next: z.string().optional().describe('Send it back as `cursor` to continue'),
});

const EV = '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}';
const common = { tag: 'evidence', auth: 'jwt' } as const;

export const evidenceRoutes = defineRoutes({
  requestUpload: {
    ...common,
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/uploads',
    fn: 'request-upload',
    summary: {
      vi: 'Tạo tài liệu kiểm chứng mới và xin đường dẫn tải tệp lên',
      en: 'Create evidence and get a presigned upload for its first file',
    },
    action: 'evidence:upload',
    params: criterionParams,
    body: uploadRequestSchema.strict(),
    success: {
      status: 201,
      schema: uploadResponse,
      description:
        'Pending evidence and either one presigned PUT (size, type and if-none-match signed) or a multipart upload with presigned parts',
    },
  },
  listEvidence: {
    ...common,
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/evidence',
    fn: 'list-evidence',
    summary: { vi: 'Tài liệu kiểm chứng của tiêu chí', en: "A criterion's evidence" },
    action: 'evidence:read',
    params: criterionParams,
    query: paginationQuery,
    success: { status: 200, schema: evidencePage, description: 'Evidence, newest first' },
  },
  searchEvidence: {
    ...common,
    method: 'GET',
    path: '/v1/cycles/{cycleId}/evidence',
    fn: 'search-evidence',
    summary: {
      vi: 'Tìm tài liệu kiểm chứng theo đơn vị, phòng, tiêu chí, số/ký hiệu hoặc tên (không phân biệt dấu)',
      en: 'Find evidence by entity, unit, criterion, document number or title (diacritics-insensitive)',
    },
    action: 'evidence:read',
    params: z.object({ cycleId: id }),
    query: searchQuery,
    success: { status: 200, schema: evidencePage, description: 'Evidence, newest first' },
  },
  getEvidence: {
    ...common,
    method: 'GET',
    path: EV,
    fn: 'get-evidence',
    summary: {
      vi: 'Một tài liệu kiểm chứng và lịch sử phiên bản',
      en: 'One evidence with its revision history',
    },
    action: 'evidence:read',
    params: evidenceParams,
    success: {
      status: 200,
      schema: evidenceDetail,
      description: 'The evidence and every revision of its files',
    },
  },
  editEvidence: {
    ...common,
    method: 'PATCH',
    path: EV,
    fn: 'edit-evidence',
    summary: { vi: 'Sửa thông tin văn bản', en: 'Edit the document metadata' },
    action: 'evidence:edit',
    params: evidenceParams,
    body: editEvidenceSchema.strict(),
    success: { status: 200, schema: evidenceSchema, description: 'The evidence after the edit (audited)' },
  },
  reviewEvidence: {
    ...common,
    method: 'PUT',
    path: `${EV}/review`,
    fn: 'review-evidence',
    summary: {
      vi: 'Thẩm định tài liệu kiểm chứng: chấp nhận hoặc không chấp nhận (có lý do)',
      en: 'Review the evidence: accept it, or reject it with a reason',
    },
    action: 'evidence:review',
    params: evidenceParams,
    body: evidenceReviewSchema.strict(),
    success: { status: 200, schema: evidenceSchema, description: 'The evidence with the verdict (audited)' },
  },
  deleteEvidence: {
    ...common,
    method: 'DELETE',
    path: EV,
    fn: 'delete-evidence',
    summary: { vi: 'Chuyển tài liệu kiểm chứng vào thùng rác', en: 'Move evidence to the bin (soft delete)' },
    action: 'evidence:delete',
    params: evidenceParams,
    success: { status: 200, schema: evidenceSchema, description: 'The deleted evidence (restorable)' },
  },
  restoreEvidence: {
    ...common,
    method: 'POST',
    path: `${EV}/restore`,
    fn: 'restore-evidence',
    summary: { vi: 'Khôi phục tài liệu kiểm chứng từ thùng rác', en: 'Restore evidence from the bin' },
    action: 'evidence:restore',
    params: evidenceParams,
    success: { status: 200, schema: evidenceSchema, description: 'The restored evidence' },
  },
  purgeEvidence: {
    ...common,
    method: 'POST',
    path: `${EV}/purge`,
    fn: 'purge-evidence',
    summary: {
      vi: 'Xoá vĩnh viễn tài liệu kiểm chứng trong thùng rác (quản trị viên)',
      en: 'Permanently delete binned evidence and every object version (admin)',
    },
    action: 'evidence:purge',
    params: evidenceParams,
    body: purgeBody,
    success: { status: 200, schema: purgeResponse, description: 'What was removed (audited)' },
  },
  linkEvidence: {
    ...common,
    method: 'PUT',
    path: `${EV}/links/{criterionCode}`,
    fn: 'link-evidence',
    summary: {
      vi: 'Liên kết tài liệu với tiêu chí, hoặc xác nhận liên kết chuyển từ năm trước',
      en: 'Link evidence to a criterion, or confirm a link carried forward',
    },
    action: 'evidence:link',
    params: linkParams,
    success: { status: 200, schema: evidenceSchema, description: 'The evidence with the confirmed link' },
  },
  unlinkEvidence: {
    ...common,
    method: 'DELETE',
    path: `${EV}/links/{criterionCode}`,
    fn: 'unlink-evidence',
    summary: { vi: 'Bỏ liên kết tài liệu với tiêu chí', en: 'Unlink evidence from a criterion' },
    action: 'evidence:unlink',
    params: linkParams,
    success: { status: 200, schema: evidenceSchema, description: 'The evidence without the link' },
  },
  addEvidenceFile: {
    ...common,
    method: 'POST',
    path: `${EV}/files`,
    fn: 'add-evidence-file',
    summary: {
      vi: 'Thêm tệp vào tài liệu kiểm chứng, hoặc thay tệp bằng phiên bản mới (giữ bản cũ)',
      en: 'Add a file to an evidence, or replace one with a new revision (old ones kept)',
    },
    action: 'evidence:edit',
    params: evidenceParams,
    body: addFileRequestSchema.strict(),
    success: { status: 201, schema: uploadResponse, description: 'The pending revision and its upload' },
  },
  uploadParts: {
    ...common,
    method: 'POST',
    path: `${EV}/files/{fileId}/parts`,
    fn: 'upload-parts',
    summary: {
      vi: 'Xin lại đường dẫn các phần còn thiếu để tải tiếp tệp lớn',
      en: 'Presigned URLs for the parts still missing: resume a large upload',
    },
    action: 'evidence:upload',
    params: fileParams,
    body: partsBody,
    success: { status: 200, schema: multipartUpload, description: 'Part URLs and the parts already held' },
  },
  completeUpload: {
    ...common,
    method: 'POST',
    path: `${EV}/files/{fileId}/complete`,
    fn: 'complete-upload',
    summary: { vi: 'Hoàn tất tải lên nhiều phần', en: 'Complete a multipart upload' },
    action: 'evidence:upload',
    params: fileParams,
    body: completeBody,
    success: {
      status: 202,
      schema: evidenceRevisionSchema,
      description: 'Assembled; finalize checks the file next, as for a single upload',
    },
  },
  downloadEvidenceFile: {
    ...common,
    method: 'GET',
    path: `${EV}/files/{fileId}/download`,
    fn: 'download-evidence',
    summary: { vi: 'Đường dẫn tải về tệp (ngắn hạn)', en: 'Short-lived download URL for a file' },
    action: 'evidence:download',
    params: fileParams,
    query: downloadQuery,
    success: {
      status: 200,
      schema: downloadResponse,
      description: 'Presigned GET with the original file name',
    },
  },
  carryForwardEvidence: {
    ...common,
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/carry-forward',
    fn: 'carry-forward',
    summary: {
      vi: 'Chuyển tài liệu kiểm chứng năm trước sang kỳ này (liên kết chờ xác nhận)',
      en: "Carry last year's evidence into this cycle (links await confirmation)",
    },
    action: 'evidence:carry-forward',
    params: entityParams,
    body: carryForwardRequestSchema.strict(),
    success: {
      status: 200,
      schema: carryForwardResponse,
      description: 'What was carried, skipped, and where to resume',
    },
  },
});
