/**
 * Admin — frameworks (bộ chỉ số): the list with every version, the blank template, the import (preview with
 * row errors, then commit, then publish) and, with `?fw=<id>&v=<n>`, one version's tree.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FrameworkList } from './FrameworkList.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { useDownloads } from './useDownloads.ts';
import { VersionView } from './VersionView.tsx';

export function AdminFrameworksPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const downloads = useDownloads();
  const frameworkId = params.get('fw');
  const version = Number(params.get('v'));

  return (
    <div className="mc-page" data-testid="admin-frameworks">
      <Typography.Title level={1} className="mc-page-title">
        {t('setup.fw.title')}
      </Typography.Title>
      {frameworkId && Number.isInteger(version) && version > 0 ? (
        <VersionView key={`${frameworkId}@${version}`} frameworkId={frameworkId} version={version} />
      ) : (
        <>
          <section aria-labelledby="import-title" className="mc-section">
            <div className="mc-setup-row">
              <Typography.Title level={2} id="import-title" className="mc-section-title">
                {t('setup.import.title')}
              </Typography.Title>
              <Button
                icon={<DownloadOutlined />}
                loading={downloads.busy === 'template'}
                onClick={() => void downloads.template()}
              >
                {t('setup.fw.template')}
              </Button>
            </div>
            <p className="mc-muted">{t('setup.import.intro')}</p>
            <ImportPanel />
          </section>
          <section aria-labelledby="frameworks-title" className="mc-section">
            <Typography.Title level={2} id="frameworks-title" className="mc-section-title">
              {t('setup.fw.listTitle')}
            </Typography.Title>
            <FrameworkList />
          </section>
        </>
      )}
    </div>
  );
}
