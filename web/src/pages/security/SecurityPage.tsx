/**
 * "Bảo mật": the user's two-step verification. The state shown is the API's check with the directory
 * (POST /v1/me/mfa), never what this browser believes. Enrolling: Cognito's AssociateSoftwareToken →
 * VerifySoftwareToken → SetUserMFAPreference with the user's access token, then the check again, which is what
 * lets an admin act (docs/access.md, "MFA"). An admin sent here by MFA_REQUIRED returns to their page after.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMfaRequired, useServices, useSession } from '../../app/context.tsx';
import {
  AuthError,
  associateSoftwareToken,
  setTotpPreference,
  verifySoftwareToken,
} from '../../auth/cognito.ts';
import { issuerLabel } from '../../auth/totp.ts';
import { safeNext } from '../../common/safe-next.ts';
import { TotpEnrolment } from '../../common/security/TotpEnrolment.tsx';
import { ErrorState, Loading } from '../../common/states.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const mfaKey = ['me', 'mfa'] as const;

export function SecurityPage() {
  const { t, pick } = useI18n();
  const { api, session, config } = useServices();
  const user = useSession()?.user;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [enrolling, setEnrolling] = useState(false);
  const gated = useMfaRequired();
  const required = params.has('required') || gated;
  const next = params.get('next');

  const status = useQuery({ queryKey: mfaKey, queryFn: () => api.call('checkMyMfa'), staleTime: 0 });

  const explain = useCallback(
    (e: unknown): string => {
      if (e instanceof ApiError) return pick(e.text);
      if (e instanceof AuthError && (e.kind === 'invalid' || e.kind === 'challenge-expired'))
        return t('security.mfa.signInAgain');
      if (e instanceof AuthError && e.kind === 'network') return t('signIn.network');
      return t('security.mfa.failed', { detail: (e as Error).message });
    },
    [pick, t],
  );

  /** The access token for Cognito's user calls, refreshed with the ID token when near expiry. */
  const accessToken = useCallback(async () => {
    await session.idToken();
    const token = session.current?.accessToken;
    if (!token) throw new AuthError('invalid', 'no access token in this session');
    return token;
  }, [session]);

  /** The API's check after a change; lifts the MFA_REQUIRED gate when TOTP is on. */
  const recheck = useCallback(async () => {
    const s = await api.call('checkMyMfa');
    queryClient.setQueryData(mfaKey, s);
    if (s.enabled) {
      session.requireMfa(false);
      // Everything refused while the gate was down is asked again.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== mfaKey[0] });
    }
    return s;
  }, [api, queryClient, session]);

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

  const s = status.data;
  return (
    <div className="mc-page mc-page-narrow">
      <Typography.Title level={1} className="mc-page-title">
        {t('security.title')}
      </Typography.Title>
      {required && !s?.enabled ? (
        <Alert type="warning" showIcon title={t('security.mfa.mustEnrol')} className="mc-gap" role="status" />
      ) : null}
      <Card
        title={
          <span>
            <SafetyCertificateOutlined aria-hidden /> {t('security.mfa.heading')}
          </span>
        }
        data-testid="mfa-card"
      >
        <Typography.Paragraph>{t('security.mfa.explain')}</Typography.Paragraph>
        {status.isPending ? (
          <Loading rows={2} />
        ) : status.isError ? (
          <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        ) : s ? (
          <>
            <Space wrap className="mc-gap" data-testid="mfa-status">
              <Tag color={s.enabled ? 'success' : 'default'}>
                {s.enabled ? t('security.mfa.on') : t('security.mfa.off')}
              </Tag>
              <span className="mc-muted">
                {s.required ? t('security.mfa.requiredForAdmins') : t('security.mfa.optional')}
              </span>
              <span className="mc-muted">
                {t('security.mfa.checkedAt', { time: formatDateTime(s.checkedAt) })}
              </span>
            </Space>
            {s.enabled && gated ? (
              <Alert
                type="warning"
                showIcon
                className="mc-gap"
                title={t('security.mfa.stillRefused')}
                action={
                  <Button size="small" loading={again.isPending} onClick={() => again.mutate()}>
                    {t('security.mfa.recheck')}
                  </Button>
                }
              />
            ) : null}
            {turnOff.isError ? (
              <Alert type="error" showIcon className="mc-gap" title={explain(turnOff.error)} role="alert" />
            ) : null}
            {enrolling ? (
              <TotpEnrolment
                account={user?.email ?? ''}
                issuer={issuerLabel(config.stage)}
                start={start}
                confirm={confirm}
                onCancel={() => setEnrolling(false)}
                explain={explain}
              />
            ) : (
              <Space wrap className="mc-gap">
                {s.enabled ? (
                  <Button onClick={() => setEnrolling(true)}>{t('security.mfa.replace')}</Button>
                ) : (
                  <Button type="primary" onClick={() => setEnrolling(true)}>
                    {t('security.mfa.start')}
                  </Button>
                )}
                {s.enabled && !s.required ? (
                  <Popconfirm
                    title={t('security.mfa.turnOffConfirm')}
                    description={t('security.mfa.turnOffExplain')}
                    okText={t('security.mfa.turnOff')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('people.cancel')}
                    onConfirm={() => turnOff.mutate()}
                  >
                    <Button danger loading={turnOff.isPending}>
                      {t('security.mfa.turnOff')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {s.enabled && next && !gated ? (
                  <Button type="primary" onClick={() => navigate(safeNext(next), { replace: true })}>
                    {t('security.mfa.continue')}
                  </Button>
                ) : null}
              </Space>
            )}
          </>
        ) : null}
      </Card>
    </div>
  );
}
