/**
 * "Bảo mật": the user's two-step verification. The state shown is the API's check with the directory
 * (POST /v1/me/mfa), never what this browser believes. Enrolling: Cognito's AssociateSoftwareToken →
 * VerifySoftwareToken → SetUserMFAPreference with the user's access token, then the check again, which is what
 * lets an admin act (docs/access.md, "MFA"). An admin sent here by MFA_REQUIRED returns to their page after.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useMfaRequired, useServices, useSession } from '../../app/context.tsx';
import { issuerLabel } from '../../auth/totp.ts';
import { safeNext } from '../../common/safe-next.ts';
import { TotpEnrolment } from '../../common/security/TotpEnrolment.tsx';
import { ErrorState, Loading } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { MfaActions, MfaStatusLine, StillRefused } from './MfaParts.tsx';
import { useMfaSettings } from './useMfaSettings.ts';

export { mfaKey } from './useMfaSettings.ts';

export function SecurityPage() {
  const { t } = useI18n();
  const { config } = useServices();
  const user = useSession()?.user;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const gated = useMfaRequired();
  const required = params.has('required') || gated;
  const next = params.get('next');
  const { status, enrolling, setEnrolling, explain, start, confirm, turnOff, again } = useMfaSettings(next);

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
            <MfaStatusLine status={s} />
            {s.enabled && gated ? (
              <StillRefused checking={again.isPending} onRecheck={() => again.mutate()} />
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
              <MfaActions
                status={s}
                turningOff={turnOff.isPending}
                onEnrol={() => setEnrolling(true)}
                onTurnOff={() => turnOff.mutate()}
                onContinue={
                  s.enabled && next && !gated ? () => navigate(safeNext(next), { replace: true }) : undefined
                }
              />
            )}
          </>
        ) : null}
      </Card>
    </div>
  );
}
