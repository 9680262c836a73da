/**
 * Choosing a password: the new one (the pool's policy checked here and again by Cognito) and its repeat; with
 * `withCode`, the 6-digit code from the reset e-mail first. Used by the first sign-in of an invited user and by
 * "Quên mật khẩu".
 */
import { LoadingOutlined, LockOutlined, NumberOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useId } from 'react';
import { meetsPasswordPolicy } from '../../auth/password.ts';
import { useI18n } from '../../i18n/i18n.tsx';

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
  const ruleId = useId();
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
      {props.withCode ? (
        <Form.Item
          name="code"
          label={t('signIn.reset.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('signIn.reset.codeInvalid') }]}
        >
          <Input
            prefix={<NumberOutlined aria-hidden />}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            size="large"
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="newPassword"
        label={t('signIn.newPassword.field')}
        extra={<span id={ruleId}>{t('signIn.newPassword.rule')}</span>}
        rules={[
          { required: true, message: t('signIn.newPassword.weak') },
          {
            validator: async (_, v: string | undefined) => {
              if (v && !meetsPasswordPolicy(v)) throw new Error(t('signIn.newPassword.weak'));
              if (v && v === props.temporary) throw new Error(t('signIn.newPassword.same'));
            },
          },
        ]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="new-password"
          size="large"
          aria-describedby={ruleId}
        />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('signIn.newPassword.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('signIn.newPassword.mismatch') },
          ({ getFieldValue }) => ({
            validator: async (_, v: string | undefined) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error(t('signIn.newPassword.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" size="large" />
      </Form.Item>
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
