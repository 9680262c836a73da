/** The sign-in card's pieces: the password form, the TOTP code step (with the demo code), the demo accounts. */
import { LoadingOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, type FormInstance, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { totpCode } from '../../auth/totp.ts';
import { MfaCodeForm } from '../../common/security/MfaCodeForm.tsx';
import type { AppConfig } from '../../config.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EmailField } from './EmailField.tsx';

export interface Fields {
  email: string;
  password: string;
}

const isRole = (r: string): r is 'admin' | 'reviewer' | 'leader' | 'member' =>
  ['admin', 'reviewer', 'leader', 'member'].includes(r);

/** The demo account's current code, refreshed as it changes (local stack only). */
export function useDemoCode(secret: string | undefined): string | undefined {
  const [code, setCode] = useState<string>();
  useEffect(() => {
    if (!secret) return;
    let live = true;
    const tick = () => void totpCode(secret).then((c) => live && setCode(c));
    tick();
    const timer = window.setInterval(tick, 2000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [secret]);
  return secret ? code : undefined;
}

export function PasswordForm(props: {
  form: FormInstance<Fields>;
  busy: boolean;
  onSubmit: (f: Fields) => void;
  onForgot: () => void;
}) {
  const { t } = useI18n();
  const { busy } = props;
  return (
    <Form<Fields>
      form={props.form}
      layout="vertical"
      onFinish={props.onSubmit}
      requiredMark={false}
      disabled={busy}
    >
      <EmailField name="email" />
      <Form.Item
        name="password"
        label={t('signIn.password')}
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
      </Form.Item>
      {/* Not antd's `loading`: its delayed state can stay stuck on when a refusal comes back fast. */}
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        disabled={busy}
        icon={busy ? <LoadingOutlined aria-hidden /> : undefined}
      >
        {t('signIn.submit')}
      </Button>
      <Button type="link" block className="mc-gap" onClick={props.onForgot}>
        {t('signIn.forgot')}
      </Button>
    </Form>
  );
}

export function MfaCodeStep(props: {
  busy: boolean;
  demoCode: string | undefined;
  onSubmit: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const [fill, setFill] = useState<string>();
  const { demoCode } = props;
  return (
    <>
      <MfaCodeForm
        busy={props.busy}
        submitLabel={t('mfa.code.submit')}
        testId="mfa-code-form"
        onSubmit={props.onSubmit}
        fill={fill}
        extra={
          demoCode ? (
            <Alert
              type="info"
              className="mc-gap"
              data-testid="demo-code"
              title={t('mfa.code.demo', { code: demoCode })}
              action={
                <Button size="small" onClick={() => setFill(demoCode)}>
                  {t('mfa.code.demoFill')}
                </Button>
              }
            />
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" className="mc-gap">
        {t('mfa.code.lost')}
      </Typography.Paragraph>
      <Button type="link" block onClick={props.onBack} disabled={props.busy}>
        {t('signIn.newPassword.back')}
      </Button>
    </>
  );
}

export function DemoAccounts({
  demo,
  onPick,
}: {
  demo: NonNullable<AppConfig['demo']>;
  onPick: (email: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="mc-demo" aria-labelledby="demo-title" data-testid="demo-accounts">
      <Typography.Title level={3} id="demo-title" className="mc-demo-title">
        {t('signIn.demoTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="mc-demo-hint">
        {t('signIn.demoHint', { password: demo.password })}
      </Typography.Paragraph>
      <ul className="mc-demo-list">
        {demo.users.map((d) => (
          <li key={d.email}>
            <Button type="link" className="mc-demo-user" onClick={() => onPick(d.email)}>
              <strong>{isRole(d.role) ? t(`role.${d.role}`) : d.role}</strong> <span>{d.email}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
