import * as z from 'zod/mini';
import { droppable, id, strictOf } from '#domain/common.ts';
import { cycleExportBodySchema, entityExportBodySchema, exportJobSchema } from '#domain/dossier.ts';
import { reportTextsBodySchema, reportTextsSchema } from '#domain/report.ts';
import { extendObject, isoDateTime } from '#domain/zod-lean.ts';
import { defineRoute } from './types.ts';

const entityParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id, entityId: id }));
const cycleParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id }));

/** A job as the caller sees it: the stored job, and once done a short-lived download per file. */
export const exportJobView = /* @__PURE__ */ droppable(() =>
  z.object({
    job: exportJobSchema,
    downloads: z
      .array(
        z.object({
          part: z.string(),
          fileName: z.string(),
          sizeBytes: z.number(),
          url: z.url(),
          expiresAt: isoDateTime(),
        }),
      )
      .check(
        z.describe(
          'GET answers them once the job is done and not expired: presigned GETs, valid a few minutes (ask again for fresh ones). A request answers none: poll the GET.',
        ),
      ),
    /** The request found an unchanged, unexpired job for the same data: that job is answered. */
    reused: z.boolean(),
    /** Past `expiresAt`: no download any more; request the export again. */
    expired: z.boolean(),
  }),
);

const bilingual = /* @__PURE__ */ droppable(() => z.object({ vi: z.string(), en: z.string() }));
const scoreTableRow = /* @__PURE__ */ droppable(() =>
  z.object({
    kind: z.enum(['area', 'criterion', 'survey', 'bonus', 'penalty']),
    code: z.string(),
    depth: z.number(),
    title: bilingual,
    leaf: z.boolean(),
    maxPoints: z.number(),
    selfScore: z.optional(z.number()),
    appraisedScore: z.optional(z.number()),
    projectedPoints: z.optional(z.number()),
    children: z.array(z.number()),
    capped: z.boolean(),
    evidence: z.array(
      z.object({
        evidenceId: z.string(),
        documentNumber: z.optional(z.string()),
        issueDate: z.optional(z.string()),
        title: z.string(),
        issuer: z.optional(z.string()),
        path: z.string(),
      }),
    ),
    explanation: z.optional(z.string()),
    unitIds: z.array(z.string()),
    status: z.optional(
      z.enum([
        'appraised',
        'complete',
        'sentBack',
        'missingEvidence',
        'notScored',
        'imported',
        'notImported',
      ]),
    ),
  }),
);
export const scoreTableResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.string(),
    entityId: z.string(),
    readAt: isoDateTime(),
    formulaVersion: z.string(),
    rows: z.array(scoreTableRow),
    top: z.object({ regular: z.array(z.number()), bonus: z.array(z.number()), penalty: z.array(z.number()) }),
    totals: z.object({
      maxPoints: z.number(),
      selfScore: z.number(),
      appraisedScore: z.number(),
      projectedPoints: z.number(),
      bonusPoints: z.number(),
      penaltyPoints: z.number(),
      projectedIndexPercent: z.number(),
      band: z.optional(z.string()),
    }),
    anyAppraised: z.boolean(),
    unitId: z.optional(z.string()),
  }),
);

/** The report's texts of this cycle (null until saved), and last year's for the same entity as a start. */
export const reportTextsView = /* @__PURE__ */ droppable(() =>
  z.object({
    texts: z.nullable(reportTextsSchema),
    previous: z
      .nullable(reportTextsSchema)
      .check(z.describe("The same entity's texts in the previous year's cycle, offered as a starting point")),
    /** Header fields as the report will print them when left blank (from the organisation). */
    defaults: z.object({
      superiorBody: z.string(),
      issuingBody: z.string(),
      place: z.string(),
      signerPosition: z.string(),
      recipients: z.array(z.string()),
    }),
  }),
);

export const requestEntityExport = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/exports',
  fn: 'request-export',
  tag: 'dossier',
  summary: { vi: 'Yêu cầu xuất hồ sơ tự đánh giá', en: 'Request an export of the self-assessment dossier' },
  auth: 'jwt',
  action: 'dossier:export',
  params: entityParams,
  body: strictOf(entityExportBodySchema),
  success: {
    status: 202,
    description: 'The job (new, or the unchanged one for the same data); poll it until it is done',
  },
}));

export const getEntityExport = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/exports/{jobId}',
  fn: 'get-export',
  tag: 'dossier',
  summary: { vi: 'Tiến độ và tệp của một lần xuất hồ sơ', en: 'Progress and files of an export' },
  auth: 'jwt',
  action: 'dossier:export',
  params: extendObject(entityParams, { jobId: id }),
  success: { status: 200, description: 'The job, with downloads once done' },
}));

export const requestCycleExport = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/exports',
  fn: 'request-export',
  tag: 'dossier',
  summary: {
    vi: 'Yêu cầu xuất bảng tổng hợp kết quả các đơn vị',
    en: "Request the council's table of every entity in scope",
  },
  auth: 'jwt',
  action: 'dossier:council',
  params: cycleParams,
  body: strictOf(cycleExportBodySchema),
  success: { status: 202, description: 'The job; poll it until it is done' },
}));

export const getCycleExport = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/exports/{jobId}',
  fn: 'get-export',
  tag: 'dossier',
  summary: { vi: 'Tiến độ và tệp của bảng tổng hợp', en: 'Progress and file of a council table export' },
  auth: 'jwt',
  action: 'dossier:council',
  params: extendObject(cycleParams, { jobId: id }),
  success: { status: 200, description: 'The job, with the download once done' },
}));

export const getScoreTable = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/score-table',
  fn: 'get-score-table',
  tag: 'dossier',
  summary: { vi: 'Bảng điểm tự đánh giá (bản in)', en: 'The score table (print view)' },
  auth: 'jwt',
  action: 'dossier:export',
  params: entityParams,
  query: z.object({ unitId: z.optional(id) }),
  success: {
    status: 200,
    description: 'The rows the .xlsx holds, from the same readiness reading',
  },
}));

export const getReportTexts = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/report-texts',
  fn: 'report-texts',
  tag: 'dossier',
  summary: {
    vi: 'Nội dung báo cáo tự đánh giá do đơn vị viết',
    en: "The report's texts the entity writes",
  },
  auth: 'jwt',
  action: 'dossier:export',
  params: entityParams,
  success: {
    status: 200,
    description: 'Texts (or null), last year’s, and defaults',
  },
}));

export const saveReportTexts = /* @__PURE__ */ defineRoute(() => ({
  method: 'PUT',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/report-texts',
  fn: 'report-texts',
  tag: 'dossier',
  summary: { vi: 'Lưu nội dung báo cáo tự đánh giá', en: "Save the report's texts" },
  auth: 'jwt',
  action: 'report:write',
  params: entityParams,
  body: strictOf(reportTextsBodySchema),
  success: {
    status: 200,
    description: 'The saved texts; a stale `version` is a 409 with the current ones',
  },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const exportsRoutes = {
  requestEntityExport,
  getEntityExport,
  requestCycleExport,
  getCycleExport,
  getScoreTable,
  getReportTexts,
  saveReportTexts,
};

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const exportsResponses = /* @__PURE__ */ droppable(() => ({
  requestEntityExport: exportJobView,
  getEntityExport: exportJobView,
  requestCycleExport: exportJobView,
  getCycleExport: exportJobView,
  getScoreTable: scoreTableResponse,
  getReportTexts: reportTextsView,
  saveReportTexts: reportTextsSchema,
}));
