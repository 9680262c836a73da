/**
 * The state of enrolling an authenticator: the secret Cognito gave (undefined while it is asked), whether the
 * first code is being checked, and the last failure in words. A restarted setup asks for a new secret.
 */
import { useCallback, useEffect, useState } from 'react';
import { AuthError } from '../../auth/cognito.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function useTotpEnrolment({
  start,
  confirm,
  explain,
}: {
  start(): Promise<string>;
  confirm(code: string): Promise<void>;
  explain(e: unknown): string;
}) {
  const { t } = useI18n();
  const [secret, setSecret] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setSecret(undefined);
    try {
      setSecret(await start());
    } catch (e) {
      setError(explain(e));
    }
  }, [start, explain]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      await confirm(code);
    } catch (e) {
      const kind = e instanceof AuthError ? e.kind : undefined;
      if (kind === 'setup-restart') {
        setError(t('enrol.restarted'));
        await load();
      } else setError(kind === 'code-mismatch' ? t('mfa.code.wrong') : explain(e));
    } finally {
      setBusy(false);
    }
  };

  return { secret, busy, error, submit };
}
