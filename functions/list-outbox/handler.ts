import { organizationRepository } from '../../shared/adapters/dynamo/organization-repository.ts';
import { outboxRepository } from '../../shared/adapters/dynamo/outbox-repository.ts';
import { systemClock } from '../../shared/adapters/runtime.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { remindersRoutes } from '../../shared/http/routes/reminders.ts';
import { listOutbox } from '../../shared/usecases/reminders.ts';

const deps = { outbox: outboxRepository, clock: systemClock, org: organizationRepository };

export const handler = httpHandler(remindersRoutes.listOutbox, ({ actor, query }) =>
  listOutbox(deps, actor, query),
);
