/**
 * Preview of one evidence file in a dialog that fits a 390 px phone: PDFs in a frame, JPEG/PNG as images,
 * other kinds as a "no preview, download" card. The bytes are fetched and shown from a `blob:` URL
 * (`usePreviewBytes`); quarantined or unfinished files are never fetched: the dialog says why (`PreviewBody`).
 */
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Modal, Select, Space } from 'antd';
import { useEffect, useId, useState } from 'react';
import type { FileView } from '../../api/evidence-view.ts';
import { useServices } from '../../app/context.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState } from '../states.tsx';
import { PreviewBody } from './PreviewBody.tsx';
import { type PreviewTarget, previewChoice, previewKey } from './preview-model.ts';
import { type Phase, usePreviewBytes } from './usePreviewBytes.ts';

export { type PreviewTarget, withFreshEvidence } from './preview-model.ts';

export function EvidencePreview({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [fileId, setFileId] = useState<string>();
  const direct = useDirectDownload();
  const fileSel = useId();

  const targetKey = previewKey(target);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another evidence or file is opened
  useEffect(() => {
    setFileId(target?.fileId);
    direct.setError(undefined);
  }, [targetKey]);

  const choice = previewChoice(target, fileId);
  const { files, file, revision } = choice;
  const { phase, retry } = usePreviewBytes(target, choice);
  const name = file?.fileName ?? '';
  const title = target ? (target.evidence.title ?? name) : '';

  return (
    <Modal
      open={!!target}
      onCancel={onClose}
      destroyOnHidden
      width={{ xs: '100%', md: 960 }}
      style={{ top: 16 }}
      className="mc-preview-modal"
      title={<span className="mc-wrap">{t('ev.preview.title', { name: title })}</span>}
      footer={
        <PreviewActions
          phase={phase}
          pdf={choice.kind === 'pdf'}
          file={file}
          onDownload={() => target && file && void direct.download(target, file)}
          onClose={onClose}
        />
      }
    >
      <div data-testid="evidence-preview">
        {files.length > 1 ? (
          <div className="mc-field mc-section">
            <label htmlFor={fileSel}>{t('ev.preview.file')}</label>
            <Select
              id={fileSel}
              value={file?.fileId}
              onChange={setFileId}
              options={files.map((f) => ({ value: f.fileId, label: f.fileName }))}
            />
          </div>
        ) : null}
        {file ? (
          <div className="mc-muted mc-wrap mc-preview-meta">
            {name} · {formatBytes(file.sizeBytes, lang)}
            {revision !== undefined && revision > 1 ? ` · ${t('ev.revision', { n: revision })}` : ''}
          </div>
        ) : null}
        <PreviewBody choice={choice} phase={phase} onRetry={retry} name={name} title={title} />
        {direct.error ? <ErrorState error={direct.error} /> : null}
      </div>
    </Modal>
  );
}

/**
 * Open in a tab (PDFs) and download the fetched bytes once shown; before that, a file with an available
 * revision is downloaded directly from a fresh presigned URL.
 */
function PreviewActions(props: {
  phase: Phase;
  pdf: boolean;
  file?: FileView;
  onDownload: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ready = props.phase.step === 'ready' ? props.phase : undefined;
  return (
    <Space wrap className="mc-preview-actions">
      {ready && props.pdf ? (
        <Button icon={<ExportOutlined />} href={ready.url} target="_blank" rel="noopener">
          {t('ev.preview.openTab')}
        </Button>
      ) : null}
      {ready ? (
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={ready.url}
          download={props.file?.fileName ?? ''}
        >
          {t('ev.preview.download')}
        </Button>
      ) : props.file && props.file.revision !== undefined ? (
        <Button type="primary" icon={<DownloadOutlined />} onClick={props.onDownload}>
          {t('ev.preview.download')}
        </Button>
      ) : null}
      <Button onClick={props.onClose}>{t('ev.close')}</Button>
    </Space>
  );
}

/** The current revision through the browser's own download (the presigned URL's attachment disposition). */
function useDirectDownload() {
  const { api } = useServices();
  const [error, setError] = useState<unknown>();
  const download = async (target: PreviewTarget, file: FileView) => {
    setError(undefined);
    try {
      const { url } = await api.call('downloadEvidenceFile', {
        params: {
          cycleId: target.cycleId,
          entityId: target.entityId,
          evidenceId: target.evidence.evidenceId,
          fileId: file.fileId,
        },
      });
      window.location.assign(url);
    } catch (e) {
      setError(e);
    }
  };
  return { download, error, setError };
}
