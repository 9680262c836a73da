import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { assignmentSheetReader } from '#adapters/xlsx/assignment-sheet-read.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as assignmentsRoutes from '#http/routes/assignments.ts';
import { importAssignments } from '#usecases/assignments.ts';

const deps = {
  cycles: cycleRepository,
  frameworks: frameworkRepository,
  org: organizationRepository,
  assignments: assignmentRepository,
  sheets: assignmentSheetReader,
  clock: systemClock,
  ids: ulidIds,
};

export const handler = httpHandler(assignmentsRoutes.importAssignments, ({ actor, params, body }) =>
  importAssignments(deps, actor, params, { mode: body.mode, bytes: Buffer.from(body.fileBase64, 'base64') }),
);
