/**
 * Preview of one evidence file in a dialog that fits a 390 px phone: PDFs in a frame, JPEG/PNG as images,
 * other kinds as a "no preview, download" card. The download route answers a short-lived presigned URL whose
 * `Content-Disposition: attachment` would make the browser save the file rather than show it, so the bytes
 * are fetched (with progress) and shown from a `blob:` URL, which the CSP allows in frame-src and img-src.
 * Quarantined or unfinished files are never fetched: the dialog says why.
 */
import { DownloadOutlined, ExportOutlined, FileOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Progress, Select, Space } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { type FileView, filesOf, mimeOfKind, previewKindOf } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState } from '../states.tsx';

/**
 * The target with its evidence as the latest list has it: a preview opened while the file was still being
 * checked starts loading by itself once the list's polling sees it available.
 */
export function withFreshEvidence(
  target: PreviewTarget | null,
  items: readonly Evidence[],
): PreviewTarget | null {
  if (!target) return null;
  const fresh = items.find((e) => e.evidenceId === target.evidence.evidenceId);
  return fresh ? { ...target, evidence: fresh } : target;
}

export interface PreviewTarget {
  cycleId: string;
  entityId: string;
  evidence: Evidence;
  /** Which file (default: the first); a revision other than the current one from the history. */
  fileId?: string;
  revision?: number;
}

/** No byte for this long: the connection is considered dropped. */
const STALL_MS = 45_000;

class FetchFailed extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`GET ${status}`);
    this.status = status;
  }
}

type Phase =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'loading'; loaded: number; total: number }
  | { step: 'ready'; url: string; bytes: number }
  | { step: 'error'; error: unknown };

/** Reads a response body chunk by chunk so a slow line shows how far it has got. */
async function readWithProgress(
  res: Response,
  type: string,
  total: number,
  onProgress: (loaded: number) => void,
): Promise<Blob> {
  if (!res.body) return new Blob([await res.arrayBuffer()], { type });
  const reader = res.body.getReader();
  const chunks: BlobPart[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(Math.min(loaded, total || loaded));
  }
  return new Blob(chunks, { type });
}

