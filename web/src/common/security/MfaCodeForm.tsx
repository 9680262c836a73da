/**
 * The 6-digit code from the authenticator app: at sign-in (SOFTWARE_TOKEN_MFA) and to confirm an enrolment.
 * Spaces and dashes a user types or pastes are ignored; the one-time-code autocomplete lets phones fill it.
 */
import { LoadingOutlined, NumberOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { cleanCode } from '../../auth/totp.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function MfaCodeForm(props: {
  busy: boolean;
  submitLabel: string;
  testId: string;
  onSubmit(code: string): void;
  /** Fills the field (the local stack's demo code). */
  fill?: string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => {
    if (props.fill) form.setFieldsValue({ code: props.fill });
  }, [props.fill, form]);
  return (
    <Form<{ code: string }>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={props.busy}
      data-testid={props.testId}
      onFinish={({ code }) => {
        const c = cleanCode(code);
        if (c) props.onSubmit(c);
      }}
    >
      <Form.Item
        name="code"
        label={t('mfa.code.field')}
        rules={[
          {
            required: true,
            validator: (_, v: string | undefined) =>
              cleanCode(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('mfa.code.invalid'))),
          },
        ]}
      >
        <Input
          prefix={<NumberOutlined aria-hidden />}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={9}
          size="large"
          autoFocus
        />
      </Form.Item>
      {props.extra}
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
    </Form>
  );
}
