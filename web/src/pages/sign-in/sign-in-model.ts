/** The sign-in card's steps and words: which step is shown, its heading and intro, and what a failure says. */
import type { NewPasswordRequired } from '../../auth/cognito.ts';
import type { CodeAttempt } from '../../auth/mfa-code.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** The step after the password, with what it needs (the password stays in memory for this step only). */
export type Pending =
  | { step: 'new-password'; email: string; temporary: string; challenge: NewPasswordRequired }
  | { step: 'mfa-code'; email: string; password: string; attempt: CodeAttempt }
  | { step: 'mfa-setup'; email: string; password: string; session: string };

export type Step = Pending['step'] | 'reset' | 'password';

export const stepOf = (pending: Pending | undefined, resetting: boolean): Step =>
  pending?.step ?? (resetting ? 'reset' : 'password');

export const HEADING: Record<Step, MessageKey> = {
  'new-password': 'signIn.newPassword.title',
  'mfa-code': 'mfa.code.title',
  'mfa-setup': 'mfa.setup.title',
  reset: 'signIn.reset.title',
  password: 'signIn.title',
};

export const INTRO: Record<Step, MessageKey> = {
  'new-password': 'signIn.newPassword.intro',
  'mfa-code': 'mfa.code.intro',
  'mfa-setup': 'mfa.setup.intro',
  reset: 'signIn.reset.intro',
  password: 'signIn.subtitle',
};

const ERROR_KEY = new Map<string, MessageKey>([
  ['invalid', 'signIn.invalid'],
  ['challenge', 'signIn.challenge'],
  ['network', 'signIn.network'],
  ['password-policy', 'signIn.newPassword.weak'],
  ['code-mismatch', 'mfa.code.wrong'],
]);

/** The message for an `AuthError` kind; undefined: say "unknown" with the error's own detail. */
export function errorKey(kind: string, step: Pending['step'] | undefined): MessageKey | undefined {
  if (kind === 'challenge-expired')
    return step === 'new-password' ? 'signIn.newPassword.expired' : 'mfa.code.expired';
  return ERROR_KEY.get(kind);
}

/** Why the user is on the sign-in page (`?reason=`), or the reset just done: the alert's type and text. */
export function reasonAlert(
  reason: string | null,
  resetDone: boolean,
): { type: 'warning' | 'error' | 'success' | 'info'; key: MessageKey } | undefined {
  if (reason === 'expired') return { type: 'warning', key: 'signIn.expired' };
  if (reason === 'access-changed') return { type: 'warning', key: 'signIn.accessChanged' };
  if (reason === 'disabled') return { type: 'error', key: 'signIn.disabled' };
  if (resetDone) return { type: 'success', key: 'signIn.reset.done' };
  if (reason === 'signed-out') return { type: 'info', key: 'signIn.signedOut' };
  return undefined;
}
