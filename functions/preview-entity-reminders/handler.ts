import { previewDeps } from '../../shared/composition/reminder-preview-deps.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { remindersRoutes } from '../../shared/http/routes/reminders.ts';
import { previewReminders } from '../../shared/usecases/reminders.ts';

export const handler = httpHandler(remindersRoutes.previewEntityReminders, ({ actor, params, query }) =>
  previewReminders(previewDeps(), actor, { ...query, ...params }),
);
