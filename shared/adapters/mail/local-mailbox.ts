import { randomUUID } from 'node:crypto';
import { DeliveryError } from '../../domain/outbox.ts';
import type { Mailer } from '../../ports.ts';

/**
 * Local stand-in for SES. The outbox record (DynamoDB Local) already holds subject, text and HTML, so the
 * local mailbox page (infra/local/mailbox.ts) reads it from there: this adapter only checks the message as
 * SES would and "accepts" it. `.invalid` addresses are refused, so failures can be tried out locally.
 */
export function localMailbox(): Mailer {
  return {
    async send(mail) {
      if (!/^[^@\s]+@[^@\s]+$/.test(mail.to))
        throw new DeliveryError(`MessageRejected: bad address ${mail.to}`, true);
      if (mail.to.endsWith('.invalid'))
        throw new DeliveryError(`MessageRejected: ${mail.to} does not exist`, true);
      return { providerMessageId: `local-${randomUUID()}` };
    },
  };
}
