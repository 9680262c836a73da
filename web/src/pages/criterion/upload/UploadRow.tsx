/** One file in the uploader's queue: name, size and slot, cancel / retry / remove, progress, status and issues. */
import { CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Progress, Tag } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type MessageKey, vi } from '../../../i18n/messages.ts';
import { IN_FLIGHT, type Item, type Message, progressStatus, STATUS_COLOR } from './upload-model.ts';

export function UploadRow(props: {
  it: Item;
  bytes: (n: number) => string;
  slotLabel: (kind: string) => string;
  onCancel: () => void;
  onRetry: () => void;
  onRemove: () => void;
}) {
  const { t, pick } = useI18n();
  const { it, bytes } = props;
  const percent = it.file.size ? Math.round((it.loaded / it.file.size) * 100) : 0;
  const inFlight = IN_FLIGHT.includes(it.status);
  const statusText =
    it.status === 'uploading'
      ? `${t('upload.status.uploading', { percent: `${percent}%` })}${it.part && it.part.total > 1 ? ` · ${t('upload.part', it.part)}` : ''}`
      : t(`upload.status.${it.status}`);
  const message = (m: Message) => ('key' in m ? t(m.key, m.vars) : pick(m.text));
  const fieldLabel = (field: string) => {
    const key = `upload.field.${field}`;
    return key in vi ? t(key as MessageKey) : field;
  };
  return (
    <li className="mc-upload-item" data-testid="upload-item" data-status={it.status}>
      <div className="mc-upload-row">
        <div className="mc-upload-name">
          <strong className="mc-wrap">{it.file.name}</strong>
          <span className="mc-muted">
            {bytes(it.file.size)}
            {it.documentType ? ` · ${props.slotLabel(it.documentType)}` : ''}
          </span>
        </div>
        <div className="mc-upload-actions">
          {it.status === 'uploading' || it.status === 'requesting' ? (
            <Button size="small" icon={<CloseOutlined />} onClick={props.onCancel}>
              {t('upload.cancel')}
            </Button>
          ) : null}
          {it.status === 'failed' || it.status === 'cancelled' ? (
            <Button size="small" icon={<ReloadOutlined />} onClick={props.onRetry}>
              {t('upload.retry')}
            </Button>
          ) : null}
          {!inFlight ? (
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={`${t('upload.remove')}: ${it.file.name}`}
              onClick={props.onRemove}
            />
          ) : null}
        </div>
      </div>
      <Progress
        percent={it.status === 'done' || it.status === 'finalizing' ? 100 : percent}
        status={progressStatus(it.status)}
        size="small"
        aria-label={t('upload.progressLabel', { name: it.file.name })}
        format={(p) => `${p ?? 0}%`}
      />
      <div className="mc-upload-status" role="status" aria-live="polite">
        <Tag color={STATUS_COLOR[it.status]}>{statusText}</Tag>
        {it.error ? <span className="mc-error-text">{message(it.error)}</span> : null}
        {it.slow ? <span className="mc-muted">{t('upload.status.slow')}</span> : null}
        {it.status === 'quarantined' && it.evidence?.quarantineReason ? (
          <span className="mc-error-text">{pick(it.evidence.quarantineReason)}</span>
        ) : null}
      </div>
      {it.issues?.length ? (
        <ul className="mc-issues">
          {it.issues.map((issue) => (
            <li key={issue.field} className="mc-error-text">
              <strong>{fieldLabel(issue.field)}:</strong> {pick(issue.message)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
