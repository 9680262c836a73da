import { Arn, ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { EventInvokeConfig, type IDestination } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventFunctions } from '#http/routes.ts';
import { AppFunction } from './app-function.ts';
import type { DataConstruct } from './data.ts';
import { failureQueue } from './failure-queue.ts';
import { scheduleFunction } from './function-schedule.ts';
import type { MailIdentity } from './mail-identity.ts';

export interface RemindersProps {
  data: DataConstruct;
  /** The variables every function gets (table, bucket, stage). */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  /** The sender and its SES identity (docs/deploy.md, "E-mail"). */
  mail: MailIdentity;
  /** Reply-To of every reminder: the stage's operator, not the unattended sending address. */
  replyTo: string;
  /** Base URL of the web app, for links in messages. */
  appUrl: string;
  /** Optional generic webhook: endpoint and the SSM SecureString parameter holding its HMAC secret. */
  webhook?: { url: string; secretParameterName: string };
}

/** The hourly schedule: the function sends for the cycles whose `sendAt` (default 08:00) has come today. */
export const REMINDER_SCHEDULE = { expression: 'cron(0 * * * ? *)', timeZone: 'Asia/Ho_Chi_Minh' } as const;
/** Scheduler's retry policy for a failed invocation (re-runs are safe: the outbox dedupes). */
export const REMINDER_RETRY = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 } as const;
/**
 * Lambda's own retries of an asynchronous invocation (the schedule and the SES events both invoke it so) before
 * the event goes to the on-failure destination. Re-runs and repeated events are idempotent.
 */
export const REMINDER_ASYNC = { retryAttempts: 2, maxEventAge: Duration.hours(1) } as const;
/**
 * The SES events the outbox reads. `SEND` (SES accepted the message) is the provider's record that settles a
 * send interrupted mid-way; the others update the message's status (docs/reminders.md).
 */
export const REMINDER_MAIL_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.REJECT,
  EmailSendingEvent.DELIVERY_DELAY,
] as const;
/** Their EventBridge detail types, as SES publishes them to the default bus. */
export const REMINDER_MAIL_DETAIL_TYPES = [
  'Email Sent',
  'Email Bounced',
  'Email Complaint Received',
  'Email Delivered',
  'Email Rejected',
  'Email Delivery Delayed',
] as const;
/** How long an interrupted e-mail waits for SES's record before it is resent (REMINDER_RESEND_GRACE_MINUTES). */
export const REMINDER_RESEND_GRACE_MINUTES = 15;

/**
 * Reminders (docs/reminders.md): EventBridge Scheduler (Asia/Ho_Chi_Minh, retry policy, encrypted TLS-only SQS
 * dead-letter queue) → the send-reminders function → SESv2 through a configuration set whose send, bounce,
 * complaint, delivery, reject and delay events go to EventBridge and back to the function. One hourly schedule serves every cycle: the
 * function handles the cycles whose own send time has come today, and the outbox makes every later run of
 * the day a no-op (or a retry of what failed).
 */
export class Reminders extends Construct {
  readonly fn: AppFunction;
  readonly schedule: CfnSchedule;
  readonly schedulerRole: Role;
  readonly deadLetterQueue: Queue;
  readonly configurationSet: ConfigurationSet;
  readonly mailEvents: Rule;
  readonly invokeConfig: EventInvokeConfig;

  constructor(scope: Construct, id: string, props: RemindersProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
    });
    // SES publishes to the default bus only.
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [...REMINDER_MAIL_EVENTS],
    });

    this.fn = new AppFunction(stack, 'SendReminders', {
      fn: eventFunctions.sendReminders.fn,
      description: 'Minh Chứng send-reminders (EventBridge Scheduler, hourly, Asia/Ho_Chi_Minh)',
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: {
        ...props.environment,
        MAILER: 'ses',
        MAIL_FROM: props.mail.mailFrom,
        MAIL_REPLY_TO: props.replyTo,
        SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
        APP_URL: props.appUrl,
        REMINDER_RESEND_GRACE_MINUTES: String(REMINDER_RESEND_GRACE_MINUTES),
        ...(props.webhook
          ? { WEBHOOK_URL: props.webhook.url, WEBHOOK_SECRET_PARAMETER: props.webhook.secretParameterName }
          : {}),
      },
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    props.data.grant(this.fn, 'readwrite');
    // SESv2 SendEmail is authorized on the sending identity and on the configuration set it names; with Raw
    // content (the mailer builds the MIME message) SES checks ses:SendRawEmail too, as CDK's own
    // EmailIdentity.grantSendEmail grants both.
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          props.mail.identityArn,
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
    if (props.webhook)
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ssm:GetParameter'],
          resources: [
            Arn.format(
              {
                service: 'ssm',
                resource: 'parameter',
                resourceName: props.webhook.secretParameterName.replace(/^\//, ''),
                arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
              },
              stack,
            ),
          ],
        }),
      );

    this.deadLetterQueue = failureQueue(
      this,
      'DeadLetterQueue',
      'dead-letter queue of the Scheduler target and of the SES-events rule, and on-failure destination of send-reminders’ asynchronous invocations',
    );
    const { role, schedule } = scheduleFunction(this, {
      id: 'Hourly',
      description:
        'Minh Chứng reminders: every hour in Asia/Ho_Chi_Minh; each cycle is sent at its own sendAt',
      invoking: 'send-reminders',
      fn: this.fn,
      expression: REMINDER_SCHEDULE.expression,
      timeZone: REMINDER_SCHEDULE.timeZone,
      retryPolicy: REMINDER_RETRY,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.schedulerRole = role;
    this.schedule = schedule;

    // Both sources invoke the function asynchronously: a target's DLQ only catches delivery failures, so the
    // function's own failures (after Lambda's retries) go to the same queue. Bound by ARN with exactly
    // SendMessage (CDK's SqsDestination would also grant GetQueueAttributes and GetQueueUrl).
    const onFailure: IDestination = { bind: () => ({ destination: this.deadLetterQueue.queueArn }) };
    this.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );
    this.invokeConfig = new EventInvokeConfig(this, 'AsyncInvoke', {
      function: this.fn,
      retryAttempts: REMINDER_ASYNC.retryAttempts,
      maxEventAge: REMINDER_ASYNC.maxEventAge,
      onFailure,
    });

    // SES events of our messages (matched by their tags) become the provider's record of each message and
    // update its outbox status: sent (accepted), delivered, bounced, complained, rejected, delayed.
    this.mailEvents = new Rule(this, 'MailEvents', {
      description: 'SES events of reminder e-mails → the provider record and the outbox status',
      // Only our configuration set's events: SES names it in every event's `mail.tags` (docs/reminders.md), so
      // other senders in the account never wake the function.
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...REMINDER_MAIL_DETAIL_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(this.fn, { retryAttempts: 2, deadLetterQueue: this.deadLetterQueue })],
    });
  }
}
