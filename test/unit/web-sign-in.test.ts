/** The sign-in card's words (web/src/pages/sign-in/sign-in-model.ts): step, heading, failure and reason. */
import { describe, expect, it } from 'vitest';
import { errorKey, HEADING, INTRO, reasonAlert, stepOf } from '#web/pages/sign-in/sign-in-model.ts';

describe('sign-in card', () => {
  it('shows the pending challenge first, then the reset, else the password step', () => {
    expect(stepOf(undefined, false)).toBe('password');
    expect(stepOf(undefined, true)).toBe('reset');
    const pending = { step: 'mfa-setup' as const, email: 'a@b.vn', password: 'x', session: 's' };
    expect(stepOf(pending, true)).toBe('mfa-setup');
    expect(HEADING.password).toBe('signIn.title');
    expect(INTRO.password).toBe('signIn.subtitle');
  });

  it('explains each failure; an expired challenge by the step it expired in; anything else is unknown', () => {
    expect(errorKey('invalid', undefined)).toBe('signIn.invalid');
    expect(errorKey('code-mismatch', 'mfa-code')).toBe('mfa.code.wrong');
    expect(errorKey('challenge-expired', 'new-password')).toBe('signIn.newPassword.expired');
    expect(errorKey('challenge-expired', 'mfa-code')).toBe('mfa.code.expired');
    expect(errorKey('unknown', undefined)).toBeUndefined();
    expect(errorKey('toString', undefined)).toBeUndefined();
  });

  it('says why the user is here: the reason first, then a reset just done', () => {
    expect(reasonAlert('expired', true)).toEqual({ type: 'warning', key: 'signIn.expired' });
    expect(reasonAlert('disabled', false)).toEqual({ type: 'error', key: 'signIn.disabled' });
    expect(reasonAlert('signed-out', true)).toEqual({ type: 'success', key: 'signIn.reset.done' });
    expect(reasonAlert('signed-out', false)).toEqual({ type: 'info', key: 'signIn.signedOut' });
    expect(reasonAlert(null, false)).toBeUndefined();
  });
});
