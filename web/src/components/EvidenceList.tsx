/**
 * A criterion's evidence, newest first: file, document type, state (with the quarantine reason), size and
 * upload date. A table on wide screens, stacked cards on phones.
 */
import { FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Grid, Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { type EvidenceView, evidenceView } from '../api/evidence-view.ts';
import type { Evidence } from '../api/types.ts';
import { formatBytes, formatDate, formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type MessageKey, vi } from '../i18n/messages.ts';
import { docTypeLabel } from './labels.ts';
import { EmptyState } from './states.tsx';

/** A pending upload older than the presigned URL's life will not finish by itself. */
const STALE_PENDING_MS = 20 * 60 * 1000;

export function shownState(e: EvidenceView, now = Date.now()): string {
  if (e.state === 'pending_upload' && now - Date.parse(e.createdAt) > STALE_PENDING_MS) return 'stale_upload';
  return e.state;
}

const STATE_COLOR: Record<string, string> = {
  pending_upload: 'processing',
  scanning: 'processing',
  stale_upload: 'default',
  available: 'blue',
  quarantined: 'red',
  accepted: 'green',
  rejected: 'volcano',
};

function FileIcon({ kind }: { kind: string }) {
  if (kind === 'pdf') return <FilePdfOutlined aria-hidden />;
  if (kind === 'jpg' || kind === 'png') return <FileImageOutlined aria-hidden />;
  return <FileOutlined aria-hidden />;
}

function StateBadge({ evidence }: { evidence: EvidenceView }) {
  const { t, pick } = useI18n();
  const state = shownState(evidence);
  const key = `evidence.state.${state}`;
  return (
    <div className="mc-state">
      <Tag color={STATE_COLOR[state] ?? 'default'} data-testid="evidence-state" data-state={state}>
        {key in vi ? t(key as MessageKey) : state}
      </Tag>
      {state === 'quarantined' && evidence.quarantineReason ? (
        <div className="mc-error-text">
          {t('evidence.quarantineReason', { reason: pick(evidence.quarantineReason) })}
        </div>
      ) : null}
    </div>
  );
}

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const items = evidence.map(evidenceView);
  if (!items.length) return <EmptyState>{t('evidence.empty')}</EmptyState>;

  if (!(screens.md ?? true)) {
    return (
      <ul className="mc-evidence-cards" data-testid="evidence-list">
        {items.map((e) => (
          <li key={e.evidenceId} className="mc-evidence-card" data-testid="evidence-row">
            <div className="mc-evidence-file">
              <FileIcon kind={e.kind} /> <strong className="mc-wrap">{e.title}</strong>
            </div>
            {e.title !== e.fileName ? <div className="mc-muted mc-wrap">{e.fileName}</div> : null}
            <StateBadge evidence={e} />
            <div className="mc-muted">
              {docTypeLabel(e.documentType, t)} · {formatBytes(e.sizeBytes, lang)} · {formatDate(e.createdAt)}
            </div>
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<EvidenceView> = [
    {
      key: 'file',
      title: t('evidence.file'),
      render: (_, e) => (
        <div>
          <div className="mc-evidence-file">
            <FileIcon kind={e.kind} /> <strong className="mc-wrap">{e.title}</strong>
          </div>
          {e.title !== e.fileName ? <div className="mc-muted mc-wrap">{e.fileName}</div> : null}
        </div>
      ),
    },
    {
      key: 'type',
      title: t('evidence.docType'),
      width: 130,
      render: (_, e) => docTypeLabel(e.documentType, t),
    },
    { key: 'state', title: t('evidence.state'), render: (_, e) => <StateBadge evidence={e} /> },
    {
      key: 'size',
      title: t('evidence.size'),
      align: 'right',
      width: 110,
      render: (_, e) => formatBytes(e.sizeBytes, lang),
    },
    {
      key: 'date',
      title: t('evidence.uploadedAt'),
      width: 160,
      render: (_, e) => <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>,
    },
  ];
  return (
    <div data-testid="evidence-list">
      <Table<EvidenceView>
        rowKey="evidenceId"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        onRow={() => ({ 'data-testid': 'evidence-row' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
