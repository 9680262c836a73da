import { assignmentSheetWriter } from '#adapters/xlsx/assignment-sheet-write.ts';
import { frameworkSheetWriter } from '#adapters/xlsx/framework-sheet-write.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as frameworksRoutes from '#http/routes/frameworks.ts';
import { downloadTemplate } from '#usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.downloadTemplate, ({ actor, params }) =>
  downloadTemplate(
    { frameworkSheet: frameworkSheetWriter, assignmentSheet: assignmentSheetWriter },
    actor,
    params.kind,
  ),
);
