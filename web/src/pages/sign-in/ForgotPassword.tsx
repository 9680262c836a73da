/**
 * "Quên mật khẩu": the address first (Cognito e-mails a 6-digit code, and answers the same for an unknown
 * address), then the code with a new password. On success the user signs in with it; nothing is signed in here.
 */
import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { useServices } from '../../app/context.tsx';
import { AuthError, confirmForgotPassword, forgotPassword } from '../../auth/cognito.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmailField } from './EmailField.tsx';
import { type NewPasswordFields, NewPasswordForm } from './NewPasswordForm.tsx';

export function ForgotPassword(props: {
  initialEmail?: string;
  onDone(email: string): void;
  onBack(): void;
}) {
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
      const kind = e instanceof AuthError ? e.kind : 'unknown';
      setError(
        kind === 'code-mismatch'
          ? t('signIn.reset.mismatch')
          : kind === 'code-expired'
            ? t('signIn.reset.expired')
            : kind === 'limit'
              ? t('signIn.reset.limit')
              : kind === 'password-policy'
                ? t('signIn.newPassword.weak')
                : kind === 'network'
                  ? t('signIn.network')
                  : t('signIn.unknown', { detail: (e as Error).message }),
      );
    } finally {
      setBusy(false);
    }
  };

  const sendCode = ({ address }: { address: string }) =>
    run(async () => {
      await forgotPassword(config.auth, address);
      setEmail(address.trim());
    });

  const reset = ({ code, newPassword }: NewPasswordFields) =>
    run(async () => {
      if (!email) return;
      await confirmForgotPassword(config.auth, email, code ?? '', newPassword);
      props.onDone(email);
    });

  return (
    <div data-testid="forgot-password">
      {error ? <Alert type="error" showIcon title={error} className="mc-gap" role="alert" /> : null}
      {email ? (
        <>
          <Alert
            type="info"
            showIcon
            title={t('signIn.reset.sent', { email })}
            className="mc-gap"
            role="status"
          />
          <NewPasswordForm
            email={email}
            withCode
            busy={busy}
            submitLabel={t('signIn.reset.submit')}
            testId="reset-password-form"
            onSubmit={reset}
            onBack={props.onBack}
          />
          <Button type="link" block disabled={busy} onClick={() => void sendCode({ address: email })}>
            {t('signIn.reset.resend')}
          </Button>
        </>
      ) : (
        <Form<{ address: string }>
          layout="vertical"
          requiredMark={false}
          disabled={busy}
          initialValues={{ address: props.initialEmail }}
          onFinish={sendCode}
        >
          <EmailField name="address" />
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            disabled={busy}
            icon={busy ? <LoadingOutlined aria-hidden /> : undefined}
          >
            {t('signIn.reset.send')}
          </Button>
          <Button type="link" block onClick={props.onBack} className="mc-gap">
            {t('signIn.newPassword.back')}
          </Button>
        </Form>
      )}
    </div>
  );
}
