/**
 * One stored version: what it is (code, version, status, confirmed or sample, years, aggregation, declared
 * total, bands, sources), how it maps the previous version's codes, and its whole tree, searchable without
 * diacritics. Export and publish from here too.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { ErrorState, Loading } from '../../../common/states.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type MappingEntry, nodeSearchText, type VersionNode } from './model.ts';
import { NodeTree, type TreeNode } from './NodeTree.tsx';
import { VersionMeta } from './VersionMeta.tsx';

const PERIODS = ['year', 'half-year', 'quarter', 'month', 'any'] as const;
const LEVELS = ['ministry', 'province', 'entity', 'unit', 'any'] as const;

function NodeDetails({ node }: { node: VersionNode }) {
  const { t, pick, lang } = useI18n();
  const guide = node.guide ?? [];
  if (!guide.length && !node.slots.length && !node.description && !node.appliesTo) return null;
  const parts = [
    guide.length ? t('setup.tree.guideN', { count: guide.length }) : undefined,
    node.slots.length ? t('setup.tree.slotsN', { count: node.slots.length }) : undefined,
    node.description ? t('setup.tree.description') : undefined,
  ].filter(Boolean);
  return (
    <details className="mc-setup-details">
      <summary>{parts.length ? parts.join(' · ') : t('setup.tree.more')}</summary>
      {node.description ? <p className="mc-wrap">{pick(node.description)}</p> : null}
      {node.appliesTo ? (
        <p>
          {t('setup.tree.appliesTo')}: {node.appliesTo.map((a) => t(`setup.entityType.${a}`)).join(', ')}
        </p>
      ) : null}
      {guide.length ? (
        <>
          <div className="mc-setup-details-head">{t('setup.tree.guide')}</div>
          <ul className="mc-setup-list">
            {guide.map((g) => (
              <li key={`${g.points}-${g.label.vi}`} className="mc-wrap">
                <strong>{t('setup.tree.pointsShort', { points: formatNumber(g.points, lang) })}</strong>:{' '}
                {pick(g.label)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {node.slots.length ? (
        <>
          <div className="mc-setup-details-head">{t('setup.tree.slotsTitle')}</div>
          <ul className="mc-setup-list">
            {node.slots.map((s) => (
              <li key={s.kind} className="mc-wrap">
                {pick(s.label)} <code className="mc-setup-code">{s.kind}</code> ·{' '}
                {t('setup.tree.minCount', { count: s.minCount })}
                {s.period && PERIODS.includes(s.period) ? ` · ${t(`setup.period.${s.period}`)}` : ''}
                {s.issuingLevel && LEVELS.includes(s.issuingLevel)
                  ? ` · ${t(`setup.level.${s.issuingLevel}`)}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

export function MappingTable({ fromVersion, entries }: { fromVersion: number; entries: MappingEntry[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="mapping-title" className="mc-section" data-testid="mapping">
      <Typography.Title level={3} id="mapping-title" className="mc-section-title">
        {t('setup.mapping.title', { version: fromVersion })}
      </Typography.Title>
      <p className="mc-muted">{t('setup.mapping.hint')}</p>
      <Table<MappingEntry>
        size="small"
        pagination={false}
        rowKey={(e) => `${e.kind}:${e.from.join(',')}>${e.to.join(',')}`}
        dataSource={entries}
        locale={{ emptyText: t('setup.mapping.none') }}
        columns={[
          {
            key: 'kind',
            title: t('setup.mapping.kind'),
            render: (_, e) => <Tag>{t(`setup.mapping.kind.${e.kind}`)}</Tag>,
          },
          { key: 'from', title: t('setup.mapping.from'), render: (_, e) => e.from.join(', ') },
          {
            key: 'to',
            title: t('setup.mapping.to'),
            render: (_, e) => (e.to.length ? e.to.join(', ') : '—'),
          },
        ]}
      />
    </section>
  );
}

export function VersionView({ frameworkId, version }: { frameworkId: string; version: number }) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const fw = useQuery({
    queryKey: queryKeys.framework(frameworkId, version),
    queryFn: () => api.call('getFrameworkVersion', { params: { frameworkId, version: String(version) } }),
  });
  const nodes = useMemo<TreeNode[]>(
    () =>
      (fw.data?.nodes ?? []).map((n) => ({
        code: n.code,
        title: pick(n.title),
        maxPoints: n.maxPoints,
        minPoints: n.minPoints,
        method: n.method,
        role: n.role,
        slotCount: n.slots.length,
        appliesTo: n.appliesTo,
        details: <NodeDetails node={n} />,
        searchText: nodeSearchText(n),
      })),
    [fw.data, pick],
  );

  const back = (
    <Link to="/admin/frameworks" className="mc-breadcrumb">
      <ArrowLeftOutlined aria-hidden /> {t('setup.fw.back')}
    </Link>
  );
  if (fw.isPending)
    return (
      <>
        {back}
        <Loading rows={6} />
      </>
    );
  if (fw.isError)
    return (
      <>
        {back}
        <ErrorState error={fw.error} onRetry={() => void fw.refetch()} />
      </>
    );
  const f = fw.data;

  return (
    <div data-testid="version-view">
      {back}
      <Typography.Title level={2} className="mc-section-title mc-wrap">
        {pick(f.name)} — {t('setup.fw.versionN', { version: f.version })}
      </Typography.Title>
      <VersionMeta f={f} frameworkId={frameworkId} version={version} />
      {f.mapping ? <MappingTable fromVersion={f.mapping.fromVersion} entries={f.mapping.entries} /> : null}
      <section aria-labelledby="tree-title" className="mc-section">
        <Typography.Title level={3} id="tree-title" className="mc-section-title">
          {t('setup.tree.title')}
        </Typography.Title>
        <NodeTree nodes={nodes} searchable testId="version-tree" />
      </section>
    </div>
  );
}
