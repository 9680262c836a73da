import { previewDeps } from '#composition/reminder-preview-deps.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as remindersRoutes from '#http/routes/reminders.ts';
import { previewReminders } from '#usecases/reminders.ts';

export const handler = httpHandler(remindersRoutes.previewEntityReminders, ({ actor, params, query }) =>
  previewReminders(previewDeps(), actor, { ...query, ...params }),
);
