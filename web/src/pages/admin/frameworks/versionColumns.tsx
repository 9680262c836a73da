/**
 * A framework's versions table: version (a link to its tree), status, node count, declared total, publication
 * date, and the actions (view the tree, export .xlsx or JSON, publish a draft behind a confirmation).
 */
import { DownloadOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { versionLink } from '../../../common/admin/frameworks.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { StatusTag } from './FrameworkTags.tsx';
import type { VersionSummary } from './model.ts';
import type { useDownloads } from './useDownloads.ts';
import type { usePublish } from './usePublish.tsx';

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

/** The table's downloads and publishing, shared by its rows (one busy file, one confirmation at a time). */
export interface VersionActionsState {
  downloads: ReturnType<typeof useDownloads>;
  publish: ReturnType<typeof usePublish>;
}

function VersionActions({ id, v, actions }: { id: string; v: VersionSummary; actions: VersionActionsState }) {
  const { t } = useI18n();
  const { downloads, publish } = actions;
  return (
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
  );
}

export function useVersionColumns(
  id: string,
  actions: VersionActionsState,
): TableColumnsType<VersionSummary> {
  const { t, lang } = useI18n();
  return [
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
      render: (_, v) => <VersionActions id={id} v={v} actions={actions} />,
    },
  ];
}
