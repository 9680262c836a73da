/**
 * TOTP as authenticator apps and Cognito compute it (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second
 * steps from the Unix epoch, 6 digits, secrets exchanged in base32 (RFC 4648, no padding). The local issuer
 * verifies codes with it; tests and the browser journeys compute codes with it. Local only: in AWS, Cognito
 * holds the secrets and checks the codes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Case, spaces, dashes and `=` padding are ignored (people type secrets in groups); any other character throws. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${JSON.stringify(ch)}`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226: the counter as 8 bytes big-endian, dynamic truncation, `digits` decimal digits. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

const stepAt = (atMs: number) => Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);

/** The code an authenticator app shows at `atMs` for this base32 secret. */
export function totp(secretBase32: string, atMs = Date.now(), digits = TOTP_DIGITS): string {
  return hotp(base32Decode(secretBase32), stepAt(atMs), digits);
}

/**
 * Whether `code` is the code of the current step or of one step either side (RFC 6238 §5.2: one step of
 * tolerance for clock drift and the time it takes to type).
 */
export function verifyTotp(secretBase32: string, code: string, atMs = Date.now(), window = 1): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const key = base32Decode(secretBase32);
  const now = stepAt(atMs);
  let ok = false;
  for (let step = now - window; step <= now + window; step++)
    ok = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code)) || ok;
  return ok;
}

/** 160 random bits (RFC 4226 recommends them), base32: 32 characters, as Cognito's secrets are. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));
