/**
 * The authenticator side of TOTP (RFC 6238: HMAC-SHA-1, 30 s, 6 digits) for the browser: the `otpauth://`
 * URI the enrolment QR code carries, the secret grouped for typing by hand, and — on the local stack only —
 * the demo admin's current code (WebCrypto; Cognito never sends secrets of enrolled users to the browser).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Bytes(secret: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of secret.toUpperCase().replace(/[\s=-]/g, '')) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base32');
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** The 6-digit code an authenticator app shows at `atMs` for this base32 secret. */
export async function totpCode(secret: string, atMs = Date.now()): Promise<string> {
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(atMs / 1000 / 30)));
  const key = await crypto.subtle.importKey(
    'raw',
    base32Bytes(secret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new DataView(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const offset = mac.getUint8(mac.byteLength - 1) & 0x0f;
  return String((mac.getUint32(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * Key URI format read by Google Authenticator, Microsoft Authenticator and the others: `issuer:account` as
 * the label and `issuer=` again as a parameter, so the app lists the entry under the product's name.
 */
export function otpauthUri(p: { issuer: string; account: string; secret: string }): string {
  const issuer = encodeURIComponent(p.issuer);
  return `otpauth://totp/${issuer}:${encodeURIComponent(p.account)}?secret=${p.secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`;
}

/** `ABCDEFGH…` → `ABCD EFGH …`: easier to read out and type into an app by hand. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Whatever the user typed or pasted (`123 456`, `123-456`) as the six digits Cognito expects, or undefined. */
export function cleanCode(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

/** What the authenticator app lists the entry as: the product, and the stage outside production. */
export const issuerLabel = (stage: string): string =>
  stage === 'prod' ? 'Minh Chứng' : `Minh Chứng (${stage})`;
