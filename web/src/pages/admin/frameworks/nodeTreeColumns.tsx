/**
 * The framework tree's columns: the node (code and title; on a phone its points, method, role and sheet row
 * under it; its guide/slots disclosure), points (a range when there is a minimum), method and role, evidence
 * slot count, and — for an import preview — the sheet row.
 */
import { Space, type TableColumnsType, Tag } from 'antd';
import { formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { TreeRow } from './model.ts';
import type { TreeNode } from './NodeTree.tsx';

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

function NodeCell({ n, showRows }: { n: TreeNode; showRows?: boolean }) {
  const { t, lang } = useI18n();
  return (
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
  );
}

/** `showRows`: the nodes come from a sheet, and each shows its row. */
export function useNodeTreeColumns(showRows?: boolean): TableColumnsType<TreeRow<TreeNode>> {
  const { t, lang } = useI18n();
  const rowColumn = {
    key: 'row',
    title: t('setup.tree.row'),
    align: 'right' as const,
    width: 70,
    responsive: ['md' as const],
    render: (_: unknown, n: TreeNode) => n.row ?? '—',
  };
  return [
    { key: 'node', title: t('setup.tree.node'), render: (_, n) => <NodeCell n={n} showRows={showRows} /> },
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
    ...(showRows ? [rowColumn] : []),
  ];
}
