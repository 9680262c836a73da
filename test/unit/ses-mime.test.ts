/**
 * What SES receives for a reminder: 7-bit ASCII headers with RFC 2047 encoded-words, read back by a real MIME
 * parser (mailparser) into the Vietnamese sender name, subject and bodies.
 */
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { localMailbox } from '#adapters/mail/local-mailbox.ts';
import { sendEmailInput } from '#adapters/ses/mailer.ts';
import { encodedWords, formatMailbox, mimeMessage, parseMailbox, textHeader } from '#adapters/ses/mime.ts';
import { DeliveryError } from '#domain/outbox.ts';

const FROM = parseMailbox('Minh Chứng <nhac-viec@minhchung.example.vn>');
const mail = {
  to: 'chuyen.vien@so-khcn.ninhthuan.gov.vn',
  subject: 'Nhắc việc: còn 3 ngày — Phòng Quản lý khoa học thiếu 2 tài liệu kiểm chứng cho tiêu chí 1.1.2',
  text: 'Kính gửi anh/chị,\nCòn thiếu: Kế hoạch cải cách hành chính năm 2023 (Quyết định số 12/QĐ-SKHCN).',
  html: '<p>Kính gửi anh/chị,</p><p>Còn thiếu: <b>Kế hoạch cải cách hành chính năm 2023</b>.</p>',
  tags: { mc_date: '2023-11-16', mc_key: 'unit_abc' },
};
const raw = (input: ReturnType<typeof sendEmailInput>) =>
  Buffer.from(input.Content.Raw.Data).toString('latin1');
const headerBlock = (message: string) => message.slice(0, message.indexOf('\r\n\r\n'));

describe('the SES message', () => {
  it('is read back by a MIME parser: Vietnamese sender name, subject, text and HTML', async () => {
    const input = sendEmailInput(
      {
        from: FROM,
        replyTo: { address: 'van-hanh@minhchung.example.vn' },
        configurationSet: 'minhchung-prod',
      },
      mail,
      new Date('2023-11-16T01:00:00Z'),
    );
    const parsed = await simpleParser(Buffer.from(input.Content.Raw.Data));
    expect(parsed.from?.value).toEqual([{ name: 'Minh Chứng', address: 'nhac-viec@minhchung.example.vn' }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: '', address: mail.to }]);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text?.trim()).toBe(mail.text);
    expect(parsed.html).toContain('<b>Kế hoạch cải cách hành chính năm 2023</b>');
    expect(parsed.date?.toISOString()).toBe('2023-11-16T01:00:00.000Z');
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'van-hanh@minhchung.example.vn' }]);
    expect(input.ConfigurationSetName).toBe('minhchung-prod');
    expect(input.EmailTags).toEqual([
      { Name: 'mc_date', Value: '2023-11-16' },
      { Name: 'mc_key', Value: 'unit_abc' },
    ]);
  });

  it('is 7-bit ASCII with header lines of at most 76 characters (RFC 2047 §2) and no raw UTF-8 anywhere', () => {
    const message = raw(sendEmailInput({ from: FROM }, mail));
    expect([...message].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    for (const line of headerBlock(message).split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    for (const line of message.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(headerBlock(message)).toMatch(
      /^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <nhac-viec@minhchung\.example\.vn>$/m,
    );
    expect(headerBlock(message)).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  });

  it('gives SES an ASCII FromEmailAddress whose encoded name a parser reads back', async () => {
    const input = sendEmailInput({ from: FROM }, mail);
    expect(input.FromEmailAddress).toMatch(/^[\x20-\x7e]+$/);
    expect(input.FromEmailAddress).toBe('=?UTF-8?B?TWluaCBDaOG7qW5n?= <nhac-viec@minhchung.example.vn>');
    const parsed = await simpleParser(`From: ${input.FromEmailAddress}\r\n\r\n`);
    expect(parsed.from?.value[0]?.name).toBe('Minh Chứng');
    expect(input.Destination.ToAddresses).toEqual([mail.to]);
  });

  it('folds a long display name into several encoded-words of at most 75 characters', async () => {
    const name =
      'Minh Chứng — Sở Khoa học và Công nghệ tỉnh Ninh Thuận, Phòng Quản lý Công nghệ và Thông tin';
    const message = mimeMessage({
      from: { name, address: 'nhac-viec@minhchung.example.vn' },
      to: { name: 'Nguyễn Thị Hồng Nhung', address: 'nhung@example.vn' },
      subject: 'x',
      text: 't',
      html: '<p>h</p>',
      date: new Date(),
    });
    const words = headerBlock(message).match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? [];
    expect(words.length).toBeGreaterThan(3);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    for (const line of headerBlock(message).split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    const parsed = await simpleParser(message);
    expect(parsed.from?.value[0]).toEqual({ name, address: 'nhac-viec@minhchung.example.vn' });
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]?.name).toBe('Nguyễn Thị Hồng Nhung');
  });

  it('keeps ASCII names readable, quotes specials, puts a Unicode domain in Punycode', () => {
    expect(formatMailbox({ name: 'Minh Chung', address: 'a@b.vn' })).toBe('Minh Chung <a@b.vn>');
    expect(formatMailbox({ name: 'Minh Chung, So KH&CN', address: 'a@b.vn' })).toBe(
      '"Minh Chung, So KH&CN" <a@b.vn>',
    );
    expect(formatMailbox({ address: 'nhac-viec@münchen.de' })).toBe('nhac-viec@xn--mnchen-3ya.de');
    expect(textHeader('Subject', 'Reminder: 3 days left')).toBe('Subject: Reminder: 3 days left');
    // `=?` in plain text would read as an encoded-word: it is encoded instead.
    expect(textHeader('Subject', 'a =?b?= c')).toMatch(/^Subject: =\?UTF-8\?B\?/);
  });

  it('refuses what SES cannot send: a recipient whose local part is not ASCII is a permanent failure', () => {
    let error: unknown;
    try {
      sendEmailInput({ from: FROM }, { ...mail, to: 'nguyễn@example.vn' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).permanent).toBe(true);
    expect(() => parseMailbox('Minh Chứng <không-phải-địa-chỉ>')).toThrow(/not an e-mail address/);
  });

  it('is refused locally as in AWS: the local mailbox builds the same message', async () => {
    const local = localMailbox(undefined, 'Minh Chứng <nhac-viec@minhchung.local>');
    await expect(local.send(mail)).resolves.toMatchObject({
      providerMessageId: expect.stringMatching(/^local-/),
    });
    const refused = await local.send({ ...mail, to: 'nguyễn@example.vn' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeliveryError);
    expect((refused as DeliveryError).permanent).toBe(true);
  });

  it('cuts encoded-words only between characters, and they join back to the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.integer({ min: 20, max: 75 }),
        (s, first) => {
          const words = encodedWords(s, first);
          expect(words[0]!.length).toBeLessThanOrEqual(first);
          let joined = '';
          for (const w of words) {
            expect(w.length).toBeLessThanOrEqual(75);
            const bytes = Buffer.from(w.slice(10, -2), 'base64');
            const text = bytes.toString('utf8');
            // Each word on its own is whole UTF-8 (no character split across two words).
            expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
            joined += text;
          }
          expect(joined).toBe(s);
        },
      ),
    );
  });
});
