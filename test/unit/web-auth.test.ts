/** The web's copy of the pool's password policy agrees with the pool's (CDK) and the local issuer's. */
import { describe, expect, test } from 'vitest';
import { meetsPasswordPolicy } from '#web/auth/password.ts';

describe('password policy', () => {
  test.each([
    ['Sở-KHCN-2026-an-toàn', true],
    ['MinhChung@2026', true],
    ['Ngan@1a', false], // too short
    ['khongcochuhoa@2026', false],
    ['KHONGCOCHUTHUONG@2026', false],
    ['KhongCoChuSo@abc', false],
    ['KhongCoKyTu2026', false],
  ])('%s → %s', (pw, ok) => {
    expect(meetsPasswordPolicy(pw)).toBe(ok);
  });

  test('the CDK pool asks for the same rules', async () => {
    const { readFileSync } = await import('node:fs');
    const identity = readFileSync(new URL('../../infra/constructs/identity.ts', import.meta.url), 'utf8');
    const policy = /passwordPolicy: \{([^}]*)\}/.exec(identity)?.[1] ?? '';
    expect(policy).toMatch(/minLength: 12/);
    for (const rule of ['requireLowercase', 'requireUppercase', 'requireDigits', 'requireSymbols'])
      expect(policy).toMatch(new RegExp(`${rule}: true`));
  });
});
