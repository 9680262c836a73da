/** "Quên mật khẩu"'s words for a failure of Cognito's ForgotPassword / ConfirmForgotPassword. */
import type { MessageKey } from '../../i18n/messages.ts';

const RESET_ERROR_KEY = new Map<string, MessageKey>([
  ['code-mismatch', 'signIn.reset.mismatch'],
  ['code-expired', 'signIn.reset.expired'],
  ['limit', 'signIn.reset.limit'],
  ['password-policy', 'signIn.newPassword.weak'],
  ['network', 'signIn.network'],
]);

/** The message for an `AuthError` kind; undefined: say "unknown" with the error's own detail. */
export const resetErrorKey = (kind: string): MessageKey | undefined => RESET_ERROR_KEY.get(kind);
