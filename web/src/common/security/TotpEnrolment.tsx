/**
 * Enrolling an authenticator app: a new secret from Cognito (AssociateSoftwareToken) shown as a QR code of its
 * `otpauth://` URI (antd's QRCode, already in the bundle) and as the base32 key in groups for typing, then the
 * app's first code to prove it holds the secret. What "confirm" does next (turn TOTP on, or finish an MFA_SETUP
 * sign-in) is the caller's.
 */
import { Alert, Button, QRCode, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { AuthError } from '../../auth/cognito.ts';
import { groupSecret, otpauthUri } from '../../auth/totp.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MfaCodeForm } from './MfaCodeForm.tsx';

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
  const { start, confirm, explain } = props;
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

  const uri = secret ? otpauthUri({ issuer: props.issuer, account: props.account, secret }) : undefined;
  return (
    <div className="mc-enrol" data-testid="totp-enrolment">
      <Typography.Paragraph>{t('enrol.step1')}</Typography.Paragraph>
      <Typography.Paragraph>{t('enrol.step2')}</Typography.Paragraph>
      {uri && secret ? (
        <div className="mc-enrol-qr">
          <QRCode
            value={uri}
            type="svg"
            size={184}
            bordered
            aria-label={t('enrol.qr', { account: props.account })}
            role="img"
          />
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
