import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { clientOptions } from '#adapters/client-profile.ts';
import { DeliveryError } from '#domain/outbox.ts';
import type { Mailer, OutgoingMail } from '#ports.ts';
import { formatMailbox, type Mailbox, mimeMessage, parseMailbox } from './mime.ts';

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

/**
 * The SendEmail request for one message: Raw content built by `mimeMessage` (every header RFC 2047-encoded where
 * it is not ASCII), the encoded sender as FromEmailAddress, the configuration set that reports the message's
 * events, and its tags. A recipient SES could not take (non-ASCII local part) is a permanent failure.
 */
export function sendEmailInput(
  sender: { from: Mailbox; replyTo?: Mailbox; configurationSet?: string },
  mail: OutgoingMail,
  now: Date = new Date(),
) {
  const { from, replyTo, configurationSet } = sender;
  let raw: string;
  try {
    raw = mimeMessage({
      from,
      to: { address: mail.to },
      replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      date: now,
    });
  } catch (e) {
    throw new DeliveryError(`BadRequestException: ${(e as Error).message}`, true);
  }
  return {
    FromEmailAddress: formatMailbox(from),
    Destination: { ToAddresses: [mail.to] },
    Content: { Raw: { Data: new TextEncoder().encode(raw) } },
    ConfigurationSetName: configurationSet,
    EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })),
  };
}

/** E-mail through SESv2: HTML + text, UTF-8, the configuration set that reports bounces and complaints. */
export function sesMailer(opts: {
  region: string;
  from: string;
  replyTo?: string;
  configurationSet?: string;
}): Mailer {
  // A sender SES cannot take fails here, when the function starts, not once per message.
  const sender = {
    from: parseMailbox(opts.from),
    replyTo: opts.replyTo ? parseMailbox(opts.replyTo) : undefined,
    configurationSet: opts.configurationSet,
  };
  formatMailbox(sender.from);
  return {
    async send(mail) {
      const input = sendEmailInput(sender, mail);
      try {
        const res = await ses(opts.region).send(new SendEmailCommand(input));
        return { providerMessageId: res.MessageId ?? '' };
      } catch (e) {
        const name = (e as { name?: string }).name ?? 'Error';
        throw new DeliveryError(`${name}: ${(e as Error).message}`, PERMANENT.has(name));
      }
    },
  };
}
