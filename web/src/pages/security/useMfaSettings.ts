/**
 * The state behind "Bảo mật": the API's check of the user's second factor, and the changes made with Cognito's
 * user calls (enrol, turn off), each followed by the check again, which is what lifts the MFA_REQUIRED gate.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useServices } from '../../app/context.tsx';
import {
  AuthError,
  associateSoftwareToken,
  setTotpPreference,
  verifySoftwareToken,
} from '../../auth/cognito.ts';
import { safeNext } from '../../common/safe-next.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const mfaKey = ['me', 'mfa'] as const;

/** Words for a failure of the check or of a Cognito call (a wrong code is the enrolment's own). */
function useMfaErrorText() {
  const { t, pick } = useI18n();
  return useCallback(
    (e: unknown): string => {
      if (e instanceof ApiError) return pick(e.text);
      if (e instanceof AuthError && (e.kind === 'invalid' || e.kind === 'challenge-expired'))
        return t('security.mfa.signInAgain');
      if (e instanceof AuthError && e.kind === 'network') return t('signIn.network');
      return t('security.mfa.failed', { detail: (e as Error).message });
    },
    [pick, t],
  );
}

/** The access token for Cognito's user calls, refreshed with the ID token when near expiry. */
function useAccessToken() {
  const { session } = useServices();
  return useCallback(async () => {
    await session.idToken();
    const token = session.current?.accessToken;
    if (!token) throw new AuthError('invalid', 'no access token in this session');
    return token;
  }, [session]);
}

/** The API's check after a change; lifts the MFA_REQUIRED gate when TOTP is on. */
function useMfaRecheck() {
  const { api, session } = useServices();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const s = await api.call('checkMyMfa');
    queryClient.setQueryData(mfaKey, s);
    if (s.enabled) {
      session.requireMfa(false);
      // Everything refused while the gate was down is asked again.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mfaKey[0] });
    }
    return s;
  }, [api, queryClient, session]);
}

/** `next`: where an admin sent here by MFA_REQUIRED returns once TOTP is on. */
export function useMfaSettings(next: string | null) {
  const { t } = useI18n();
  const { api, session, config } = useServices();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [enrolling, setEnrolling] = useState(false);
  const explain = useMfaErrorText();
  const accessToken = useAccessToken();
  const recheck = useMfaRecheck();

  const status = useQuery({ queryKey: mfaKey, queryFn: () => api.call('checkMyMfa'), staleTime: 0 });

  const start = useCallback(async () => {
    const { secret } = await associateSoftwareToken(config.auth, { accessToken: await accessToken() });
    return secret;
  }, [config.auth, accessToken]);

  const confirm = useCallback(
    async (code: string) => {
      const token = await accessToken();
      await verifySoftwareToken(config.auth, { accessToken: token }, code, t('enrol.device'));
      await setTotpPreference(config.auth, token, true);
      const s = await recheck();
      setEnrolling(false);
      if (s.enabled) {
        void message.success(t('security.mfa.enabled'));
        if (next) navigate(safeNext(next), { replace: true });
      }
    },
    [accessToken, config.auth, t, recheck, message, next, navigate],
  );

  const turnOff = useMutation({
    mutationFn: async () => {
      await setTotpPreference(config.auth, await accessToken(), false);
      return recheck();
    },
    onSuccess: () => void message.success(t('security.mfa.turnedOff')),
  });

  const again = useMutation({
    mutationFn: recheck,
    onSuccess: (s) => {
      if (s.enabled && next && !session.mfaRequired) navigate(safeNext(next), { replace: true });
    },
  });

  return { status, enrolling, setEnrolling, explain, start, confirm, turnOff, again };
}
