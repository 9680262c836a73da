/** The reviewer's "Không chấp nhận" form: the required reason (with its hint and problem) and send / cancel. */
import { Button, Input, Space } from 'antd';
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  reason: string;
  reasonError?: string;
  sending: boolean;
  onReason: (value: string) => void;
  onSend: () => void;
  onCancel: () => void;
}

export function RejectReasonForm({ reason, reasonError, sending, onReason, onSend, onCancel }: Props) {
  const { t } = useI18n();
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <form
      className="mc-reject-form"
      data-testid="evidence-reject-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <div className="mc-field">
        <label htmlFor={reasonId}>{t('evr.reason')}</label>
        <div id={hintId} className="mc-muted">
          {t('evr.reasonHint')}
        </div>
        <Input.TextArea
          id={reasonId}
          rows={2}
          maxLength={1000}
          value={reason}
          status={reasonError ? 'error' : undefined}
          aria-describedby={reasonError ? `${hintId} ${errorId}` : hintId}
          aria-invalid={reasonError ? true : undefined}
          onChange={(e) => onReason(e.target.value)}
        />
        {reasonError ? (
          <div id={errorId} className="mc-error-text" role="alert">
            {reasonError}
          </div>
        ) : null}
      </div>
      <Space size={4} wrap>
        <Button size="small" danger type="primary" htmlType="submit" loading={sending}>
          {t('evr.sendReject')}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t('evr.cancel')}
        </Button>
      </Space>
    </form>
  );
}
