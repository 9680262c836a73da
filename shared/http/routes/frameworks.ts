import * as z from 'zod';
import { bilingual, id } from '#domain/common.ts';
import { frameworkSchema, INDEX_KINDS, versionMappingSchema } from '#domain/framework.ts';
import { MAX_IMPORT_BODY_BYTES } from '#http/headers.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const frameworkParams = z.object({ frameworkId: id });
export const frameworkVersionParams = z.object({ frameworkId: id, version: z.coerce.number().int().min(1) });

export const frameworkHead = z.object({
  frameworkId: z.string(),
  name: bilingual,
  index: z.enum(INDEX_KINDS),
  provenance: z.enum(['confirmed', 'sample']),
  latestVersion: z.number(),
  latestPublishedVersion: z.number().optional(),
  updatedAt: z.string(),
  revision: z.number(),
});
const versionSummary = z.object({
  frameworkId: z.string(),
  version: z.number(),
  name: bilingual,
  status: z.enum(['draft', 'published']),
  provenance: z.enum(['confirmed', 'sample']),
  nodeCount: z.number(),
  publishedAt: z.string().optional(),
});

const mode = z
  .enum(['preview', 'commit'])
  .describe('preview: list what would be written and every problem; commit: write');
const publish = z.boolean().default(false).describe('Publish on commit (otherwise a draft)');
/** A framework file, as JSON or as a base64 .xlsx (the one-sheet format of docs/frameworks.md). */
export const importFrameworkBody = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), mode, publish, document: z.unknown() }).strict(),
  z
    .object({
      format: z.literal('xlsx'),
      mode,
      publish,
      fileBase64: z
        .string()
        .min(1)
        .max(MAX_IMPORT_BODY_BYTES)
        .regex(/^[A-Za-z0-9+/=\s]+$/, 'base64'),
    })
    .strict(),
]);

const message = bilingual;
const problem = z.object({
  kind: z.string(),
  nodeCode: z.string().optional(),
  field: z.string(),
  row: z.number().optional(),
  message,
});
export const importFrameworkResponse = z.object({
  mode: z.enum(['preview', 'commit']),
  ok: z.boolean(),
  action: z.enum(['create', 'replace-draft']).optional(),
  framework: z
    .object({
      frameworkId: z.string(),
      version: z.number(),
      name: bilingual,
      provenance: z.enum(['confirmed', 'sample']),
      status: z.enum(['draft', 'published']),
    })
    .optional(),
  totals: z.record(z.string(), z.number()).optional(),
  creates: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      maxPoints: z.number(),
      method: z.string(),
      role: z.string(),
      slots: z.number(),
      row: z.number().optional(),
    }),
  ),
  warnings: z.array(message),
  problems: z.array(problem),
  /** The file's mapping of the previous version's codes, when it declares one (shown beside the preview). */
  mapping: versionMappingSchema.optional(),
});

export const frameworksRoutes = defineRoutes({
  listFrameworks: {
    method: 'GET',
    path: '/v1/frameworks',
    fn: 'list-frameworks',
    tag: 'frameworks',
    summary: { vi: 'Danh sách bộ tiêu chí', en: 'List frameworks' },
    auth: 'jwt',
    action: 'framework:read',
    query: paginationQuery,
    success: {
      status: 200,
      schema: page(frameworkHead),
      description: 'One entry per framework with its latest versions',
    },
  },
  listFrameworkVersions: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}/versions',
    fn: 'list-framework-versions',
    tag: 'frameworks',
    summary: { vi: 'Các phiên bản của bộ tiêu chí', en: "A framework's versions" },
    auth: 'jwt',
    action: 'framework:read',
    params: frameworkParams,
    query: paginationQuery,
    success: {
      status: 200,
      schema: page(versionSummary),
      description: 'Versions, newest first, without nodes',
    },
  },
  getFrameworkVersion: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}/versions/{version}',
    fn: 'get-framework-version',
    tag: 'frameworks',
    summary: { vi: 'Xem một phiên bản bộ tiêu chí', en: 'Read one framework version' },
    auth: 'jwt',
    action: 'framework:read',
    params: frameworkVersionParams,
    success: { status: 200, schema: frameworkSchema, description: 'The version with its whole tree' },
  },
  exportFramework: {
    method: 'GET',
    path: '/v1/frameworks/{frameworkId}/versions/{version}/export',
    fn: 'export-framework',
    tag: 'frameworks',
    summary: { vi: 'Xuất bộ tiêu chí (Excel hoặc JSON)', en: 'Export a framework (Excel or JSON)' },
    auth: 'jwt',
    action: 'framework:read',
    params: frameworkVersionParams,
    query: z.object({ format: z.enum(['xlsx', 'json']).default('xlsx') }),
    success: { status: 200, schema: z.string(), description: 'The framework file (one sheet, or JSON)' },
    file: { contentType: XLSX },
  },
  downloadTemplate: {
    method: 'GET',
    path: '/v1/templates/{kind}',
    fn: 'download-template',
    tag: 'frameworks',
    summary: { vi: 'Tải mẫu Excel trống', en: 'Download a blank Excel template' },
    auth: 'jwt',
    action: 'framework:read',
    params: z.object({ kind: z.enum(['framework', 'assignments']) }),
    success: { status: 200, schema: z.string(), description: 'A blank .xlsx with the documented columns' },
    file: { contentType: XLSX },
  },
  importFramework: {
    method: 'POST',
    path: '/v1/framework-imports',
    fn: 'import-framework',
    tag: 'frameworks',
    summary: { vi: 'Nhập bộ tiêu chí (xem trước, rồi ghi)', en: 'Import a framework (preview, then commit)' },
    auth: 'jwt',
    action: 'framework:import',
    body: importFrameworkBody,
    maxBodyBytes: MAX_IMPORT_BODY_BYTES,
    success: {
      status: 200,
      schema: importFrameworkResponse,
      description: 'The plan; on commit, what was written',
    },
  },
  publishFramework: {
    method: 'POST',
    path: '/v1/frameworks/{frameworkId}/publications',
    fn: 'publish-framework',
    tag: 'frameworks',
    summary: {
      vi: 'Ban hành phiên bản (không sửa được nữa)',
      en: 'Publish a version (immutable from then on)',
    },
    auth: 'jwt',
    action: 'framework:publish',
    params: frameworkParams,
    body: z.object({ version: z.number().int().min(1) }).strict(),
    success: { status: 200, schema: frameworkSchema, description: 'The published version' },
  },
});