export function EvidencePreview({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  const { t, lang, pick } = useI18n();
  const { api } = useServices();
  const files = target ? filesOf(target.evidence) : [];
  const [fileId, setFileId] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [downloadError, setDownloadError] = useState<unknown>();
  const objectUrl = useRef<string | undefined>(undefined);
  const fileSel = useId();

  // A new target starts on its requested file.
  const targetKey = target
    ? `${target.evidence.evidenceId}:${target.fileId ?? ''}:${target.revision ?? ''}`
    : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another evidence or file is opened
  useEffect(() => {
    setFileId(target?.fileId);
    setDownloadError(undefined);
  }, [targetKey]);

  const file: FileView | undefined = files.find((f) => f.fileId === fileId) ?? files[0];
  const revision = target?.revision ?? file?.revision;
  const kind = file ? previewKindOf(file.kind) : 'none';
  const quarantined = !!file && file.revision === undefined && file.latestState === 'quarantined';
  const unfinished = !!file && file.revision === undefined && !quarantined;
  const canPreview = !!target && !!file && revision !== undefined && kind !== 'none';

  const release = useCallback(() => {
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = undefined;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one fetch per file, revision and retry
  useEffect(() => {
    release();
    if (!canPreview || !target || !file) {
      setPhase({ step: 'idle' });
      return;
    }
    const controller = new AbortController();
    // A line that stops delivering (not a slow one: any byte re-arms it) ends in an error with Retry.
    let stalled = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, STALL_MS);
    };
    (async () => {
      setPhase({ step: 'asking' });
      arm();
      try {
        const answer = await api.call('downloadEvidenceFile', {
          params: {
            cycleId: target.cycleId,
            entityId: target.entityId,
            evidenceId: target.evidence.evidenceId,
            fileId: file.fileId,
          },
          query: { revision },
          signal: controller.signal,
        });
        const total = answer.sizeBytes ?? file.sizeBytes;
        setPhase({ step: 'loading', loaded: 0, total });
        let res: Response;
        try {
          res = await fetch(answer.url, { signal: controller.signal });
        } catch (e) {
          if ((e as Error).name === 'AbortError') throw e;
          throw new FetchFailed(0);
        }
        if (!res.ok) throw new FetchFailed(res.status);
        const blob = await readWithProgress(res, mimeOfKind(file.kind), total, (loaded) => {
          arm();
          setPhase({ step: 'loading', loaded, total });
        });
        clearTimeout(watchdog);
        if (controller.signal.aborted) return;
        objectUrl.current = URL.createObjectURL(blob);
        setPhase({ step: 'ready', url: objectUrl.current, bytes: blob.size });
      } catch (e) {
        clearTimeout(watchdog);
        if (stalled) return setPhase({ step: 'error', error: new FetchFailed(0) });
        if (controller.signal.aborted || (e as Error).name === 'AbortError') return;
        setPhase({ step: 'error', error: e });
      }
    })();
    return () => {
      clearTimeout(watchdog);
      controller.abort();
      release();
    };
  }, [targetKey, file?.fileId, revision, canPreview, attempt]);

  const download = async () => {
    if (!target || !file) return;
    setDownloadError(undefined);
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
      setDownloadError(e);
    }
  };

  const name = file?.fileName ?? '';
  const title = target ? (target.evidence.title ?? name) : '';
  const ready = phase.step === 'ready' ? phase : undefined;

  const body = () => {
    if (!file) return <Alert type="info" showIcon title={t('ev.preview.noFile')} />;
    if (quarantined)
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="preview-quarantined"
          title={t('ev.preview.quarantined')}
          description={file.quarantineReason ? pick(file.quarantineReason) : t('ev.preview.quarantinedWhy')}
        />
      );
    if (unfinished) return <Alert type="info" showIcon title={t('ev.preview.unfinished')} />;
    if (kind === 'none')
      return (
        <div className="mc-preview-none" data-testid="preview-none">
          <FileOutlined className="mc-preview-none-icon" aria-hidden />
          <p>{t('ev.preview.none')}</p>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'name',
                label: t('ev.preview.fileName'),
                children: <span className="mc-wrap">{name}</span>,
              },
              { key: 'size', label: t('evidence.size'), children: formatBytes(file.sizeBytes, lang) },
              { key: 'type', label: t('ev.preview.fileType'), children: file.kind.toUpperCase() || '—' },
            ]}
          />
        </div>
      );
    if (phase.step === 'error') {
      const error =
        phase.error instanceof FetchFailed ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('state.error')}
            description={
              phase.error.status === 403
                ? t('ev.preview.expired')
                : phase.error.status
                  ? t('ev.preview.fetchFailed', { status: phase.error.status })
                  : t('error.network')
            }
          />
        ) : (
          <ErrorState error={phase.error} />
        );
      return (
        <div data-testid="preview-error">
          {error}
          <Button className="mc-section" onClick={() => setAttempt((n) => n + 1)}>
            {t('state.retry')}
          </Button>
        </div>
      );
    }
    if (!ready) {
      const loading = phase.step === 'loading' ? phase : undefined;
      const percent = loading?.total ? Math.round((loading.loaded / loading.total) * 100) : 0;
      return (
        <div className="mc-preview-loading" role="status" aria-live="polite" data-testid="preview-loading">
          <div>
            {loading
              ? t('ev.preview.loading', {
                  loaded: formatBytes(loading.loaded, lang),
                  total: formatBytes(loading.total, lang),
                })
              : t('ev.preview.asking')}
          </div>
          <Progress percent={percent} status="active" aria-label={t('ev.preview.progress', { name })} />
        </div>
      );
    }
    return (
      <div className="mc-preview-body" data-testid="preview-ready" data-bytes={ready.bytes} data-kind={kind}>
        {kind === 'pdf' ? (
          <>
            <iframe
              className="mc-preview-frame"
              src={ready.url}
              title={t('ev.preview.frameTitle', { name })}
            />
            <div className="mc-muted">{t('ev.preview.pdfHint')}</div>
          </>
        ) : (
          <img className="mc-preview-image" src={ready.url} alt={title || name} />
        )}
      </div>
    );
  };

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
        <Space wrap className="mc-preview-actions">
          {ready && kind === 'pdf' ? (
            <Button icon={<ExportOutlined />} href={ready.url} target="_blank" rel="noopener">
              {t('ev.preview.openTab')}
            </Button>
          ) : null}
          {ready ? (
            <Button type="primary" icon={<DownloadOutlined />} href={ready.url} download={name}>
              {t('ev.preview.download')}
            </Button>
          ) : file && file.revision !== undefined ? (
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => void download()}>
              {t('ev.preview.download')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('ev.close')}</Button>
        </Space>
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
        {body()}
        {downloadError ? <ErrorState error={downloadError} /> : null}
      </div>
    </Modal>
  );
}
