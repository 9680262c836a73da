/**
 * Sign-in with email and password (Cognito USER_PASSWORD_AUTH). Says why the user is here when a session
 * expired or their access changed (or the account was disabled), and returns them to the page they were on. An invited user signing in with the temporary password
 * chooses their own next (NEW_PASSWORD_REQUIRED). Demo accounts are listed only on the local stack.
 */
import { LoadingOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useServices, useSession } from '../app/context.tsx';
import { LanguageSwitch } from '../app/Shell.tsx';
import { AuthError, type NewPasswordRequired } from '../auth/cognito.ts';
import type { Role } from '../auth/session.ts';
import { EmailField } from '../components/EmailField.tsx';
import { type NewPasswordFields, NewPasswordForm } from '../components/NewPasswordForm.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ForgotPassword } from './ForgotPassword.tsx';

const isRole = (r: string): r is Role => ['admin', 'reviewer', 'leader', 'member'].includes(r);

/** Only same-app paths: `next=//evil.example` must not leave the site. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

interface Fields {
  email: string;
  password: string;
}

export function SignInPage() {
  const { t } = useI18n();
  const { config, session } = useServices();
  const current = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Set after a sign-in with a temporary password: who, with what, and Cognito's challenge session.
  // The card shows one step: sign in, choose a password after an invitation, or reset a forgotten one.
  const [resetting, setResetting] = useState(false);
  const [resetDone, setResetDone] = useState(false);
  const [pending, setPending] = useState<{
    email: string;
    temporary: string;
    challenge: NewPasswordRequired;
  }>();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');

  if (current) return <Navigate to={next} replace />;

  const explain = (e: unknown) => {
    const kind = e instanceof AuthError ? e.kind : 'unknown';
    if (kind === 'challenge-expired') setPending(undefined);
    setError(
      kind === 'invalid'
        ? t('signIn.invalid')
        : kind === 'challenge'
          ? t('signIn.challenge')
          : kind === 'network'
            ? t('signIn.network')
            : kind === 'password-policy'
              ? t('signIn.newPassword.weak')
              : kind === 'challenge-expired'
                ? t('signIn.newPassword.expired')
                : t('signIn.unknown', { detail: (e as Error).message }),
    );
  };

  const submit = async ({ email, password }: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const r = await session.signIn(email, password);
      if ('challenge' in r) setPending({ email, temporary: password, challenge: r });
      else navigate(next, { replace: true });
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const submitNewPassword = async ({ newPassword }: NewPasswordFields) => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await session.completeNewPassword(pending.email, pending.challenge, newPassword);
      navigate(next, { replace: true });
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="mc-signin" id="main">
      <div className="mc-signin-lang">
        <LanguageSwitch />
      </div>
      <section className="mc-signin-brand" aria-labelledby="brand-title">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <Typography.Title level={1} id="brand-title" className="mc-signin-product">
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph className="mc-signin-tagline">{t('app.tagline')}</Typography.Paragraph>
      </section>
      <Card className="mc-signin-card">
        <Typography.Title level={2} className="mc-card-title">
          {pending ? t('signIn.newPassword.title') : resetting ? t('signIn.reset.title') : t('signIn.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {pending
            ? t('signIn.newPassword.intro')
            : resetting
              ? t('signIn.reset.intro')
              : t('signIn.subtitle')}
        </Typography.Paragraph>
        {reason === 'expired' ? (
          <Alert type="warning" showIcon title={t('signIn.expired')} className="mc-gap" role="status" />
        ) : reason === 'access-changed' ? (
          <Alert type="warning" showIcon title={t('signIn.accessChanged')} className="mc-gap" role="status" />
        ) : reason === 'disabled' ? (
          <Alert type="error" showIcon title={t('signIn.disabled')} className="mc-gap" role="status" />
        ) : resetDone ? (
          <Alert type="success" showIcon title={t('signIn.reset.done')} className="mc-gap" role="status" />
        ) : reason === 'signed-out' ? (
          <Alert type="info" showIcon title={t('signIn.signedOut')} className="mc-gap" role="status" />
        ) : null}
        {error && !resetting ? (
          <Alert type="error" showIcon title={error} className="mc-gap" role="alert" />
        ) : null}
        {resetting ? (
          <ForgotPassword
            initialEmail={form.getFieldValue('email')}
            onDone={(email) => {
              setResetting(false);
              setResetDone(true);
              form.setFieldsValue({ email, password: '' });
            }}
            onBack={() => setResetting(false)}
          />
        ) : pending ? (
          <NewPasswordForm
            email={pending.email}
            temporary={pending.temporary}
            busy={busy}
            submitLabel={t('signIn.newPassword.submit')}
            testId="new-password-form"
            onSubmit={submitNewPassword}
            onBack={() => {
              setPending(undefined);
              setError(null);
            }}
          />
        ) : (
          <Form<Fields> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
            <EmailField name="email" />
            <Form.Item
              name="password"
              label={t('signIn.password')}
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
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
            <Button
              type="link"
              block
              className="mc-gap"
              onClick={() => {
                setError(null);
                setResetDone(false);
                setResetting(true);
              }}
            >
              {t('signIn.forgot')}
            </Button>
          </Form>
        )}
        {!pending && !resetting && config.stage === 'local' && config.demo?.users.length ? (
          <section className="mc-demo" aria-labelledby="demo-title" data-testid="demo-accounts">
            <Typography.Title level={3} id="demo-title" className="mc-demo-title">
              {t('signIn.demoTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" className="mc-demo-hint">
              {t('signIn.demoHint', { password: config.demo.password })}
            </Typography.Paragraph>
            <ul className="mc-demo-list">
              {config.demo.users.map((d) => (
                <li key={d.email}>
                  <Button
                    type="link"
                    className="mc-demo-user"
                    onClick={() => form.setFieldsValue({ email: d.email, password: config.demo?.password })}
                  >
                    <strong>{isRole(d.role) ? t(`role.${d.role}`) : d.role}</strong> <span>{d.email}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Card>
    </main>
  );
}
