import * as z from 'zod';
import { assignmentSchema, assignmentUpdateSchema, newAssignmentSchema } from '#domain/assignment.ts';
import { bilingual, id } from '#domain/common.ts';
import { MAX_IMPORT_BODY_BYTES } from '#http/headers.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

export const assignmentScope = z.object({ cycleId: id, entityId: id });

const rowIssue = z.object({ row: z.number().optional(), field: z.string(), message: bilingual });
const brief = assignmentSchema.pick({ assignmentId: true, unitId: true, criteria: true, dueDate: true });

export const assignmentsRoutes = defineRoutes({
  listAssignments: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments',
    fn: 'list-assignments',
    tag: 'assignments',
    summary: { vi: 'Nhiệm vụ của đơn vị trong kỳ', en: "An entity's assignments in a cycle" },
    auth: 'jwt',
    action: 'assignment:read',
    params: assignmentScope,
    query: paginationQuery.extend({ unitId: id.optional().describe('One unit, soonest due first') }),
    success: { status: 200, schema: page(assignmentSchema), description: 'Assignments' },
  },
  createAssignment: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments',
    fn: 'create-assignment',
    tag: 'assignments',
    summary: { vi: 'Giao nhiệm vụ cho phòng', en: 'Assign criteria to a unit' },
    auth: 'jwt',
    action: 'assignment:write',
    params: assignmentScope,
    body: newAssignmentSchema.strict(),
    success: { status: 201, schema: assignmentSchema, description: 'The new assignment' },
  },
  updateAssignment: {
    method: 'PATCH',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments/{assignmentId}',
    fn: 'update-assignment',
    tag: 'assignments',
    summary: { vi: 'Sửa nhiệm vụ', en: 'Change an assignment' },
    auth: 'jwt',
    action: 'assignment:write',
    params: assignmentScope.extend({ assignmentId: id }),
    body: assignmentUpdateSchema.strict(),
    success: { status: 200, schema: assignmentSchema, description: 'The assignment at its new version' },
  },
  importAssignments: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/assignment-imports',
    fn: 'import-assignments',
    tag: 'assignments',
    summary: { vi: 'Giao nhiệm vụ hàng loạt từ Excel', en: 'Bulk-assign from an Excel sheet' },
    auth: 'jwt',
    action: 'assignment:write',
    params: assignmentScope,
    body: z
      .object({
        mode: z.enum(['preview', 'commit']),
        fileBase64: z
          .string()
          .min(1)
          .max(MAX_IMPORT_BODY_BYTES)
          .regex(/^[A-Za-z0-9+/=\s]+$/, 'base64'),
      })
      .strict(),
    maxBodyBytes: MAX_IMPORT_BODY_BYTES,
    success: {
      status: 200,
      schema: z.object({
        mode: z.enum(['preview', 'commit']),
        ok: z.boolean(),
        creates: z.array(
          brief.extend({ row: z.number(), title: z.string(), target: z.unknown().optional() }),
        ),
        unchanged: z.array(z.object({ row: z.number(), assignmentId: z.string() })),
        warnings: z.array(rowIssue),
        problems: z.array(rowIssue),
      }),
      description: 'The plan (every problem with its row); on commit, what was written',
    },
  },
  carryForwardAssignments: {
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
    body: z.object({ fromCycleId: id, dryRun: z.boolean().default(false) }).strict(),
    success: {
      status: 200,
      schema: z.object({
        dryRun: z.boolean(),
        created: z.array(brief),
        droppedCriteria: z.array(
          z.object({
            assignmentId: z.string(),
            frameworkId: z.string(),
            code: z.string(),
            removedIn: z.number().optional(),
          }),
        ),
        skipped: z.array(z.object({ assignmentId: z.string(), reason: bilingual })),
        alreadyThere: z.array(z.string()),
      }),
      description: 'What was (or, on a dry run, would be) carried forward',
    },
  },
});
