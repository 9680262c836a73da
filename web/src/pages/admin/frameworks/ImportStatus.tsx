/**
 * What the import says while it works (announced politely): a file refused in the browser, the server still
 * checking, a failed preview, and a committed draft with its "publish" and "view the tree" actions.
 */
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { versionLink } from '../../../common/admin/frameworks.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ImportState } from './useImport.ts';

function Committed({
  framework,
  publish,
}: {
  framework: { frameworkId: string; version: number };
  publish: ImportState['publish'];
}) {
  const { t } = useI18n();
  const { frameworkId: id, version } = framework;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="import-committed"
      title={t('setup.import.committed', { id, version })}
      description={t('setup.import.committedHint')}
      action={
        <div className="mc-setup-actions">
          <Button
            type="primary"
            size="small"
            loading={publish.pending}
            onClick={() => publish.confirm(id, version)}
          >
            {t('setup.publish.button')}
          </Button>
          <Link to={versionLink(id, version)}>{t('setup.import.viewTree')}</Link>
        </div>
      }
    />
  );
}

export function ImportStatus({ state }: { state: ImportState }) {
  const { t, pick } = useI18n();
  const { localError, preview, chosen, committed } = state;
  return (
    <div aria-live="polite" className="mc-setup-import-status">
      {localError ? <Alert type="error" showIcon role="alert" title={localError} className="mc-gap" /> : null}
      {preview.isPending ? (
        <Alert type="info" showIcon title={t('setup.import.checking', { name: chosen?.name ?? '' })} />
      ) : null}
      {preview.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('setup.import.previewFailed')}
          description={preview.error instanceof ApiError ? pick(preview.error.text) : t('error.network')}
        />
      ) : null}
      {committed?.framework ? <Committed framework={committed.framework} publish={state.publish} /> : null}
    </div>
  );
}
