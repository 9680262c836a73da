/**
 * Choosing a password: the new one (the pool's policy checked here and again by Cognito) and its repeat; with
 * `withCode`, the 6-digit code from the reset e-mail first. Used by the first sign-in of an invited user and by
 * "Quên mật khẩu".
 */
import { LoadingOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { PasswordAndRepeatFields, ResetCodeField } from './PasswordFields.tsx';

export interface NewPasswordFields {
  code?: string;
  newPassword: string;
  confirm: string;
}

export function NewPasswordForm(props: {
  email: string;
  /** The password it replaces when the user knows it (the invitation's temporary one): refused again. */
  temporary?: string;
  withCode?: boolean;
  busy: boolean;
  submitLabel: string;
  testId: string;
  onSubmit(fields: NewPasswordFields): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  return (
    <Form<NewPasswordFields>
      layout="vertical"
      onFinish={props.onSubmit}
      requiredMark={false}
      disabled={props.busy}
      data-testid={props.testId}
    >
      {/* The username field lets password managers save the new password under the right account. */}
      <input type="email" name="username" value={props.email} autoComplete="username" readOnly hidden />
      {props.withCode ? <ResetCodeField /> : null}
      <PasswordAndRepeatFields temporary={props.temporary} />
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        disabled={props.busy}
        icon={props.busy ? <LoadingOutlined aria-hidden /> : undefined}
      >
        {props.submitLabel}
      </Button>
      <Button type="link" block onClick={props.onBack} className="mc-gap">
        {t('signIn.newPassword.back')}
      </Button>
    </Form>
  );
}
