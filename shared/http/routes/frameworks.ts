import * as z from 'zod/mini';
import { bilingual, droppable, id } from '#domain/common.ts';
import { frameworkSchema, INDEX_KINDS, versionMappingSchema } from '#domain/framework.ts';
import { coercedNumber } from '#domain/zod-lean.ts';
import { MAX_IMPORT_BODY_BYTES } from '#http/headers.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const frameworkParams = /* @__PURE__ */ droppable(() => z.object({ frameworkId: id }));
export const frameworkVersionParams = /* @__PURE__ */ droppable(() =>
  z.object({ frameworkId: id, version: coercedNumber().check(z.int(), z.gte(1)) }),
);

export const frameworkHead = /* @__PURE__ */ droppable(() =>
  z.object({
    frameworkId: z.string(),
    name: bilingual,
    index: z.enum(INDEX_KINDS),
    provenance: z.enum(['confirmed', 'sample']),
    latestVersion: z.number(),
    latestPublishedVersion: z.optional(z.number()),
    updatedAt: z.string(),
    revision: z.number(),
  }),
);
const versionSummary = /* @__PURE__ */ droppable(() =>
  z.object({
    frameworkId: z.string(),
    version: z.number(),
    name: bilingual,
    status: z.enum(['draft', 'published']),
    provenance: z.enum(['confirmed', 'sample']),
    nodeCount: z.number(),
    publishedAt: z.optional(z.string()),
  }),
);

const mode = /* @__PURE__ */ droppable(() =>
  z
    .enum(['preview', 'commit'])
    .check(z.describe('preview: list what would be written and every problem; commit: write')),
);
const publish = /* @__PURE__ */ droppable(() =>
  z._default(z.boolean(), false).check(z.describe('Publish on commit (otherwise a draft)')),
);
/** A framework file, as JSON or as a base64 .xlsx (the one-sheet format of docs/frameworks.md). */
export const importFrameworkBody = /* @__PURE__ */ droppable(() =>
  z.discriminatedUnion('format', [
    z.strictObject({ format: z.literal('json'), mode, publish, document: z.unknown() }),
    z.strictObject({
      format: z.literal('xlsx'),
      mode,
      publish,
      fileBase64: z
        .string()
        .check(z.minLength(1), z.maxLength(MAX_IMPORT_BODY_BYTES), z.regex(/^[A-Za-z0-9+/=\s]+$/, 'base64')),
    }),
  ]),
);

const message = bilingual;
const problem = /* @__PURE__ */ droppable(() =>
  z.object({
    kind: z.string(),
    nodeCode: z.optional(z.string()),
    field: z.string(),
    row: z.optional(z.number()),
    message,
  }),
);
export const importFrameworkResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    mode: z.enum(['preview', 'commit']),
    ok: z.boolean(),
    action: z.optional(z.enum(['create', 'replace-draft'])),
    framework: z.optional(
      z.object({
        frameworkId: z.string(),
        version: z.number(),
        name: bilingual,
        provenance: z.enum(['confirmed', 'sample']),
        status: z.enum(['draft', 'published']),
      }),
    ),
    totals: z.optional(z.record(z.string(), z.number())),
    creates: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        maxPoints: z.number(),
        method: z.string(),
        role: z.string(),
        slots: z.number(),
        row: z.optional(z.number()),
      }),
    ),
    warnings: z.array(message),
    problems: z.array(problem),
    /** The file's mapping of the previous version's codes, when it declares one (shown beside the preview). */
    mapping: z.optional(versionMappingSchema),
  }),
);

export const listFrameworks = /* @__PURE__ */ defineRoute(() => ({
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
    description: 'One entry per framework with its latest versions',
  },
}));

export const listFrameworkVersions = /* @__PURE__ */ defineRoute(() => ({
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
    description: 'Versions, newest first, without nodes',
  },
}));

export const getFrameworkVersion = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/frameworks/{frameworkId}/versions/{version}',
  fn: 'get-framework-version',
  tag: 'frameworks',
  summary: { vi: 'Xem một phiên bản bộ tiêu chí', en: 'Read one framework version' },
  auth: 'jwt',
  action: 'framework:read',
  params: frameworkVersionParams,
  success: { status: 200, description: 'The version with its whole tree' },
}));

export const exportFramework = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/frameworks/{frameworkId}/versions/{version}/export',
  fn: 'export-framework',
  tag: 'frameworks',
  summary: { vi: 'Xuất bộ tiêu chí (Excel hoặc JSON)', en: 'Export a framework (Excel or JSON)' },
  auth: 'jwt',
  action: 'framework:read',
  params: frameworkVersionParams,
  query: z.object({ format: z._default(z.enum(['xlsx', 'json']), 'xlsx') }),
  success: { status: 200, description: 'The framework file (one sheet, or JSON)' },
  file: { contentType: XLSX },
}));

export const downloadTemplate = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/templates/{kind}',
  fn: 'download-template',
  tag: 'frameworks',
  summary: { vi: 'Tải mẫu Excel trống', en: 'Download a blank Excel template' },
  auth: 'jwt',
  action: 'framework:read',
  params: z.object({ kind: z.enum(['framework', 'assignments']) }),
  success: { status: 200, description: 'A blank .xlsx with the documented columns' },
  file: { contentType: XLSX },
}));

export const importFramework = /* @__PURE__ */ defineRoute(() => ({
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
    description: 'The plan; on commit, what was written',
  },
}));

export const publishFramework = /* @__PURE__ */ defineRoute(() => ({
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
  body: z.strictObject({ version: z.number().check(z.int(), z.gte(1)) }),
  success: { status: 200, description: 'The published version' },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const frameworksRoutes = {
  listFrameworks,
  listFrameworkVersions,
  getFrameworkVersion,
  exportFramework,
  downloadTemplate,
  importFramework,
  publishFramework,
};

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const frameworksResponses = /* @__PURE__ */ droppable(() => ({
  listFrameworks: page(frameworkHead),
  listFrameworkVersions: page(versionSummary),
  getFrameworkVersion: frameworkSchema,
  exportFramework: z.string(),
  downloadTemplate: z.string(),
  importFramework: importFrameworkResponse,
  publishFramework: frameworkSchema,
}));
