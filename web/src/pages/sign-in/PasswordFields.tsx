/** The fields of NewPasswordForm: the reset e-mail's code, and the new password with its repeat. */
import { LockOutlined, NumberOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useId } from 'react';
import { meetsPasswordPolicy } from '../../auth/password.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The 6-digit code Cognito e-mailed for "Quên mật khẩu" (spaces around it are forgiven). */
export function ResetCodeField() {
  const { t } = useI18n();
  return (
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
  );
}

/** The new password, checked against the pool's policy and the password it replaces, then typed again. */
export function PasswordAndRepeatFields({ temporary }: { temporary?: string }) {
  const { t } = useI18n();
  const ruleId = useId();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('signIn.newPassword.field')}
        extra={<span id={ruleId}>{t('signIn.newPassword.rule')}</span>}
        rules={[
          { required: true, message: t('signIn.newPassword.weak') },
          {
            validator: async (_, v: string | undefined) => {
              if (v && !meetsPasswordPolicy(v)) throw new Error(t('signIn.newPassword.weak'));
              if (v && v === temporary) throw new Error(t('signIn.newPassword.same'));
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
    </>
  );
}
