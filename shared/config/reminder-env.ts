import * as z from 'zod/mini';
import { coercedNumber } from '#domain/zod-lean.ts';

/**
 * Configuration of the reminder channels (the reminder function and `npm run remind`), parsed once. Kept apart
 * from `env.ts` so the API functions neither need nor see it.
 */
const schema = z.object({
  STAGE: z._default(z.enum(['local', 'dev', 'prod']), 'local'),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-1'),
  /** `ses` in AWS; `local` stores mail for the local mailbox page (the outbox is the mailbox). */
  MAILER: z._default(z.enum(['ses', 'local']), 'local'),
  /** Sender, e.g. `Minh Chứng <nhac-viec@minhchung.example.vn>`; its domain is the verified SES identity. */
  MAIL_FROM: z._default(z.string().check(z.minLength(3)), 'Minh Chứng <nhac-viec@minhchung.local>'),
  /** Where replies to a reminder go (the stage's operator); none: to the sender. */
  MAIL_REPLY_TO: z.optional(z.email()),
  /** SES configuration set that routes bounces and complaints to EventBridge. */
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  /**
   * How long an interrupted e-mail waits for the provider's record before it is resent (docs/reminders.md,
   * "Interrupted sends"): long enough for SES events to arrive.
   */
  REMINDER_RESEND_GRACE_MINUTES: z._default(coercedNumber().check(z.int(), z.gte(1), z.lte(24 * 60)), 15),
  /** Base URL of the web app, for links in messages. */
  APP_URL: z._default(z.url(), 'http://localhost:5173'),
  /** Generic webhook (chat bridges): endpoint, and its HMAC secret (locally) or the SSM parameter holding it. */
  WEBHOOK_URL: z.optional(z.url()),
  WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(16))),
  WEBHOOK_SECRET_PARAMETER: z.optional(z.string().check(z.minLength(1))),
});
export type ReminderEnv = z.infer<typeof schema>;

let cached: ReminderEnv | undefined;

export function reminderEnv(): ReminderEnv {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new Error(`Reminder configuration is invalid: ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}
