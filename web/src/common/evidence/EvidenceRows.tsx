/** A criterion's evidence rows: stacked cards on phones, a table on wide screens; cells shared by both. */
import { Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { formatBytes, formatDate, formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { docTypeLabel } from '../labels.ts';
import type { Row } from './RowActions.tsx';
import { FileIcon } from './StateBadge.tsx';

export interface RowParts {
  actions: (e: Row) => ReactNode;
  badge: (e: Row) => ReactNode;
}

/** The document number and an unconfirmed link, under the file's name. */
function RowExtra({ e }: { e: Row }) {
  const { t } = useI18n();
  return (
    <>
      {e.documentNumber ? (
        <div className="mc-muted mc-wrap">{t('ev.numberShort', { n: e.documentNumber })}</div>
      ) : null}
      {e.pendingLink ? <Tag color="orange">{t('ev.links.unconfirmed')}</Tag> : null}
    </>
  );
}

function FileCell({ e }: { e: Row }) {
  return (
    <>
      <div className="mc-evidence-file">
        <FileIcon kind={e.kind} /> <strong className="mc-wrap">{e.title}</strong>
      </div>
      {e.title !== e.fileName ? <div className="mc-muted mc-wrap">{e.fileName}</div> : null}
      <RowExtra e={e} />
    </>
  );
}

export function EvidenceCards({ items, parts }: { items: Row[]; parts: RowParts }) {
  const { t, lang } = useI18n();
  return (
    <ul className="mc-evidence-cards" data-testid="evidence-list">
      {items.map((e) => (
        <li key={e.evidenceId} className="mc-evidence-card" data-testid="evidence-row">
          <FileCell e={e} />
          {parts.badge(e)}
          <div className="mc-muted">
            {docTypeLabel(e.documentType, t)} · {formatBytes(e.sizeBytes, lang)} · {formatDate(e.createdAt)}
          </div>
          {parts.actions(e)}
        </li>
      ))}
    </ul>
  );
}

export function EvidenceTable({ items, parts }: { items: Row[]; parts: RowParts }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<Row> = [
    {
      key: 'file',
      title: t('evidence.file'),
      render: (_, e) => (
        <div>
          <FileCell e={e} />
        </div>
      ),
    },
    {
      key: 'type',
      title: t('evidence.docType'),
      width: 120,
      render: (_, e) => docTypeLabel(e.documentType, t),
    },
    { key: 'state', title: t('evidence.state'), width: 190, render: (_, e) => parts.badge(e) },
    {
      key: 'size',
      title: t('evidence.size'),
      align: 'right',
      width: 100,
      responsive: ['lg'],
      render: (_, e) => formatBytes(e.sizeBytes, lang),
    },
    {
      key: 'date',
      title: t('evidence.uploadedAt'),
      width: 140,
      render: (_, e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>,
    },
    { key: 'actions', title: t('ev.actions'), width: 230, render: (_, e) => parts.actions(e) },
  ];
  return (
    <Table<Row>
      rowKey="evidenceId"
      size="middle"
      columns={columns}
      dataSource={items}
      pagination={false}
      onRow={() => ({ 'data-testid': 'evidence-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
