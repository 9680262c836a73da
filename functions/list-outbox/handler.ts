import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { outboxRepository } from '#adapters/dynamo/outbox-repository.ts';
import { systemClock } from '#adapters/runtime.ts';
import { httpHandler } from '#http/http-handler.ts';
import * as remindersRoutes from '#http/routes/reminders.ts';
import { listOutbox } from '#usecases/reminders.ts';

const deps = { outbox: outboxRepository, clock: systemClock, org: organizationRepository };

export const handler = httpHandler(remindersRoutes.listOutbox, ({ actor, query }) =>
  listOutbox(deps, actor, query),
);
