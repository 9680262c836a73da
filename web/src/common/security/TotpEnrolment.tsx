/**
 * Enrolling an authenticator app: a new secret from Cognito (AssociateSoftwareToken) shown as a QR code of its
 * `otpauth://` URI (antd's QRCode, already in the bundle) and as the base32 key in groups for typing, then the
 * app's first code to prove it holds the secret. What "confirm" does next (turn TOTP on, or finish an MFA_SETUP
 * sign-in) is the caller's.
 */
import { Alert, Button, QRCode, Skeleton, Space, Typography } from 'antd';
import { groupSecret, otpauthUri } from '../../auth/totp.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MfaCodeForm } from './MfaCodeForm.tsx';
import { useTotpEnrolment } from './useTotpEnrolment.ts';

export function TotpEnrolment(props: {
  account: string;
  /** The name the app lists the entry under (`Minh Chứng`, with the stage outside production). */
  issuer: string;
  start(): Promise<string>;
  confirm(code: string): Promise<void>;
  onCancel?(): void;
  /** Words for an error other than a wrong code. */
  explain(e: unknown): string;
}) {
  const { t } = useI18n();
  const { secret, busy, error, submit } = useTotpEnrolment(props);

  const uri = secret ? otpauthUri({ issuer: props.issuer, account: props.account, secret }) : undefined;
  return (
    <div className="mc-enrol" data-testid="totp-enrolment">
      <Typography.Paragraph>{t('enrol.step1')}</Typography.Paragraph>
      <Typography.Paragraph>{t('enrol.step2')}</Typography.Paragraph>
      {uri && secret ? (
        <TotpSecret uri={uri} secret={secret} account={props.account} />
      ) : error ? null : (
        <Skeleton active paragraph={{ rows: 3 }} title={false} aria-label={t('enrol.loading')} />
      )}
      <Typography.Paragraph className="mc-gap">{t('enrol.step3')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} className="mc-gap" role="alert" /> : null}
      <MfaCodeForm
        busy={busy || !secret}
        submitLabel={t('enrol.submit')}
        testId="enrol-code-form"
        onSubmit={(code) => void submit(code)}
      />
      {props.onCancel ? (
        <Space className="mc-gap">
          <Button type="link" onClick={props.onCancel} disabled={busy}>
            {t('enrol.cancel')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}

/** The secret twice: a QR code for the app's camera, and the key in groups for typing it in. */
function TotpSecret({ uri, secret, account }: { uri: string; secret: string; account: string }) {
  const { t } = useI18n();
  return (
    <div className="mc-enrol-qr">
      <QRCode value={uri} type="svg" size={184} bordered aria-label={t('enrol.qr', { account })} role="img" />
      <div className="mc-enrol-manual">
        <Typography.Paragraph type="secondary">{t('enrol.manual')}</Typography.Paragraph>
        <Typography.Text
          code
          copyable={{ text: secret }}
          data-testid="totp-secret"
          aria-label={t('enrol.manualKey')}
        >
          {groupSecret(secret)}
        </Typography.Text>
      </div>
    </div>
  );
}
