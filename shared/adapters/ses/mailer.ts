import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeliveryError } from '../../domain/outbox.ts';
import type { Mailer } from '../../ports.ts';
import { clientOptions } from '../client-profile.ts';

let client: SESv2Client | undefined;
const ses = (region: string) => {
  client ??= new SESv2Client({ region, ...clientOptions('request') });
  return client;
};

/** SES errors that a retry cannot fix: the address, the sender or the account is refused. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
]);

/** E-mail through SESv2: HTML + text, UTF-8, the configuration set that reports bounces and complaints. */
export function sesMailer(opts: { region: string; from: string; configurationSet?: string }): Mailer {
  return {
    async send(mail) {
      try {
        const res = await ses(opts.region).send(
          new SendEmailCommand({
            FromEmailAddress: opts.from,
            Destination: { ToAddresses: [mail.to] },
            Content: {
              Simple: {
                Subject: { Data: mail.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: mail.text, Charset: 'UTF-8' },
                  Html: { Data: mail.html, Charset: 'UTF-8' },
                },
              },
            },
            ConfigurationSetName: opts.configurationSet,
            EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })),
          }),
        );
        return { providerMessageId: res.MessageId ?? '' };
      } catch (e) {
        const name = (e as { name?: string }).name ?? 'Error';
        throw new DeliveryError(`${name}: ${(e as Error).message}`, PERMANENT.has(name));
      }
    },
  };
}
