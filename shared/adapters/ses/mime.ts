/**
 * The e-mail as bytes on the wire (RFC 5322 + MIME), built here rather than by SES so that every header is ours to
 * encode and a test can read the message back with a real parser. SES accepts only 7-bit ASCII in addresses and
 * headers: a display name or subject with other characters goes as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), each
 * at most 75 characters, on header lines of at most 76 (RFC 2047 §2); a domain goes as Punycode; a local part
 * must already be ASCII (docs/reminders.md, "The e-mail itself").
 */
import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';

export interface Mailbox {
  name?: string;
  address: string;
}

const LINE = 76;
const WORD = { prefix: '=?UTF-8?B?', suffix: '?=' } as const;
const WORD_MAX = 75;
/** Printable ASCII without `=?` (which would read as the start of an encoded-word). */
const PLAIN = /^[\x20-\x7e]*$/;
/** An RFC 5322 phrase of atoms: needs neither quoting nor encoding. */
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?: [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

const isPlain = (s: string) => PLAIN.test(s) && !s.includes('=?');

/** `Name <local@domain>` or a bare address, as people write it in configuration. */
export function parseMailbox(value: string): Mailbox {
  const m = /^\s*(.*?)\s*<\s*([^<>\s]+)\s*>\s*$/.exec(value);
  const name = m?.[1]?.replace(/^"(.*)"$/, '$1').trim();
  const address = (m?.[2] ?? value).trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new Error(`not an e-mail address: ${JSON.stringify(value)}`);
  return name ? { name, address } : { address };
}

/** The address with its domain in Punycode; a local part outside ASCII cannot be sent (no SMTPUTF8 at SES). */
export function asciiAddress(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = domainToASCII(address.slice(at + 1));
  if (at < 1 || !PLAIN.test(local) || !domain)
    throw new Error(`${JSON.stringify(address)}: the part before @ must be ASCII and the domain valid`);
  return `${local}@${domain}`;
}

/**
 * `text` as encoded-words: UTF-8 cut only between characters, the first word no longer than `first` characters
 * (what is left on the header's first line), the others at most 75.
 */
export function encodedWords(text: string, first = WORD_MAX): string[] {
  const bytesFor = (room: number) =>
    Math.floor((Math.min(room, WORD_MAX) - WORD.prefix.length - WORD.suffix.length) / 4) * 3;
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  let limit = bytesFor(first);
  const flush = () => {
    words.push(`${WORD.prefix}${Buffer.concat(chunk).toString('base64')}${WORD.suffix}`);
    chunk = [];
    size = 0;
    limit = bytesFor(WORD_MAX);
  };
  for (const ch of text) {
    const bytes = Buffer.from(ch, 'utf8');
    if (size + bytes.length > limit && size > 0) flush();
    chunk.push(bytes);
    size += bytes.length;
  }
  if (size > 0 || words.length === 0) flush();
  return words;
}

/** A display name as one line (SES's FromEmailAddress): atoms as they are, other ASCII quoted, the rest encoded. */
export function displayName(name: string): string {
  return phrase(name).join(' ');
}

function phrase(name: string): string[] {
  if (ATOMS.test(name)) return [name];
  if (isPlain(name)) return [`"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`];
  return encodedWords(name);
}

/** `=?UTF-8?B?…?= <local@domain>` (or the bare address): 7-bit ASCII, what SES takes as FromEmailAddress. */
export function formatMailbox(mailbox: Mailbox): string {
  const address = asciiAddress(mailbox.address);
  return mailbox.name ? `${displayName(mailbox.name)} <${address}>` : address;
}

/** Joins tokens after `Name:` with folding white space so that no line passes 76 characters. */
function fold(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > LINE && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** An unstructured header (Subject): as it is when short plain ASCII, else encoded-words fitted to the lines. */
export function textHeader(name: string, value: string): string {
  if (isPlain(value) && name.length + 2 + value.length <= LINE) return `${name}: ${value}`;
  return fold(name, encodedWords(value, LINE - name.length - 2));
}

/** An address header (From, To): the display name as a phrase or encoded-words, then `<address>`. */
export function mailboxHeader(name: string, mailbox: Mailbox): string {
  const address = `<${asciiAddress(mailbox.address)}>`;
  if (!mailbox.name) return fold(name, [address]);
  const words = ATOMS.test(mailbox.name) || isPlain(mailbox.name) ? phrase(mailbox.name) : null;
  return fold(name, [...(words ?? encodedWords(mailbox.name, LINE - name.length - 2)), address]);
}

/** Base64 in lines of 76 (RFC 2045 §6.8). */
function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** RFC 5322 date-time, e.g. `Tue, 14 Nov 2023 01:00:00 +0000`. */
const rfc5322Date = (d: Date) => d.toUTCString().replace(/GMT$/, '+0000');

export interface MessageParts {
  from: Mailbox;
  to: Mailbox;
  replyTo?: Mailbox;
  subject: string;
  text: string;
  html: string;
  date: Date;
}

/**
 * The whole message: headers in ASCII, then multipart/alternative with the text and the HTML version, each
 * UTF-8 in base64 (no line of the body passes 76 characters whatever the content). SES sets its own Message-ID.
 */
export function mimeMessage(parts: MessageParts): string {
  // `=_` never occurs in base64, so the boundary cannot collide with a part's content.
  const boundary = `=_mc_${randomBytes(10).toString('hex')}`;
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join('\r\n');
  return [
    mailboxHeader('From', parts.from),
    mailboxHeader('To', parts.to),
    ...(parts.replyTo ? [mailboxHeader('Reply-To', parts.replyTo)] : []),
    textHeader('Subject', parts.subject),
    `Date: ${rfc5322Date(parts.date)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    part('text/plain', parts.text),
    part('text/html', parts.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
