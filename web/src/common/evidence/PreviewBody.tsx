/**
 * What the preview dialog shows for its file: why there is nothing to show (no file, quarantined, unfinished,
 * a kind the browser cannot show), the fetch's progress or error with Retry, or the PDF / image itself.
 */
import { FileOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress } from 'antd';
import type { FileView } from '../../api/evidence-view.ts';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState } from '../states.tsx';
import type { PreviewChoice } from './preview-model.ts';
import { FetchFailed, type Phase } from './usePreviewBytes.ts';

interface Props {
  choice: PreviewChoice;
  phase: Phase;
  onRetry: () => void;
  /** The file's name and the evidence's title (the image's alternative text). */
  name: string;
  title: string;
}

export function PreviewBody({ choice, phase, onRetry, name, title }: Props) {
  const { t, pick } = useI18n();
  const { file, kind } = choice;
  if (!file) return <Alert type="info" showIcon title={t('ev.preview.noFile')} />;
  if (choice.quarantined)
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
  if (choice.unfinished) return <Alert type="info" showIcon title={t('ev.preview.unfinished')} />;
  if (kind === 'none') return <NoPreview file={file} name={name} />;
  if (phase.step === 'error') return <PreviewError error={phase.error} onRetry={onRetry} />;
  if (phase.step !== 'ready') return <PreviewLoading phase={phase} name={name} />;
  return (
    <div className="mc-preview-body" data-testid="preview-ready" data-bytes={phase.bytes} data-kind={kind}>
      {kind === 'pdf' ? (
        <>
          <iframe className="mc-preview-frame" src={phase.url} title={t('ev.preview.frameTitle', { name })} />
          <div className="mc-muted">{t('ev.preview.pdfHint')}</div>
        </>
      ) : (
        <img className="mc-preview-image" src={phase.url} alt={title || name} />
      )}
    </div>
  );
}

/** A kind the browser cannot show: the file's name, size and type, to download instead. */
function NoPreview({ file, name }: { file: FileView; name: string }) {
  const { t, lang } = useI18n();
  return (
    <div className="mc-preview-none" data-testid="preview-none">
      <FileOutlined className="mc-preview-none-icon" aria-hidden />
      <p>{t('ev.preview.none')}</p>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('ev.preview.fileName'), children: <span className="mc-wrap">{name}</span> },
          { key: 'size', label: t('evidence.size'), children: formatBytes(file.sizeBytes, lang) },
          { key: 'type', label: t('ev.preview.fileType'), children: file.kind.toUpperCase() || '—' },
        ]}
      />
    </div>
  );
}

/** The store's GET failed (expired link, its status, or the line) or the API refused; Retry fetches again. */
function PreviewError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="preview-error">
      {error instanceof FetchFailed ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('state.error')}
          description={
            error.status === 403
              ? t('ev.preview.expired')
              : error.status
                ? t('ev.preview.fetchFailed', { status: error.status })
                : t('error.network')
          }
        />
      ) : (
        <ErrorState error={error} />
      )}
      <Button className="mc-section" onClick={onRetry}>
        {t('state.retry')}
      </Button>
    </div>
  );
}

function PreviewLoading({ phase, name }: { phase: Phase; name: string }) {
  const { t, lang } = useI18n();
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
