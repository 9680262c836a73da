import { assignmentSheet } from '#adapters/xlsx/assignment-sheet.ts';
import { frameworkSheet } from '#adapters/xlsx/framework-sheet.ts';
import { httpHandler } from '#http/http-handler.ts';
import { frameworksRoutes } from '#http/routes/frameworks.ts';
import { downloadTemplate } from '#usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.downloadTemplate, ({ actor, params }) =>
  downloadTemplate({ frameworkSheet, assignmentSheet }, actor, params.kind),
);
