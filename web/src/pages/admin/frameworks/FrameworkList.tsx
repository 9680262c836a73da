/**
 * Every framework with its versions: draft or published, node count, publication date, whether its numbers
 * are confirmed or a sample; per version: view the tree, export (.xlsx, JSON), publish a draft.
 */
import { Card, Table, Tag } from 'antd';
import { useFrameworkHeads, useFrameworkVersions } from '../../../common/admin/frameworks.ts';
import { EmptyState, ErrorState, Loading } from '../../../common/states.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ProvenanceTag } from './FrameworkTags.tsx';
import type { FrameworkHead, VersionSummary } from './model.ts';
import { useDownloads } from './useDownloads.ts';
import { usePublish } from './usePublish.tsx';
import { useVersionColumns } from './versionColumns.tsx';

// The tags live in FrameworkTags.tsx (the versions' columns use them too); still importable from here.
export { ProvenanceTag, StatusTag } from './FrameworkTags.tsx';

function Versions({ head }: { head: FrameworkHead }) {
  const downloads = useDownloads();
  const publish = usePublish();
  const versions = useFrameworkVersions(head.frameworkId);
  const columns = useVersionColumns(head.frameworkId, { downloads, publish });
  if (versions.isPending) return <Loading rows={1} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data.items.length) return <EmptyState />;
  return (
    <div data-testid={`versions-${head.frameworkId}`}>
      <Table<VersionSummary>
        size="small"
        rowKey={(v) => String(v.version)}
        columns={columns}
        dataSource={versions.data.items}
        pagination={false}
      />
    </div>
  );
}

export function FrameworkList() {
  const { t, pick } = useI18n();
  const heads = useFrameworkHeads();
  if (heads.isPending) return <Loading rows={4} />;
  if (heads.isError) return <ErrorState error={heads.error} onRetry={() => void heads.refetch()} />;
  if (!heads.data.length)
    return (
      <Card>
        <EmptyState>{t('setup.fw.none')}</EmptyState>
      </Card>
    );
  return (
    <ul className="mc-setup-cards" aria-label={t('setup.fw.listLabel')}>
      {heads.data.map((h) => (
        <li key={h.frameworkId} data-testid="framework-card" data-framework={h.frameworkId}>
          <Card
            size="small"
            title={
              <span className="mc-wrap mc-setup-card-title">
                {pick(h.name)} <code className="mc-setup-code">{h.frameworkId}</code>
              </span>
            }
          >
            <div className="mc-setup-tags">
              <Tag>{t(`setup.index.${h.index}`)}</Tag>
              <ProvenanceTag provenance={h.provenance} />
              <span className="mc-muted">
                {t('setup.fw.latest', { version: h.latestVersion })}
                {h.latestPublishedVersion
                  ? ` · ${t('setup.fw.latestPublished', { version: h.latestPublishedVersion })}`
                  : ` · ${t('setup.fw.nonePublished')}`}
              </span>
            </div>
            <Versions head={h} />
          </Card>
        </li>
      ))}
    </ul>
  );
}
