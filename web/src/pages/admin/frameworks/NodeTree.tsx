/**
 * A framework's tree (areas → criteria) as an expandable table: code and title, points, method, role, and for
 * each node its scoring guide and evidence slots behind a disclosure. Used for a stored version (full nodes)
 * and for an import preview (the plan's flat `creates`, with sheet rows).
 */
import { Button, Input, Space, Table } from 'antd';
import { type ReactNode, useId } from 'react';
import { EmptyState } from '../../../common/states.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { TreeRow } from './model.ts';
import { useNodeTreeColumns } from './nodeTreeColumns.tsx';
import { useTreeSearch } from './useTreeSearch.ts';

// The tags live beside the columns that show them; still importable from here.
export { MethodTag, RoleTag } from './nodeTreeColumns.tsx';

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

/** Above the tree: the search box (when searchable), expand / collapse all (not while searching), the count. */
function TreeToolbar({
  search,
  searchable,
}: {
  search: ReturnType<typeof useTreeSearch<TreeNode>>;
  searchable?: boolean;
}) {
  const { t, lang } = useI18n();
  const searchId = useId();
  return (
    <div className="mc-filters">
      {searchable ? (
        <div className="mc-filter mc-filter-search">
          <label htmlFor={searchId}>{t('setup.tree.search')}</label>
          <Input.Search
            id={searchId}
            allowClear
            placeholder={t('setup.tree.searchHint')}
            value={search.query}
            onChange={(e) => search.setQuery(e.target.value)}
          />
        </div>
      ) : null}
      <Space wrap>
        <Button size="small" onClick={search.expandAll} disabled={search.searching}>
          {t('setup.tree.expandAll')}
        </Button>
        <Button size="small" onClick={search.collapseAll} disabled={search.searching}>
          {t('setup.tree.collapseAll')}
        </Button>
      </Space>
      <span className="mc-muted mc-filter-count" aria-live="polite">
        {t('setup.tree.count', { count: formatNumber(search.count, lang) })}
      </span>
    </div>
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
  const { t } = useI18n();
  const search = useTreeSearch(nodes);
  const columns = useNodeTreeColumns(showRows);
  return (
    <div data-testid={testId}>
      <TreeToolbar search={search} searchable={searchable} />
      {search.rows.length === 0 ? (
        <EmptyState>{t('setup.tree.noMatch')}</EmptyState>
      ) : (
        <Table<TreeRow<TreeNode>>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={search.rows}
          pagination={false}
          expandable={{
            expandedRowKeys: search.expandedKeys as string[],
            onExpandedRowsChange: (keys) => search.setExpanded(keys.map(String)),
          }}
        />
      )}
    </div>
  );
}
