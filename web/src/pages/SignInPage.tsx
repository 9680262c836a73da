/**
 * Sign-in with email and password (Cognito USER_PASSWORD_AUTH). Says why the user is here when a session
 * expired or their access changed (or the account was disabled), and returns them to the page they were on.
 * An invited user signing in with the temporary password chooses their own next (NEW_PASSWORD_REQUIRED); a
 * user with an authenticator app types its code (SOFTWARE_TOKEN_MFA); where the pool requires MFA, a user
 * without one enrols first (MFA_SETUP). Demo accounts (and the demo admin's current code) are listed only on
 * the local stack.
 */
import { LoadingOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useServices, useSession } from '../app/context.tsx';
import { LanguageSwitch } from '../app/Shell.tsx';
import {
  AuthError,
  associateSoftwareToken,
  type NewPasswordRequired,
  type SignInChallenge,
  verifySoftwareToken,
} from '../auth/cognito.ts';
import type { CodeAttempt } from '../auth/mfa-code.ts';
import type { Role, Session } from '../auth/session.ts';
import { issuerLabel, totpCode } from '../auth/totp.ts';
import { EmailField } from '../components/EmailField.tsx';
import { type NewPasswordFields, NewPasswordForm } from '../components/NewPasswordForm.tsx';
import { MfaCodeForm } from '../components/security/MfaCodeForm.tsx';
import { TotpEnrolment } from '../components/security/TotpEnrolment.tsx';
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

/** The step after the password, with what it needs (the password stays in memory for this step only). */
type Pending =
  | { step: 'new-password'; email: string; temporary: string; challenge: NewPasswordRequired }
  | { step: 'mfa-code'; email: string; password: string; attempt: CodeAttempt }
  | { step: 'mfa-setup'; email: string; password: string; session: string };

