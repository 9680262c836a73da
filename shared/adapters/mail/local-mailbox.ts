import { randomUUID } from 'node:crypto';
import { mimeMessage, parseMailbox } from '#adapters/ses/mime.ts';
import { DeliveryError } from '#domain/outbox.ts';
import type { Mailer, ProviderRecordRepository } from '#ports.ts';

/**
 * Local stand-in for SES. The outbox record (DynamoDB Local) already holds subject, text and HTML, so the
 * local mailbox page (infra/local/mailbox.ts) reads it from there: this adapter checks the message as SES
 * would, "accepts" it and, like SES's Send event in AWS, writes the provider's record of it under its
 * correlation tags — what the next run asks when a send was interrupted (docs/reminders.md). `.invalid`
 * addresses are refused, so failures can be tried out locally. The message is built as the SES mailer builds it
 * (`mimeMessage`), so what SES would refuse — a recipient whose part before @ is not ASCII — fails here too.
 */
export function localMailbox(
  records?: ProviderRecordRepository,
  from = 'Minh Chứng <nhac-viec@minhchung.local>',
): Mailer {
  const sender = parseMailbox(from);
  return {
    async send(mail) {
      if (!/^[^@\s]+@[^@\s]+$/.test(mail.to))
        throw new DeliveryError(`MessageRejected: bad address ${mail.to}`, true);
      if (mail.to.endsWith('.invalid'))
        throw new DeliveryError(`MessageRejected: ${mail.to} does not exist`, true);
      try {
        mimeMessage({ ...mail, from: sender, to: { address: mail.to }, date: new Date() });
      } catch (e) {
        throw new DeliveryError(`BadRequestException: ${(e as Error).message}`, true);
      }
      const providerMessageId = `local-${randomUUID()}`;
      const { mc_date: date, mc_key: key } = mail.tags;
      if (records && date && key)
        await records.note(date, key, { type: 'Send', at: new Date().toISOString(), providerMessageId });
      return { providerMessageId };
    },
  };
}
