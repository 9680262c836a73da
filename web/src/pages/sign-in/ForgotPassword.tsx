/**
 * "Quên mật khẩu": the address first (Cognito e-mails a 6-digit code, and answers the same for an unknown
 * address), then the code with a new password. On success the user signs in with it; nothing is signed in here.
 */
import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Form } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmailField } from './EmailField.tsx';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { useForgotPassword } from './useForgotPassword.ts';

export function ForgotPassword(props: {
  initialEmail?: string;
  onDone(email: string): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const { email, busy, error, sendCode, reset } = useForgotPassword(props.onDone);

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
        <ResetAddressForm
          initialEmail={props.initialEmail}
          busy={busy}
          onSubmit={sendCode}
          onBack={props.onBack}
        />
      )}
    </div>
  );
}

/** The first step: the address the code is sent to. */
function ResetAddressForm(props: {
  initialEmail?: string;
  busy: boolean;
  onSubmit(fields: { address: string }): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  return (
    <Form<{ address: string }>
      layout="vertical"
      requiredMark={false}
      disabled={props.busy}
      initialValues={{ address: props.initialEmail }}
      onFinish={props.onSubmit}
    >
      <EmailField name="address" />
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        disabled={props.busy}
        icon={props.busy ? <LoadingOutlined aria-hidden /> : undefined}
      >
        {t('signIn.reset.send')}
      </Button>
      <Button type="link" block onClick={props.onBack} className="mc-gap">
        {t('signIn.newPassword.back')}
      </Button>
    </Form>
  );
}
