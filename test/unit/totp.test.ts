/** TOTP as the local issuer checks it and as the web app shows the demo code: RFC 6238's own test vectors. */
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, totp, verifyTotp } from '#infra/local/totp.ts';
import { groupSecret, otpauthUri, totpCode } from '#web/auth/totp.ts';

// RFC 6238 Appendix B, SHA-1: the seed is the ASCII "12345678901234567890"; the RFC's codes have 8 digits,
// the last 6 are what a 6-digit authenticator shows (dynamic truncation is the same, only the modulus differs).
const SEED = Buffer.from('12345678901234567890', 'ascii');
const SECRET = base32Encode(SEED);
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1, 30 s)', () => {
  it('base32 round-trips, ignores case, spaces and padding, refuses other characters', () => {
    expect(SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(SEED);
    expect(base32Decode('MZXW6===')).toEqual(Buffer.from('foo'));
    expect(() => base32Decode('GEZD1')).toThrow(/base32/);
  });

  it.each(VECTORS)('at %i s the 8-digit code is %s, the 6-digit one its last six', (t, code) => {
    expect(totp(SECRET, t * 1000, 8)).toBe(code);
    expect(totp(SECRET, t * 1000)).toBe(code.slice(2));
  });

  it('RFC 4226 Appendix D HOTP values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
    ];
    expect(expected.map((_, i) => hotp(SEED, i))).toEqual(expected);
  });

  it('accepts the current step and one either side, nothing further, nothing malformed', () => {
    const t = 1234567890 * 1000;
    expect(verifyTotp(SECRET, totp(SECRET, t), t)).toBe(true);
    expect(verifyTotp(SECRET, totp(SECRET, t - 30_000), t)).toBe(true);
    expect(verifyTotp(SECRET, totp(SECRET, t + 30_000), t)).toBe(true);
    expect(verifyTotp(SECRET, totp(SECRET, t - 60_000), t)).toBe(false);
    expect(verifyTotp(SECRET, totp(SECRET, t + 60_000), t)).toBe(false);
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 005924'])
      expect(verifyTotp(SECRET, bad, t)).toBe(false);
  });

  it('new secrets are 160 bits in 32 base32 characters, all different', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });
});

describe('the web app computes the same codes (WebCrypto) and shows the secret for manual entry', () => {
  it.each(VECTORS)('at %i s → %s', async (t, code) => {
    expect(await totpCode(SECRET, t * 1000)).toBe(code.slice(2));
  });

  it('otpauth:// URI with the issuer as label prefix and parameter; the secret in groups of four', () => {
    const uri = otpauthUri({ issuer: 'Minh Chứng', account: 'admin@so.gov.vn', secret: SECRET });
    expect(uri).toBe(
      'otpauth://totp/Minh%20Ch%E1%BB%A9ng:admin%40so.gov.vn?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Minh%20Ch%E1%BB%A9ng&algorithm=SHA1&digits=6&period=30',
    );
    expect(groupSecret(SECRET)).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  });
});
