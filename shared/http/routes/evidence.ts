import * as z from 'zod/mini';
import { carryForwardRequestSchema } from '#domain/carry-forward.ts';
import { droppable, id, strictOf } from '#domain/common.ts';
import {
  addFileRequestSchema,
  editEvidenceSchema,
  evidenceReviewSchema,
  evidenceRevisionSchema,
  evidenceSchema,
  uploadRequestSchema,
} from '#domain/evidence.ts';
import { paginationQuery } from '#http/schemas.ts';
import {
  carryForwardResponse,
  completeBody,
  criterionParams,
  downloadQuery,
  downloadResponse,
  entityParams,
  evidenceDetail,
  evidencePage,
  evidenceParams,
  fileParams,
  linkParams,
  multipartUpload,
  partsBody,
  purgeBody,
  purgeResponse,
  searchQuery,
  uploadResponse,
} from './evidence-schemas.ts';
import { defineRoute } from './types.ts';

export {
  carryForwardResponse,
  completeBody,
  criterionParams,
  downloadQuery,
  downloadResponse,
  entityParams,
  evidenceDetail,
  evidencePage,
  evidenceParams,
  fileParams,
  linkParams,
  partsBody,
  purgeBody,
  purgeResponse,
  searchQuery,
  uploadInstructions,
  uploadResponse,
} from './evidence-schemas.ts';

const EV = '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}';
const common = { tag: 'evidence', auth: 'jwt' } as const;

export const requestUpload = /* @__PURE__ */ defineRoute(() => ({
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
  body: strictOf(uploadRequestSchema),
  success: {
    status: 201,
    description:
      'Pending evidence and either one presigned PUT (size, type and if-none-match signed) or a multipart upload with presigned parts',
  },
}));

export const listEvidence = /* @__PURE__ */ defineRoute(() => ({
  ...common,
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/evidence',
  fn: 'list-evidence',
  summary: { vi: 'Tài liệu kiểm chứng của tiêu chí', en: "A criterion's evidence" },
  action: 'evidence:read',
  params: criterionParams,
  query: paginationQuery,
  success: { status: 200, description: 'Evidence, newest first' },
}));

export const searchEvidence = /* @__PURE__ */ defineRoute(() => ({
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
  success: { status: 200, description: 'Evidence, newest first' },
}));

export const getEvidence = /* @__PURE__ */ defineRoute(() => ({
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
    description: 'The evidence and every revision of its files',
  },
}));

export const editEvidence = /* @__PURE__ */ defineRoute(() => ({
  ...common,
  method: 'PATCH',
  path: EV,
  fn: 'edit-evidence',
  summary: { vi: 'Sửa thông tin văn bản', en: 'Edit the document metadata' },
  action: 'evidence:edit',
  params: evidenceParams,
  body: strictOf(editEvidenceSchema),
  success: { status: 200, description: 'The evidence after the edit (audited)' },
}));

export const reviewEvidence = /* @__PURE__ */ defineRoute(() => ({
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
  body: strictOf(evidenceReviewSchema),
  success: { status: 200, description: 'The evidence with the verdict (audited)' },
}));

export const deleteEvidence = /* @__PURE__ */ defineRoute(() => ({
  ...common,
  method: 'DELETE',
  path: EV,
  fn: 'delete-evidence',
  summary: { vi: 'Chuyển tài liệu kiểm chứng vào thùng rác', en: 'Move evidence to the bin (soft delete)' },
  action: 'evidence:delete',
  params: evidenceParams,
  success: { status: 200, description: 'The deleted evidence (restorable)' },
}));

export const restoreEvidence = /* @__PURE__ */ defineRoute(() => ({
  ...common,
  method: 'POST',
  path: `${EV}/restore`,
  fn: 'restore-evidence',
  summary: { vi: 'Khôi phục tài liệu kiểm chứng từ thùng rác', en: 'Restore evidence from the bin' },
  action: 'evidence:restore',
  params: evidenceParams,
  success: { status: 200, description: 'The restored evidence' },
}));

export const purgeEvidence = /* @__PURE__ */ defineRoute(() => ({
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
  success: { status: 200, description: 'What was removed (audited)' },
}));

export const linkEvidence = /* @__PURE__ */ defineRoute(() => ({
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
  success: { status: 200, description: 'The evidence with the confirmed link' },
}));

export const unlinkEvidence = /* @__PURE__ */ defineRoute(() => ({
  ...common,
  method: 'DELETE',
  path: `${EV}/links/{criterionCode}`,
  fn: 'unlink-evidence',
  summary: { vi: 'Bỏ liên kết tài liệu với tiêu chí', en: 'Unlink evidence from a criterion' },
  action: 'evidence:unlink',
  params: linkParams,
  success: { status: 200, description: 'The evidence without the link' },
}));

export const addEvidenceFile = /* @__PURE__ */ defineRoute(() => ({
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
  body: strictOf(addFileRequestSchema),
  success: { status: 201, description: 'The pending revision and its upload' },
}));

export const uploadParts = /* @__PURE__ */ defineRoute(() => ({
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
  success: { status: 200, description: 'Part URLs and the parts already held' },
}));

export const completeUpload = /* @__PURE__ */ defineRoute(() => ({
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
    description: 'Assembled; finalize checks the file next, as for a single upload',
  },
}));

export const downloadEvidenceFile = /* @__PURE__ */ defineRoute(() => ({
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
    description: 'Presigned GET with the original file name',
  },
}));

export const carryForwardEvidence = /* @__PURE__ */ defineRoute(() => ({
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
  body: strictOf(carryForwardRequestSchema),
  success: {
    status: 200,
    description: 'What was carried, skipped, and where to resume',
  },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const evidenceRoutes = {
  requestUpload,
  listEvidence,
  searchEvidence,
  getEvidence,
  editEvidence,
  reviewEvidence,
  deleteEvidence,
  restoreEvidence,
  purgeEvidence,
  linkEvidence,
  unlinkEvidence,
  addEvidenceFile,
  uploadParts,
  completeUpload,
  downloadEvidenceFile,
  carryForwardEvidence,
};

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const evidenceResponses = /* @__PURE__ */ droppable(() => ({
  requestUpload: uploadResponse,
  listEvidence: evidencePage,
  searchEvidence: evidencePage,
  getEvidence: evidenceDetail,
  editEvidence: evidenceSchema,
  reviewEvidence: evidenceSchema,
  deleteEvidence: evidenceSchema,
  restoreEvidence: evidenceSchema,
  purgeEvidence: purgeResponse,
  linkEvidence: evidenceSchema,
  unlinkEvidence: evidenceSchema,
  addEvidenceFile: uploadResponse,
  uploadParts: multipartUpload,
  completeUpload: evidenceRevisionSchema,
  downloadEvidenceFile: downloadResponse,
  carryForwardEvidence: carryForwardResponse,
}));
