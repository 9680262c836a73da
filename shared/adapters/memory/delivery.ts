/** Outgoing messages and background work, kept in lists a test reads: mail, webhooks, export and copy jobs. */
import { mimeMessage, parseMailbox } from '#adapters/ses/mime.ts';
import { DeliveryError } from '#domain/outbox.ts';
import type {
  CarryCopyJob,
  CarryCopyRunner,
  Clock,
  ExportRunner,
  Mailer,
  OutgoingMail,
  ProviderRecordRepository,
  WebhookSender,
} from '#ports.ts';

export interface MemoryMailer extends Mailer {
  readonly sent: (OutgoingMail & { providerMessageId: string })[];
  /** The next sends throw these, in order (a provider refusing or down). */
  failNext(...errors: DeliveryError[]): void;
}

/**
 * Checks a message as SES would (the local mailbox's rules: a bad or `.invalid` address and a message SES could
 * not encode are permanent failures), keeps it, and notes the provider's Send event under its correlation tags.
 */
export function memoryMailer(clock: Clock, records?: ProviderRecordRepository): MemoryMailer {
  const sent: MemoryMailer['sent'] = [];
  const failures: DeliveryError[] = [];
  const sender = parseMailbox('Minh Chứng <nhac-viec@minhchung.local>');
  return {
    sent,
    failNext: (...errors) => void failures.push(...errors),
    async send(mail) {
      const failure = failures.shift();
      if (failure) throw failure;
      if (!/^[^@\s]+@[^@\s]+$/.test(mail.to))
        throw new DeliveryError(`MessageRejected: bad address ${mail.to}`, true);
      if (mail.to.endsWith('.invalid'))
        throw new DeliveryError(`MessageRejected: ${mail.to} does not exist`, true);
      try {
        mimeMessage({ ...mail, from: sender, to: { address: mail.to }, date: clock.now() });
      } catch (e) {
        throw new DeliveryError(`BadRequestException: ${(e as Error).message}`, true);
      }
      const providerMessageId = `memory-mail-${sent.length + 1}`;
      sent.push({ ...structuredClone(mail), providerMessageId });
      const { mc_date: date, mc_key: key } = mail.tags;
      if (records && date && key)
        await records.note(date, key, { type: 'Send', at: clock.now().toISOString(), providerMessageId });
      return { providerMessageId };
    },
  };
}

export interface MemoryWebhookSender extends WebhookSender {
  readonly sent: { body: string; idempotencyKey: string }[];
  failNext(...errors: DeliveryError[]): void;
}

/** Like a receiver that drops duplicates: the same idempotency key is one delivery with one provider id. */
export function memoryWebhookSender(): MemoryWebhookSender {
  const sent: MemoryWebhookSender['sent'] = [];
  const failures: DeliveryError[] = [];
  return {
    sent,
    failNext: (...errors) => void failures.push(...errors),
    async send(body, idempotencyKey) {
      const failure = failures.shift();
      if (failure) throw failure;
      if (!sent.some((s) => s.idempotencyKey === idempotencyKey)) sent.push({ body, idempotencyKey });
      return { providerMessageId: `200:${idempotencyKey}` };
    },
  };
}

/** Started jobs are only recorded: a test runs the worker itself when it wants to (`started`). */
export interface MemoryExportRunner extends ExportRunner {
  readonly started: string[];
}
export function memoryExportRunner(): MemoryExportRunner {
  const started: string[] = [];
  return { started, start: async (jobId) => void started.push(jobId) };
}

export interface MemoryCarryCopyRunner extends CarryCopyRunner {
  readonly started: CarryCopyJob[];
}
export function memoryCarryCopyRunner(): MemoryCarryCopyRunner {
  const started: CarryCopyJob[] = [];
  return { started, start: async (job) => void started.push(structuredClone(job)) };
}
