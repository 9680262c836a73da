import * as z from 'zod/mini';
import { assignmentSchema, assignmentUpdateSchema, newAssignmentSchema } from '#domain/assignment.ts';
import { bilingual, droppable, id, strictOf } from '#domain/common.ts';
import { extendObject } from '#domain/zod-lean.ts';
import { MAX_IMPORT_BODY_BYTES } from '#http/headers.ts';
import { page, pageQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

export const assignmentScope = /* @__PURE__ */ droppable(() => z.object({ cycleId: id, entityId: id }));

const rowIssue = /* @__PURE__ */ droppable(() =>
  z.object({ row: z.optional(z.number()), field: z.string(), message: bilingual }),
);
const brief = /* @__PURE__ */ droppable(() =>
  z.pick(assignmentSchema, { assignmentId: true, unitId: true, criteria: true, dueDate: true }),
);

export const listAssignments = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments',
  fn: 'list-assignments',
  tag: 'assignments',
  summary: { vi: 'Nhiệm vụ của đơn vị trong kỳ', en: "An entity's assignments in a cycle" },
  auth: 'jwt',
  action: 'assignment:read',
  params: assignmentScope,
  query: pageQuery({
    unitId: z.optional(id).check(z.describe('One unit, soonest due first')),
  }),
  success: { status: 200, description: 'Assignments' },
}));

export const createAssignment = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments',
  fn: 'create-assignment',
  tag: 'assignments',
  summary: { vi: 'Giao nhiệm vụ cho phòng', en: 'Assign criteria to a unit' },
  auth: 'jwt',
  action: 'assignment:write',
  params: assignmentScope,
  body: strictOf(newAssignmentSchema),
  success: { status: 201, description: 'The new assignment' },
}));

export const updateAssignment = /* @__PURE__ */ defineRoute(() => ({
  method: 'PATCH',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments/{assignmentId}',
  fn: 'update-assignment',
  tag: 'assignments',
  summary: { vi: 'Sửa nhiệm vụ', en: 'Change an assignment' },
  auth: 'jwt',
  action: 'assignment:write',
  params: extendObject(assignmentScope, { assignmentId: id }),
  body: strictOf(assignmentUpdateSchema),
  success: { status: 200, description: 'The assignment at its new version' },
}));

export const importAssignments = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/assignment-imports',
  fn: 'import-assignments',
  tag: 'assignments',
  summary: { vi: 'Giao nhiệm vụ hàng loạt từ Excel', en: 'Bulk-assign from an Excel sheet' },
  auth: 'jwt',
  action: 'assignment:write',
  params: assignmentScope,
  body: z.strictObject({
    mode: z.enum(['preview', 'commit']),
    fileBase64: z
      .string()
      .check(z.minLength(1), z.maxLength(MAX_IMPORT_BODY_BYTES), z.regex(/^[A-Za-z0-9+/=\s]+$/, 'base64')),
  }),
  maxBodyBytes: MAX_IMPORT_BODY_BYTES,
  success: {
    status: 200,
    description: 'The plan (every problem with its row); on commit, what was written',
  },
}));

export const carryForwardAssignments = /* @__PURE__ */ defineRoute(() => ({
  method: 'POST',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/assignment-carry-forward',
  fn: 'carry-forward-assignments',
  tag: 'assignments',
  summary: {
    vi: 'Chuyển nhiệm vụ từ kỳ trước (theo ánh xạ phiên bản)',
    en: "Carry a previous cycle's assignments forward (through version mappings)",
  },
  auth: 'jwt',
  action: 'assignment:write',
  params: assignmentScope,
  body: z.strictObject({ fromCycleId: id, dryRun: z._default(z.boolean(), false) }),
  success: {
    status: 200,
    description: 'What was (or, on a dry run, would be) carried forward',
  },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const assignmentsRoutes = {
  listAssignments,
  createAssignment,
  updateAssignment,
  importAssignments,
  carryForwardAssignments,
};

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const assignmentsResponses = /* @__PURE__ */ droppable(() => ({
  listAssignments: page(assignmentSchema),
  createAssignment: assignmentSchema,
  updateAssignment: assignmentSchema,
  importAssignments: z.object({
    mode: z.enum(['preview', 'commit']),
    ok: z.boolean(),
    creates: z.array(
      z.extend(brief, { row: z.number(), title: z.string(), target: z.optional(z.unknown()) }),
    ),
    unchanged: z.array(z.object({ row: z.number(), assignmentId: z.string() })),
    warnings: z.array(rowIssue),
    problems: z.array(rowIssue),
  }),
  carryForwardAssignments: z.object({
    dryRun: z.boolean(),
    created: z.array(brief),
    droppedCriteria: z.array(
      z.object({
        assignmentId: z.string(),
        frameworkId: z.string(),
        code: z.string(),
        removedIn: z.optional(z.number()),
      }),
    ),
    skipped: z.array(z.object({ assignmentId: z.string(), reason: bilingual })),
    alreadyThere: z.array(z.string()),
  }),
}));
