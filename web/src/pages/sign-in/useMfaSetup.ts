/**
 * MFA_SETUP during sign-in: associate an authenticator, verify its first code, then sign in. The session moves
 * on with each call; a failed verification spends it, so the next start signs in again for a fresh one.
 */
import { type RefObject, useCallback } from 'react';
import { useServices } from '../../app/context.tsx';
import {
  AuthError,
  associateSoftwareToken,
  type SignInChallenge,
  verifySoftwareToken,
} from '../../auth/cognito.ts';
import type { Session } from '../../auth/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Pending } from './sign-in-model.ts';

export function useMfaSetup({
  pending,
  setup,
  landing,
  proceed,
  land,
}: {
  pending: Pending | undefined;
  setup: RefObject<{ session?: string; spent: boolean }>;
  landing: RefObject<boolean>;
  proceed: (r: Session | SignInChallenge, email: string, password: string) => void;
  land: (s: Session) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { config, session } = useServices();

  const startSetup = useCallback(async (): Promise<string> => {
    if (pending?.step !== 'mfa-setup') throw new AuthError('unknown', 'no setup under way');
    if (setup.current.spent || !setup.current.session) {
      landing.current = true;
      const r = await session.signIn(pending.email, pending.password);
      if ('challenge' in r) landing.current = false;
      if (!('challenge' in r) || r.challenge !== 'MFA_SETUP') {
        proceed(r, pending.email, pending.password);
        throw new AuthError('challenge', 'the sign-in moved on');
      }
      setup.current = { session: r.session, spent: false };
    }
    const a = await associateSoftwareToken(config.auth, { session: setup.current.session! });
    setup.current = { session: a.session, spent: !a.session };
    return a.secret;
  }, [pending, session, config.auth, proceed, setup, landing]);

  const confirmSetup = useCallback(
    async (code: string) => {
      if (pending?.step !== 'mfa-setup') return;
      landing.current = true;
      try {
        const v = await verifySoftwareToken(
          config.auth,
          { session: setup.current.session! },
          code,
          t('enrol.device'),
        );
        setup.current = { session: v.session, spent: false };
        await land(await session.completeMfaSetup(pending.email, v.session!));
      } catch (e) {
        landing.current = false;
        setup.current.spent = true;
        if (e instanceof AuthError && (e.kind === 'code-mismatch' || e.kind === 'challenge-expired'))
          throw new AuthError('setup-restart', e.message);
        throw e;
      }
    },
    [pending, config.auth, session, land, t, setup, landing],
  );
  return { startSetup, confirmSetup };
}
