/**
 * Another file for an existing evidence, or (with `replacesFileId`) a new revision of one of its files: the
 * same pre-check and presigned PUT as the Uploader (`useRevisionUpload`), a large file in parts one after
 * another then completed. The old revision stays readable until the new one is checked by the server; the
 * caller polls the evidence meanwhile. No resume across a page reload (the Uploader on the page has that).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import { useRef } from 'react';
import type { Cycle } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { acceptAttribute } from '../upload-check.ts';
import type { EvidenceRef } from './api.ts';
import { useRevisionUpload } from './useRevisionUpload.ts';

export function FileRevisionUpload({
  evidenceRef,
  cycle,
  replacesFileId,
  label,
  onSent,
}: {
  evidenceRef: EvidenceRef;
  cycle: Cycle;
  replacesFileId?: string;
  label: string;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const { state, send, cancel } = useRevisionUpload({ evidenceRef, cycle, replacesFileId, onSent });

  const percent =
    state.step === 'sending' && state.total ? Math.round((state.loaded / state.total) * 100) : 0;
  return (
    <div className="mc-revision-upload">
      <Button
        size="small"
        icon={<UploadOutlined />}
        loading={state.step === 'sending'}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept={acceptAttribute(cycle.uploadLimits)}
        aria-label={label}
        data-testid="revision-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void send(f);
        }}
      />
      {state.step === 'sending' ? (
        <div role="status" aria-live="polite">
          <Progress
            size="small"
            percent={percent}
            status="active"
            aria-label={t('upload.progressLabel', { name: state.name })}
          />
          <Button size="small" onClick={cancel}>
            {t('upload.cancel')}
          </Button>
        </div>
      ) : state.step === 'sent' ? (
        <div className="mc-muted" role="status" data-testid="revision-sent">
          {t('ev.files.sent', { name: state.name })}
        </div>
      ) : state.step === 'failed' ? (
        <div className="mc-error-text" role="alert">
          {state.message}
        </div>
      ) : null}
    </div>
  );
}
