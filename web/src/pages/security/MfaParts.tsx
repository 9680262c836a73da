/** The parts of "Bảo mật"'s card: the state the API reported, the gate still down, and what the user can do. */
import { Alert, Button, Popconfirm, Space, Tag } from 'antd';
import type { MfaStatus } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** On or off, whether the user's role requires it, and when the API checked. */
export function MfaStatusLine({ status }: { status: MfaStatus }) {
  const { t } = useI18n();
  return (
    <Space wrap className="mc-gap" data-testid="mfa-status">
      <Tag color={status.enabled ? 'success' : 'default'}>
        {status.enabled ? t('security.mfa.on') : t('security.mfa.off')}
      </Tag>
      <span className="mc-muted">
        {status.required ? t('security.mfa.requiredForAdmins') : t('security.mfa.optional')}
      </span>
      <span className="mc-muted">
        {t('security.mfa.checkedAt', { time: formatDateTime(status.checkedAt) })}
      </span>
    </Space>
  );
}

/** TOTP is on but the API still refuses (its check has not lifted the gate): check again. */
export function StillRefused({ checking, onRecheck }: { checking: boolean; onRecheck(): void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      className="mc-gap"
      title={t('security.mfa.stillRefused')}
      action={
        <Button size="small" loading={checking} onClick={onRecheck}>
          {t('security.mfa.recheck')}
        </Button>
      }
    />
  );
}

/**
 * Start (or replace) the authenticator; turn it off where the role does not require it; with `onContinue`,
 * go back to the page the user came from.
 */
export function MfaActions(props: {
  status: MfaStatus;
  turningOff: boolean;
  onEnrol(): void;
  onTurnOff(): void;
  onContinue?(): void;
}) {
  const { t } = useI18n();
  const { enabled, required } = props.status;
  return (
    <Space wrap className="mc-gap">
      {enabled ? (
        <Button onClick={props.onEnrol}>{t('security.mfa.replace')}</Button>
      ) : (
        <Button type="primary" onClick={props.onEnrol}>
          {t('security.mfa.start')}
        </Button>
      )}
      {enabled && !required ? (
        <Popconfirm
          title={t('security.mfa.turnOffConfirm')}
          description={t('security.mfa.turnOffExplain')}
          okText={t('security.mfa.turnOff')}
          okButtonProps={{ danger: true }}
          cancelText={t('people.cancel')}
          onConfirm={props.onTurnOff}
        >
          <Button danger loading={props.turningOff}>
            {t('security.mfa.turnOff')}
          </Button>
        </Popconfirm>
      ) : null}
      {props.onContinue ? (
        <Button type="primary" onClick={props.onContinue}>
          {t('security.mfa.continue')}
        </Button>
      ) : null}
    </Space>
  );
}
