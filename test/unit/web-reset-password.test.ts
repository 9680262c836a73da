/** "Quên mật khẩu"'s words for a failure (web/src/pages/sign-in/reset-model.ts). */
import { describe, expect, it } from 'vitest';
import { resetErrorKey } from '#web/pages/sign-in/reset-model.ts';

describe('forgot password', () => {
  it('explains a wrong, expired or throttled code, a weak password and a network failure', () => {
    expect(resetErrorKey('code-mismatch')).toBe('signIn.reset.mismatch');
    expect(resetErrorKey('code-expired')).toBe('signIn.reset.expired');
    expect(resetErrorKey('limit')).toBe('signIn.reset.limit');
    expect(resetErrorKey('password-policy')).toBe('signIn.newPassword.weak');
    expect(resetErrorKey('network')).toBe('signIn.network');
  });

  it('leaves anything else to the "unknown" message with its own detail', () => {
    expect(resetErrorKey('unknown')).toBeUndefined();
    expect(resetErrorKey('invalid')).toBeUndefined();
  });
});
