/** The e-mail field of the sign-in and password-reset forms: required, checked, and known to password managers. */
import { MailOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export function EmailField({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={t('signIn.email')}
      rules={[
        { required: true, message: t('signIn.emailRequired') },
        { type: 'email', message: t('signIn.emailInvalid') },
      ]}
    >
      <Input prefix={<MailOutlined aria-hidden />} autoComplete="username" inputMode="email" size="large" />
    </Form.Item>
  );
}
