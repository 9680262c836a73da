/**
 * The sign-in steps: password → (new password | TOTP code | TOTP enrolment) → signed in, then back to the page
 * the user was on (an admin's MFA is checked with the API first). `landing` is set from a submit that may start
 * the session until the first page, so the page does not redirect before the admin check (a ref: the session
 * starts before any state set after it would render).
 */
import { type RefObject, useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/context.tsx';
import { AuthError, type SignInChallenge } from '../../auth/cognito.ts';
import type { Session } from '../../auth/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorKey, type Pending } from './sign-in-model.ts';
import { useMfaSetup } from './useMfaSetup.ts';

/** Signed in: back to `next`; an admin without TOTP (POST /v1/me/mfa, docs/access.md "MFA") enrols first. */
function useLand(next: string) {
  const { session, api } = useServices();
  const navigate = useNavigate();
  return useCallback(
    async (signedIn: Session) => {
      if (signedIn.user.role === 'admin') {
        const status = await api.call('checkMyMfa').catch(() => undefined);
        if (status && !status.enabled) {
          session.requireMfa();
          return navigate(`/security?${new URLSearchParams({ required: '1', next })}`, { replace: true });
        }
      }
      navigate(next, { replace: true });
    },
    [api, session, navigate, next],
  );
}

/** The submitted steps (password, new password, code): busy while each runs, its failure explained. */
function useSubmits(p: {
  pending: Pending | undefined;
  setPending: (p: Pending | undefined) => void;
  landing: RefObject<boolean>;
  setBusy: (b: boolean) => void;
  setError: (e: string | null) => void;
  explainError: (e: unknown) => string;
  proceed: (r: Session | SignInChallenge, email: string, password: string) => void;
  land: (s: Session) => Promise<unknown>;
}) {
  const { session } = useServices();
  const { pending, setPending, landing, setBusy, setError, explainError, proceed, land } = p;
  const explain = (e: unknown) => {
    landing.current = false;
    const kind = e instanceof AuthError ? e.kind : 'unknown';
    if (kind === 'challenge-expired') setPending(undefined);
    setError(explainError(e));
  };
  const run = async (step: () => Promise<void>) => {
    landing.current = true;
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = ({ email, password }: { email: string; password: string }) =>
    run(async () => proceed(await session.signIn(email, password), email, password));
  const submitNewPassword = async ({ newPassword }: { newPassword: string }) => {
    if (pending?.step !== 'new-password') return;
    await run(async () =>
      proceed(
        await session.completeNewPassword(pending.email, pending.challenge, newPassword),
        pending.email,
        newPassword,
      ),
    );
  };
  const submitCode = async (code: string) => {
    if (pending?.step !== 'mfa-code') return;
    await run(async () => {
      await land(await session.completeMfaCode(pending.email, pending.password, pending.attempt, code));
    });
  };
  return { submit, submitNewPassword, submitCode };
}

export function useSignInFlow(next: string) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>();
  const landing = useRef(false);
  const land = useLand(next);

  const explainError = useCallback(
    (e: unknown): string => {
      const key = errorKey(e instanceof AuthError ? e.kind : 'unknown', pending?.step);
      return key ? t(key) : t('signIn.unknown', { detail: (e as Error).message });
    },
    [t, pending?.step],
  );

  /** Where a step leads: signed in, or the next challenge. */
  const setup = useRef<{ session?: string; spent: boolean }>({ spent: false });
  const proceed = useCallback(
    (r: Session | SignInChallenge, email: string, password: string) => {
      if (!('challenge' in r)) return void land(r);
      landing.current = false;
      setError(null);
      if (r.challenge === 'NEW_PASSWORD_REQUIRED')
        setPending({ step: 'new-password', email, temporary: password, challenge: r });
      else if (r.challenge === 'SOFTWARE_TOKEN_MFA')
        setPending({ step: 'mfa-code', email, password, attempt: { session: r.session, spent: false } });
      else {
        setup.current = { session: r.session, spent: false };
        setPending({ step: 'mfa-setup', email, password, session: r.session });
      }
    },
    [land],
  );
  const mfaSetup = useMfaSetup({ pending, setup, landing, proceed, land });

  const submits = useSubmits({
    pending,
    setPending,
    landing,
    setBusy,
    setError,
    explainError,
    proceed,
    land,
  });
  const backToPassword = () => {
    setPending(undefined);
    setError(null);
  };
  return {
    busy,
    error,
    setError,
    pending,
    landing,
    explainError,
    ...submits,
    backToPassword,
    ...mfaSetup,
  };
}
