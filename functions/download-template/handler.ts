import { assignmentSheet } from '../../shared/adapters/xlsx/assignment-sheet.ts';
import { frameworkSheet } from '../../shared/adapters/xlsx/framework-sheet.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { frameworksRoutes } from '../../shared/http/routes/frameworks.ts';
import { downloadTemplate } from '../../shared/usecases/frameworks.ts';

export const handler = httpHandler(frameworksRoutes.downloadTemplate, ({ actor, params }) =>
  downloadTemplate({ frameworkSheet, assignmentSheet }, actor, params.kind),
);
