/** The reminder use cases' ports, built once per container from the environment. */

import { assignmentRepository } from '#adapters/dynamo/assignment-repository.ts';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { evidenceRepository } from '#adapters/dynamo/evidence-repository.ts';
import { frameworkRepository } from '#adapters/dynamo/framework-repository.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { outboxRepository } from '#adapters/dynamo/outbox-repository.ts';
import { providerRecordRepository } from '#adapters/dynamo/provider-record-repository.ts';
import { scoreRepository } from '#adapters/dynamo/score-repository.ts';
import { submissionRepository } from '#adapters/dynamo/submission-repository.ts';
import { userRepository } from '#adapters/dynamo/user-repository.ts';
import { localMailbox } from '#adapters/mail/local-mailbox.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';
import { sesMailer } from '#adapters/ses/mailer.ts';
import { readSecureParameter } from '#adapters/ssm/secure-parameter.ts';
import { webhookSender } from '#adapters/webhook/webhook-sender.ts';
import { reminderEnv } from '#config/reminder-env.ts';
import type { Mailer, WebhookSender } from '#ports.ts';
import type { ReminderDeps } from '#usecases/reminders.ts';

let secret: Promise<string> | undefined;

function webhook(): WebhookSender | undefined {
  const e = reminderEnv();
  if (!e.WEBHOOK_URL) return undefined;
  const load = async (): Promise<string> => {
    if (e.WEBHOOK_SECRET) return e.WEBHOOK_SECRET;
    if (!e.WEBHOOK_SECRET_PARAMETER) throw new Error('WEBHOOK_URL is set without WEBHOOK_SECRET(_PARAMETER)');
    return readSecureParameter(e.AWS_REGION, e.WEBHOOK_SECRET_PARAMETER);
  };
  return webhookSender({ url: e.WEBHOOK_URL, secret: () => (secret ??= load()) });
}

function mailer(): Mailer {
  const e = reminderEnv();
  return e.MAILER === 'ses'
    ? sesMailer({
        region: e.AWS_REGION,
        from: e.MAIL_FROM,
        replyTo: e.MAIL_REPLY_TO,
        configurationSet: e.SES_CONFIGURATION_SET,
      })
    : localMailbox(providerRecordRepository, e.MAIL_FROM);
}

export function reminderDeps(log?: (line: string) => void): ReminderDeps {
  const hook = webhook();
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
    providerRecords: providerRecordRepository,
    resendGraceMs: reminderEnv().REMINDER_RESEND_GRACE_MINUTES * 60_000,
    clock: systemClock,
    ids: ulidIds,
    appUrl: reminderEnv().APP_URL,
    webhookConfigured: hook !== undefined,
    mailer: mailer(),
    webhook: hook,
    log,
  };
}
