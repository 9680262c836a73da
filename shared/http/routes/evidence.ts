import * as z from 'zod';
import { criterionCode, id } from '../../domain/common.ts';
import { evidenceSchema, uploadRequestSchema } from '../../domain/evidence.ts';
import { page, paginationQuery } from '../schemas.ts';
import { defineRoutes } from './types.ts';

export const criterionParams = z.object({ cycleId: id, entityId: id, criterionCode });
export const uploadBody = uploadRequestSchema.strict();
export const uploadResponse = z.object({
  evidence: evidenceSchema,
  upload: z.object({
    method: z.literal('PUT'),
    url: z.url(),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  }),
});
export const evidencePage = page(evidenceSchema);

export const evidenceRoutes = defineRoutes({
  requestUpload: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/uploads',
    fn: 'request-upload',
    tag: 'evidence',
    summary: {
      vi: 'Xin đường dẫn tải lên tài liệu kiểm chứng',
      en: 'Request a presigned upload for an evidence file',
    },
    auth: 'jwt',
    action: 'evidence:upload',
    params: criterionParams,
    body: uploadBody,
    success: {
      status: 201,
      schema: uploadResponse,
      description: 'Pending evidence and a presigned PUT signed for the declared size and type',
    },
  },
  listEvidence: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/evidence',
    fn: 'list-evidence',
    tag: 'evidence',
    summary: { vi: 'Tài liệu kiểm chứng của tiêu chí', en: "A criterion's evidence" },
    auth: 'jwt',
    action: 'evidence:read',
    params: criterionParams,
    query: paginationQuery,
    success: { status: 200, schema: evidencePage, description: 'Evidence, newest first' },
  },
});
