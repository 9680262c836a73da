/**
 * What an export job shows while it runs and once it is finished: the progress bar with the server's step in
 * the current language, then one download button per file (a fresh URL is asked for on click), the "reused"
 * note, the moment the data was read and the formula version; the API's message with Retry when it fails.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress } from 'antd';
import type { ExportJob, ExportJobView } from '../../api/types.ts';
import { formatBytes, formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState } from '../states.tsx';
import { progressStatus } from './model.ts';
import type { ExportJobState } from './useExportJob.ts';

export function ExportJobPanel({
  state,
  label,
  testId,
}: {
  state: ExportJobState;
  /** What is being exported, for the progress bar's accessible name. */
  label: string;
  testId: string;
}) {
  const { t, pick } = useI18n();
  const { view } = state;

  if (state.requestError) return <ErrorState error={state.requestError} onRetry={state.retry} />;
  if (!view) return null;
  const { job } = view;

  return (
    <div className="mc-export-job" data-testid={testId} data-state={job.state}>
      <Progress
        percent={Math.round(job.progress.percent)}
        status={progressStatus(job.state)}
        aria-label={t('dossier.progress', { file: label })}
        data-testid={`${testId}-progress`}
      />
      <div className="mc-muted" aria-live="polite" data-testid={`${testId}-step`}>
        {pick(job.progress.step)}
      </div>

      {state.pollError ? <ErrorState error={state.pollError} onRetry={state.retryPoll} /> : null}

      {job.state === 'failed' ? <JobFailed job={job} onRetry={state.retry} /> : null}
      {job.state === 'done' ? <JobDone state={state} view={view} testId={testId} /> : null}
    </div>
  );
}

/** A failed job: the server's reason, and Retry (a failed job is never reused, so it runs again). */
function JobFailed({ job, onRetry }: { job: ExportJob; onRetry: () => void }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('dossier.failed')}
      description={pick(job.error ?? job.progress.step)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      }
    />
  );
}

/** A finished job: its files (or that they are gone), the "reused" note and when the data was read. */
function JobDone({ state, view, testId }: { state: ExportJobState; view: ExportJobView; testId: string }) {
  const { t, lang } = useI18n();
  const { job } = view;
  return (
    <div className="mc-export-done">
      {view.downloads.length === 0 && !state.fetching ? (
        <Alert
          type="warning"
          showIcon
          title={t('dossier.gone')}
          action={
            <Button size="small" onClick={state.retry}>
              {t('dossier.again')}
            </Button>
          }
        />
      ) : null}
      {view.downloads.map((d) => (
        <Button
          key={`${d.part}/${d.fileName}`}
          type="primary"
          icon={<DownloadOutlined aria-hidden />}
          loading={state.downloading?.fileName === d.fileName}
          onClick={() => state.download(d)}
          className="mc-export-download"
          data-testid={`${testId}-download`}
        >
          <span className="mc-wrap">
            {t('dossier.download', { file: d.fileName, size: formatBytes(d.sizeBytes, lang) })}
          </span>
        </Button>
      ))}
      {state.reused ? (
        <Alert type="info" showIcon title={t('dossier.reused')} data-testid={`${testId}-reused`} />
      ) : null}
      <div className="mc-muted" data-testid={`${testId}-meta`}>
        {[
          job.readAt ? t('dossier.readAt', { time: formatDateTime(job.readAt) }) : undefined,
          job.formulaVersion ? t('dossier.formula', { version: job.formulaVersion }) : undefined,
          t('dossier.keptUntil', { date: formatDate(job.expiresAt) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {state.downloadError ? <ErrorState error={state.downloadError} /> : null}
    </div>
  );
}