/** The demo account's current code, refreshed as it changes (local stack only). */
function useDemoCode(secret: string | undefined): string | undefined {
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

export function SignInPage() {
  const { t } = useI18n();
  const { config, session, api } = useServices();
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
  const [pending, setPending] = useState<Pending>();
  // From a submit that may start the session until the first page: an admin's MFA is checked in between, so
  // no page meets a 403 (a ref: the session starts before any state set after it would render).
  const landing = useRef(false);
  const [fill, setFill] = useState<string>();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');
  const demoSecret =
    config.stage === 'local' && pending?.step === 'mfa-code'
      ? config.demo?.totp?.find((d) => d.email === pending.email.trim().toLowerCase())?.secret
      : undefined;
  const demoCode = useDemoCode(demoSecret);
  // MFA_SETUP: the session moves on with each call; a failed verification spends it (sign in again).
  const setup = useRef<{ session?: string; spent: boolean }>({ spent: false });

  const explainError = useCallback(
    (e: unknown): string => {
      const kind = e instanceof AuthError ? e.kind : 'unknown';
      return kind === 'invalid'
        ? t('signIn.invalid')
        : kind === 'challenge'
          ? t('signIn.challenge')
          : kind === 'network'
            ? t('signIn.network')
            : kind === 'password-policy'
              ? t('signIn.newPassword.weak')
              : kind === 'code-mismatch'
                ? t('mfa.code.wrong')
                : kind === 'challenge-expired'
                  ? pending?.step === 'new-password'
                    ? t('signIn.newPassword.expired')
                    : t('mfa.code.expired')
                  : t('signIn.unknown', { detail: (e as Error).message });
    },
    [t, pending?.step],
  );

  /**
   * Signed in: back to the page they were on. An admin first has the API check their TOTP with the directory
   * (POST /v1/me/mfa, docs/access.md "MFA"); one without goes to enrol, then back.
   */
  const land = useCallback(
    async (signedIn: Session) => {
      if (signedIn.user.role === 'admin') {
        const status = await api.call('checkMyMfa').catch(() => undefined);
        if (status && !status.enabled) {
          session.requireMfa();
          return navigate(`/security?${new URLSearchParams({ required: '1', next })}`, { replace: true });
        }
      }
      navigate(next, { replace: true });
    },
    [api, session, navigate, next],
  );

  /** Where a step leads: signed in, or the next challenge. */
  const proceed = useCallback(
    (r: Session | SignInChallenge, email: string, password: string) => {
      if (!('challenge' in r)) return void land(r);
      landing.current = false;
      setError(null);
      if (r.challenge === 'NEW_PASSWORD_REQUIRED')
        setPending({ step: 'new-password', email, temporary: password, challenge: r });
      else if (r.challenge === 'SOFTWARE_TOKEN_MFA')
        setPending({ step: 'mfa-code', email, password, attempt: { session: r.session, spent: false } });
      else {
        setup.current = { session: r.session, spent: false };
        setPending({ step: 'mfa-setup', email, password, session: r.session });
      }
    },
    [land],
  );

  const startSetup = useCallback(async (): Promise<string> => {
    if (pending?.step !== 'mfa-setup') throw new AuthError('unknown', 'no setup under way');
    if (setup.current.spent || !setup.current.session) {
      landing.current = true;
      const r = await session.signIn(pending.email, pending.password);
      if ('challenge' in r) landing.current = false;
      if (!('challenge' in r) || r.challenge !== 'MFA_SETUP') {
        proceed(r, pending.email, pending.password);
        throw new AuthError('challenge', 'the sign-in moved on');
      }
      setup.current = { session: r.session, spent: false };
    }
    const a = await associateSoftwareToken(config.auth, { session: setup.current.session! });
    setup.current = { session: a.session, spent: !a.session };
    return a.secret;
  }, [pending, session, config.auth, proceed]);

  const confirmSetup = useCallback(
    async (code: string) => {
      if (pending?.step !== 'mfa-setup') return;
      landing.current = true;
      try {
        const v = await verifySoftwareToken(
          config.auth,
          { session: setup.current.session! },
          code,
          t('enrol.device'),
        );
        setup.current = { session: v.session, spent: false };
        await land(await session.completeMfaSetup(pending.email, v.session!));
      } catch (e) {
        landing.current = false;
        setup.current.spent = true;
        if (e instanceof AuthError && (e.kind === 'code-mismatch' || e.kind === 'challenge-expired'))
          throw new AuthError('setup-restart', e.message);
        throw e;
      }
    },
    [pending, config.auth, session, land, t],
  );

  if (current && !landing.current) return <Navigate to={next} replace />;

  const explain = (e: unknown) => {
    landing.current = false;
    const kind = e instanceof AuthError ? e.kind : 'unknown';
    if (kind === 'challenge-expired') setPending(undefined);
    setError(explainError(e));
  };

  const submit = async ({ email, password }: Fields) => {
    landing.current = true;
    setBusy(true);
    setError(null);
    try {
      proceed(await session.signIn(email, password), email, password);
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const submitNewPassword = async ({ newPassword }: NewPasswordFields) => {
    if (pending?.step !== 'new-password') return;
    landing.current = true;
    setBusy(true);
    setError(null);
    try {
      proceed(
        await session.completeNewPassword(pending.email, pending.challenge, newPassword),
        pending.email,
        newPassword,
      );
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (code: string) => {
    if (pending?.step !== 'mfa-code') return;
    landing.current = true;
    setBusy(true);
    setError(null);
    try {
      await land(await session.completeMfaCode(pending.email, pending.password, pending.attempt, code));
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const backToPassword = () => {
    setPending(undefined);
    setError(null);
  };
  const heading =
    pending?.step === 'new-password'
      ? t('signIn.newPassword.title')
      : pending?.step === 'mfa-code'
        ? t('mfa.code.title')
        : pending?.step === 'mfa-setup'
          ? t('mfa.setup.title')
          : resetting
            ? t('signIn.reset.title')
            : t('signIn.title');
  const intro =
    pending?.step === 'new-password'
      ? t('signIn.newPassword.intro')
      : pending?.step === 'mfa-code'
        ? t('mfa.code.intro')
        : pending?.step === 'mfa-setup'
          ? t('mfa.setup.intro')
          : resetting
            ? t('signIn.reset.intro')
            : t('signIn.subtitle');

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
          {heading}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
        {/* Why they are here matters on the first step only. */}
        {pending ? null : reason === 'expired' ? (
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
        ) : pending?.step === 'new-password' ? (
          <NewPasswordForm
            email={pending.email}
            temporary={pending.temporary}
            busy={busy}
            submitLabel={t('signIn.newPassword.submit')}
            testId="new-password-form"
            onSubmit={submitNewPassword}
            onBack={backToPassword}
          />
        ) : pending?.step === 'mfa-code' ? (
          <>
            <MfaCodeForm
              busy={busy}
              submitLabel={t('mfa.code.submit')}
              testId="mfa-code-form"
              onSubmit={(code) => void submitCode(code)}
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
            <Button type="link" block onClick={backToPassword} disabled={busy}>
              {t('signIn.newPassword.back')}
            </Button>
          </>
        ) : pending?.step === 'mfa-setup' ? (
          <TotpEnrolment
            account={pending.email}
            issuer={issuerLabel(config.stage)}
            start={startSetup}
            confirm={confirmSetup}
            onCancel={backToPassword}
            explain={explainError}
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
