/** The reminder use cases' ports, built once per container from the environment. */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { reminderEnv } from '../config/reminder-env.ts';
import type { Mailer, WebhookSender } from '../ports.ts';
import type { ReminderDeps } from '../usecases/reminders.ts';
import { assignmentRepository } from './dynamo/assignment-repository.ts';
import { cycleRepository } from './dynamo/cycle-repository.ts';
import { evidenceRepository } from './dynamo/evidence-repository.ts';
import { frameworkRepository } from './dynamo/framework-repository.ts';
import { organizationRepository } from './dynamo/organization-repository.ts';
import { outboxRepository } from './dynamo/outbox-repository.ts';
import { providerRecordRepository } from './dynamo/provider-record-repository.ts';
import { scoreRepository } from './dynamo/score-repository.ts';
import { submissionRepository } from './dynamo/submission-repository.ts';
import { userRepository } from './dynamo/user-repository.ts';
import { localMailbox } from './mail/local-mailbox.ts';
import { systemClock, ulidIds } from './runtime.ts';
import { sesMailer } from './ses/mailer.ts';
import { webhookSender } from './webhook/webhook-sender.ts';

let secret: Promise<string> | undefined;

function webhook(): WebhookSender | undefined {
  const e = reminderEnv();
  if (!e.WEBHOOK_URL) return undefined;
  const load = async (): Promise<string> => {
    if (e.WEBHOOK_SECRET) return e.WEBHOOK_SECRET;
    if (!e.WEBHOOK_SECRET_PARAMETER) throw new Error('WEBHOOK_URL is set without WEBHOOK_SECRET(_PARAMETER)');
    const res = await new SSMClient({ region: e.AWS_REGION }).send(
      new GetParameterCommand({ Name: e.WEBHOOK_SECRET_PARAMETER, WithDecryption: true }),
    );
    return res.Parameter?.Value ?? '';
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
