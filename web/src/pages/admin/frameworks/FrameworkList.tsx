/**
 * Every framework with its versions: draft or published, node count, publication date, whether its numbers
 * are confirmed or a sample; per version: view the tree, export (.xlsx, JSON), publish a draft.
 */
import { DownloadOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { useFrameworkHeads, useFrameworkVersions, versionLink } from '../../../common/admin/frameworks.ts';
import { EmptyState, ErrorState, Loading } from '../../../common/states.tsx';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { FrameworkHead, VersionSummary } from './model.ts';
import { useDownloads } from './useDownloads.ts';
import { usePublish } from './usePublish.tsx';

export function ProvenanceTag({ provenance }: { provenance: 'confirmed' | 'sample' }) {
  const { t } = useI18n();
  return (
    <Tag color={provenance === 'confirmed' ? 'green' : 'gold'} data-testid="provenance">
      {t(`setup.provenance.${provenance}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: 'draft' | 'published' }) {
  const { t } = useI18n();
  return (
    <Tag
      color={status === 'published' ? 'blue' : 'default'}
      data-testid="version-status"
      data-status={status}
    >
      {t(`setup.status.${status}`)}
    </Tag>
  );
}

/** The version's declared total (read with the version itself, cached for its page). */
function VersionTotal({ frameworkId, version }: { frameworkId: string; version: number }) {
  const { lang } = useI18n();
  const { api } = useServices();
  const fw = useQuery({
    queryKey: queryKeys.framework(frameworkId, version),
    queryFn: () => api.call('getFrameworkVersion', { params: { frameworkId, version: String(version) } }),
  });
  if (fw.isPending) return <span className="mc-muted">…</span>;
  if (fw.isError || fw.data.totalPoints === undefined) return <span className="mc-muted">—</span>;
  return <>{formatNumber(fw.data.totalPoints, lang)}</>;
}

function Versions({ head }: { head: FrameworkHead }) {
  const { t, lang } = useI18n();
  const downloads = useDownloads();
  const publish = usePublish();
  const versions = useFrameworkVersions(head.frameworkId);
  if (versions.isPending) return <Loading rows={1} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data.items.length) return <EmptyState />;
  const id = head.frameworkId;
  const columns: TableColumnsType<VersionSummary> = [
    {
      key: 'version',
      title: t('setup.fw.version'),
      width: 110,
      render: (_, v) => (
        <Link
          to={versionLink(id, v.version)}
          aria-label={t('setup.fw.viewVersion', { id, version: v.version })}
        >
          {t('setup.fw.versionN', { version: v.version })}
        </Link>
      ),
    },
    { key: 'status', title: t('setup.fw.status'), render: (_, v) => <StatusTag status={v.status} /> },
    {
      key: 'nodes',
      title: t('setup.fw.nodes'),
      align: 'right',
      responsive: ['sm'],
      render: (_, v) => formatNumber(v.nodeCount, lang),
    },
    {
      key: 'total',
      title: t('setup.meta.totalPoints'),
      align: 'right',
      responsive: ['md'],
      render: (_, v) => <VersionTotal frameworkId={id} version={v.version} />,
    },
    {
      key: 'published',
      title: t('setup.fw.publishedAt'),
      responsive: ['md'],
      render: (_, v) => (v.publishedAt ? formatDate(v.publishedAt) : '—'),
    },
    {
      key: 'actions',
      title: t('setup.fw.actions'),
      render: (_, v) => (
        <Space wrap size={4}>
          <Link
            to={versionLink(id, v.version)}
            className="mc-setup-link"
            aria-label={t('setup.fw.viewTreeOf', { id, version: v.version })}
          >
            <EyeOutlined aria-hidden /> {t('setup.fw.view')}
          </Link>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloads.busy === `${id}@${v.version}.xlsx`}
            aria-label={t('setup.fw.exportXlsxOf', { id, version: v.version })}
            onClick={() => void downloads.exportVersion(id, v.version, 'xlsx')}
          >
            Excel
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={downloads.busy === `${id}@${v.version}.json`}
            aria-label={t('setup.fw.exportJsonOf', { id, version: v.version })}
            onClick={() => void downloads.exportVersion(id, v.version, 'json')}
          >
            JSON
          </Button>
          {v.status === 'draft' ? (
            <Button
              size="small"
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={publish.pending}
              aria-label={t('setup.publish.of', { id, version: v.version })}
              onClick={() => publish.confirm(id, v.version)}
            >
              {t('setup.publish.button')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid={`versions-${id}`}>
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
