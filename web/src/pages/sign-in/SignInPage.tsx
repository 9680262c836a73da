/**
 * Sign-in with email and password (Cognito USER_PASSWORD_AUTH). Says why the user is here when a session
 * expired or their access changed (or the account was disabled), and returns them to the page they were on.
 * An invited user signing in with the temporary password chooses their own next (NEW_PASSWORD_REQUIRED); a
 * user with an authenticator app types its code (SOFTWARE_TOKEN_MFA); where the pool requires MFA, a user
 * without one enrols first (MFA_SETUP). Demo accounts (and the demo admin's current code) are listed only on
 * the local stack. The steps: components/signin/useSignInFlow.ts; the card's pieces: components/signin/.
 */
import { Alert, Card, Form, type FormInstance, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useServices, useSession } from '../../app/context.tsx';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { issuerLabel } from '../../auth/totp.ts';
import { safeNext } from '../../common/safe-next.ts';
import { TotpEnrolment } from '../../common/security/TotpEnrolment.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ForgotPassword } from './ForgotPassword.tsx';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { DemoAccounts, type Fields, MfaCodeStep, PasswordForm, useDemoCode } from './SignInParts.tsx';
import { HEADING, INTRO, reasonAlert, stepOf } from './sign-in-model.ts';
import { useSignInFlow } from './useSignInFlow.ts';

export { safeNext };

function Brand() {
  const { t } = useI18n();
  return (
    <section className="mc-signin-brand" aria-labelledby="brand-title">
      <img src="/favicon.svg" alt="" width={48} height={48} />
      <Typography.Title level={1} id="brand-title" className="mc-signin-product">
        {t('app.name')}
      </Typography.Title>
      <Typography.Paragraph className="mc-signin-tagline">{t('app.tagline')}</Typography.Paragraph>
    </section>
  );
}

/** The card's one step: reset a forgotten password, choose a new one, type the code, enrol, or sign in. */
function StepBody(props: {
  flow: ReturnType<typeof useSignInFlow>;
  form: FormInstance<Fields>;
  resetting: boolean;
  demoCode: string | undefined;
  setResetting: (r: boolean) => void;
  setResetDone: (d: boolean) => void;
}) {
  const { t } = useI18n();
  const { config } = useServices();
  const { flow, form, resetting, demoCode, setResetting, setResetDone } = props;
  const { pending, busy } = flow;
  return resetting ? (
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
      onSubmit={flow.submitNewPassword}
      onBack={flow.backToPassword}
    />
  ) : pending?.step === 'mfa-code' ? (
    <MfaCodeStep
      busy={busy}
      demoCode={demoCode}
      onSubmit={(code) => void flow.submitCode(code)}
      onBack={flow.backToPassword}
    />
  ) : pending?.step === 'mfa-setup' ? (
    <TotpEnrolment
      account={pending.email}
      issuer={issuerLabel(config.stage)}
      start={flow.startSetup}
      confirm={flow.confirmSetup}
      onCancel={flow.backToPassword}
      explain={flow.explainError}
    />
  ) : (
    <PasswordForm
      form={form}
      busy={busy}
      onSubmit={(f) => void flow.submit(f)}
      onForgot={() => {
        flow.setError(null);
        setResetDone(false);
        setResetting(true);
      }}
    />
  );
}

export function SignInPage() {
  const { t } = useI18n();
  const { config } = useServices();
  const current = useSession();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Fields>();
  // The card shows one step: sign in, choose a password after an invitation, or reset a forgotten one.
  const [resetting, setResetting] = useState(false);
  const [resetDone, setResetDone] = useState(false);
  const next = safeNext(params.get('next'));
  const flow = useSignInFlow(next);
  const { pending } = flow;
  const demoSecret =
    config.stage === 'local' && pending?.step === 'mfa-code'
      ? config.demo?.totp?.find((d) => d.email === pending.email.trim().toLowerCase())?.secret
      : undefined;
  const demoCode = useDemoCode(demoSecret);

  if (current && !flow.landing.current) return <Navigate to={next} replace />;

  const step = stepOf(pending, resetting);
  // Why they are here matters on the first step only.
  const why = pending ? undefined : reasonAlert(params.get('reason'), resetDone);
  return (
    <main className="mc-signin" id="main">
      <div className="mc-signin-lang">
        <LanguageSwitch />
      </div>
      <Brand />
      <Card className="mc-signin-card">
        <Typography.Title level={2} className="mc-card-title">
          {t(HEADING[step])}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(INTRO[step])}</Typography.Paragraph>
        {why ? <Alert type={why.type} showIcon title={t(why.key)} className="mc-gap" role="status" /> : null}
        {flow.error && !resetting ? (
          <Alert type="error" showIcon title={flow.error} className="mc-gap" role="alert" />
        ) : null}
        <StepBody
          flow={flow}
          form={form}
          resetting={resetting}
          demoCode={demoCode}
          setResetting={setResetting}
          setResetDone={setResetDone}
        />
        {!pending && !resetting && config.stage === 'local' && config.demo?.users.length ? (
          <DemoAccounts
            demo={config.demo}
            onPick={(email) => form.setFieldsValue({ email, password: config.demo?.password })}
          />
        ) : null}
      </Card>
    </main>
  );
}
