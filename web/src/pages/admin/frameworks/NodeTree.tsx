/**
 * A framework's tree (areas → criteria) as an expandable table: code and title, points, method, role, and for
 * each node its scoring guide and evidence slots behind a disclosure. Used for a stored version (full nodes)
 * and for an import preview (the plan's flat `creates`, with sheet rows).
 */
import { Button, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { EmptyState } from '../../../common/states.tsx';
import { fold, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { branchCodes, buildTree, type TreeRow } from './model.ts';

/** What the tree shows of a node; `details` renders the guide/slots disclosure when there is one. */
export interface TreeNode {
  code: string;
  title: string;
  maxPoints: number;
  minPoints?: number;
  method: string;
  role?: string;
  row?: number;
  slotCount: number;
  appliesTo?: string[];
  details?: ReactNode;
  /** Words the search looks in besides code and title (English title, guide, slots). */
  searchText?: string;
}

export function MethodTag({ method }: { method: string }) {
  const { t } = useI18n();
  const known = ['evidence', 'survey', 'computed'].includes(method);
  return (
    <Tag color={method === 'survey' ? 'purple' : method === 'computed' ? 'cyan' : 'blue'}>
      {known ? t(`setup.method.${method as 'evidence'}`) : method}
    </Tag>
  );
}

export function RoleTag({ role }: { role?: string }) {
  const { t } = useI18n();
  if (!role || role === 'regular') return null;
  return (
    <Tag color={role === 'bonus' ? 'green' : 'red'}>
      {t(role === 'bonus' ? 'setup.role.bonus' : 'setup.role.penalty')}
    </Tag>
  );
}

export function NodeTree({
  nodes,
  searchable,
  showRows,
  testId,
}: {
  nodes: TreeNode[];
  /** Shows a search box (ignores diacritics and đ; looks in code, title and `searchText`). */
  searchable?: boolean;
  showRows?: boolean;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const q = query.trim();
  const rows = useMemo(() => {
    const f = fold(q);
    return buildTree(
      nodes,
      f ? (n) => fold(`${n.code} ${n.title} ${n.searchText ?? ''}`).includes(f) : undefined,
    );
  }, [nodes, q]);
  const all = useMemo(() => branchCodes(rows), [rows]);
  const topLevel = useMemo(() => rows.map((r) => r.key), [rows]);
  const [expanded, setExpanded] = useState<readonly string[] | undefined>(undefined);
  // While searching every match is shown with its path; otherwise the areas start open.
  const expandedKeys = q ? all : (expanded ?? topLevel);
  const count = useMemo(() => {
    let n = 0;
    const walk = (rs: TreeRow<TreeNode>[]) => {
      for (const r of rs) {
        n += 1;
        if (r.children) walk(r.children);
      }
    };
    walk(rows);
    return n;
  }, [rows]);

  const columns: TableColumnsType<TreeRow<TreeNode>> = [
    {
      key: 'node',
      title: t('setup.tree.node'),
      render: (_, n) => (
        <div className="mc-setup-node" data-testid="tree-node" data-code={n.code}>
          <span className="mc-code-link">{n.code}</span> <span className="mc-wrap">{n.title}</span>
          <div className="mc-only-narrow">
            <Space size={4} wrap>
              <span className="mc-muted">
                {t('setup.tree.pointsShort', { points: formatNumber(n.maxPoints, lang) })}
              </span>
              <MethodTag method={n.method} />
              <RoleTag role={n.role} />
              {showRows && n.row !== undefined ? (
                <span className="mc-muted">{t('setup.tree.rowN', { row: n.row })}</span>
              ) : null}
            </Space>
          </div>
          {n.details}
        </div>
      ),
    },
    {
      key: 'points',
      title: t('setup.tree.maxPoints'),
      align: 'right',
      width: 100,
      responsive: ['md'],
      render: (_, n) =>
        n.minPoints !== undefined
          ? `${formatNumber(n.minPoints, lang)}–${formatNumber(n.maxPoints, lang)}`
          : formatNumber(n.maxPoints, lang),
    },
    {
      key: 'method',
      title: t('setup.tree.method'),
      width: 150,
      responsive: ['md'],
      render: (_, n) => (
        <Space size={2} wrap>
          <MethodTag method={n.method} />
          <RoleTag role={n.role} />
        </Space>
      ),
    },
    {
      key: 'slots',
      title: t('setup.tree.slots'),
      align: 'right',
      width: 110,
      responsive: ['lg'],
      render: (_, n) => (n.slotCount ? formatNumber(n.slotCount, lang) : '—'),
    },
    ...(showRows
      ? [
          {
            key: 'row',
            title: t('setup.tree.row'),
            align: 'right' as const,
            width: 70,
            responsive: ['md' as const],
            render: (_: unknown, n: TreeNode) => n.row ?? '—',
          },
        ]
      : []),
  ];

  return (
    <div data-testid={testId}>
      <div className="mc-filters">
        {searchable ? (
          <div className="mc-filter mc-filter-search">
            <label htmlFor={searchId}>{t('setup.tree.search')}</label>
            <Input.Search
              id={searchId}
              allowClear
              placeholder={t('setup.tree.searchHint')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        ) : null}
        <Space wrap>
          <Button size="small" onClick={() => setExpanded(all)} disabled={Boolean(q)}>
            {t('setup.tree.expandAll')}
          </Button>
          <Button size="small" onClick={() => setExpanded([])} disabled={Boolean(q)}>
            {t('setup.tree.collapseAll')}
          </Button>
        </Space>
        <span className="mc-muted mc-filter-count" aria-live="polite">
          {t('setup.tree.count', { count: formatNumber(count, lang) })}
        </span>
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t('setup.tree.noMatch')}</EmptyState>
      ) : (
        <Table<TreeRow<TreeNode>>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys as string[],
            onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
          }}
        />
      )}
    </div>
  );
}
