/**
 * The state of "Quên mật khẩu": the address the code went to (set once Cognito accepted it), whether a call is
 * running, and the last failure in words.
 */
import { useState } from 'react';
import { useServices } from '../../app/context.tsx';
import { AuthError, confirmForgotPassword, forgotPassword } from '../../auth/cognito.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { NewPasswordFields } from './NewPasswordForm.tsx';
import { resetErrorKey } from './reset-model.ts';

export function useForgotPassword(onDone: (email: string) => void) {
  const { t } = useI18n();
  const { config } = useServices();
  const [email, setEmail] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      const key = resetErrorKey(e instanceof AuthError ? e.kind : 'unknown');
      setError(key ? t(key) : t('signIn.unknown', { detail: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  /** Cognito e-mails a code (and answers the same for an unknown address). */
  const sendCode = ({ address }: { address: string }) =>
    run(async () => {
      await forgotPassword(config.auth, address);
      setEmail(address.trim());
    });

  const reset = ({ code, newPassword }: NewPasswordFields) =>
    run(async () => {
      if (!email) return;
      await confirmForgotPassword(config.auth, email, code ?? '', newPassword);
      onDone(email);
    });

  return { email, busy, error, sendCode, reset };
}
