/** Read-only ports of the reminder previews (no mail or webhook client in these bundles). */

import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { outboxRepository } from '#adapters/dynamo/outbox-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { submissionRepository } from '#adapters/dynamo/submission-repository.ts';
import { userRepository } from '#adapters/dynamo/user-repository.ts';
import { systemClock } from '#adapters/runtime.ts';
import type { OutboxRepository } from '#ports.ts';
import type { ReminderDataDeps } from '#usecases/reminders.ts';

export function previewDeps(): ReminderDataDeps & { outbox: OutboxRepository } {
  return {
    cycles: cycleRepository,
    organizations: organizationRepository,
    frameworks: frameworkRepository,
    assignments: assignmentRepository,
    evidence: evidenceRepository,
    scores: scoreRepository,
    submissions: submissionRepository,
    users: userRepository,
    outbox: outboxRepository,
    clock: systemClock,
    // Without APP_URL (the API functions do not get it) links stay relative: the web app shows the preview.
    appUrl: process.env.APP_URL ?? '',
    // In AWS the previews get WEBHOOK_CONFIGURED, not the URL (which may itself be a credential); locally every
    // handler shares one environment, WEBHOOK_URL included.
    webhookConfigured: process.env.WEBHOOK_CONFIGURED === 'true' || Boolean(process.env.WEBHOOK_URL),
  };
}
