/**
 * A criterion's evidence, newest first: file, document type, state (with the quarantine reason), size and
 * upload date, and per row: preview, details (metadata, files, links, bin) and unlink from this criterion.
 * A table on wide screens, stacked cards on phones.
 */
import {
  CheckOutlined,
  DisconnectOutlined,
  EditOutlined,
  EyeOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Grid, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import type { CriterionRef } from '../api/client.ts';
import { type EvidenceView, evidenceRights, evidenceView, filesOf } from '../api/evidence-view.ts';
import type { Evidence } from '../api/types.ts';
import { useServices, useSession } from '../app/context.tsx';
import { queryKeys } from '../app/queries.ts';
import { formatBytes, formatDate, formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type MessageKey, vi } from '../i18n/messages.ts';
import { refreshEvidence } from './evidence/api.ts';
import { type DrawerTarget, EvidenceDrawer } from './evidence/EvidenceDrawer.tsx';
import { EvidencePreview, type PreviewTarget, withFreshEvidence } from './evidence/EvidencePreview.tsx';
import { VerdictLine } from './evidence/EvidenceVerdict.tsx';
import { FileRevisionUpload } from './evidence/FileRevisionUpload.tsx';
import { docTypeLabel } from './labels.ts';
import { EmptyState, ErrorState } from './states.tsx';

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
  upload_expired: 'orange',
};

function FileIcon({ kind }: { kind: string }) {
  if (kind === 'pdf') return <FilePdfOutlined aria-hidden />;
  if (kind === 'jpg' || kind === 'png') return <FileImageOutlined aria-hidden />;
  return <FileOutlined aria-hidden />;
}

/**
 * The evidence's state as a tag, the quarantine reason, and the reviewer's verdict (who, when, why) while it
 * stands. `resubmitHint` is shown under a rejection to those who can upload a new revision.
 */
export function StateBadge({ evidence, resubmitHint }: { evidence: EvidenceView; resubmitHint?: string }) {
  const { t, pick } = useI18n();
  const state = shownState(evidence);
  const key = `evidence.state.${state}`;
  const review = evidence.review;
  return (
    <div className="mc-state">
      <Tag color={STATE_COLOR[state] ?? 'default'} data-testid="evidence-state" data-state={state}>
        {key in vi ? t(key as MessageKey) : state}
      </Tag>
      {(state === 'quarantined' || state === 'upload_expired') && evidence.quarantineReason ? (
        <div className="mc-error-text">
          {t('evidence.quarantineReason', { reason: pick(evidence.quarantineReason) })}
        </div>
      ) : null}
      {review && (state === 'accepted' || state === 'rejected') ? (
        <VerdictLine review={review} hint={state === 'rejected' ? resubmitHint : undefined} />
      ) : null}
    </div>
  );
}

type Row = EvidenceView & { raw: Evidence; pendingLink: boolean };

/** Preview, details and (un)link buttons of one row; the dialogs live in the list. */
function RowActions({
  row,
  criterionRef,
  onPreview,
  onOpen,
  readOnly,
}: {
  row: Row;
  criterionRef?: CriterionRef;
  readOnly?: boolean;
  onPreview: () => void;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useSession()?.user;
  const rights = evidenceRights(user, row.raw);
  // A closed cycle takes no link changes (the server says so too).
  if (readOnly) rights.link = false;
  const code = criterionRef?.criterionCode ?? '';
  const ref = criterionRef && { ...criterionRef, evidenceId: row.evidenceId };
  const done = (key: MessageKey) => () => {
    if (criterionRef) refreshEvidence(queryClient, criterionRef.cycleId, criterionRef.entityId);
    void message.success(t(key, { code, title: row.title }));
  };
  const unlink = useMutation({
    mutationFn: () => api.call('unlinkEvidence', { params: { ...ref!, criterionCode: code } }),
    onSuccess: done('ev.link.unlinked'),
  });
  const confirm = useMutation({
    mutationFn: () => api.call('linkEvidence', { params: { ...ref!, criterionCode: code } }),
    onSuccess: done('ev.link.confirmed'),
  });
  return (
    <div className="mc-row-actions">
      <Space size={4} wrap>
        <Button
          size="small"
          icon={<EyeOutlined />}
          aria-label={t('ev.preview.aria', { name: row.fileName || row.title })}
          onClick={onPreview}
        >
          {t('ev.preview.open')}
        </Button>
        <Button
          size="small"
          icon={<EditOutlined />}
          aria-label={t('ev.details.aria', { title: row.title })}
          onClick={onOpen}
        >
          {rights.edit ? t('ev.details.edit') : t('ev.details.view')}
        </Button>
        {ref && rights.link && row.pendingLink ? (
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={confirm.isPending}
            aria-label={t('ev.links.confirmAria', { title: row.title, code })}
            onClick={() => confirm.mutate()}
          >
            {t('ev.links.confirm')}
          </Button>
        ) : null}
        {ref && rights.link ? (
          <Popconfirm
            title={t('ev.unlink.confirm', { code })}
            description={t('ev.unlink.hint')}
            okText={t('ev.unlink.ok')}
            cancelText={t('ev.cancel')}
            onConfirm={() => unlink.mutateAsync()}
          >
            <Button
              size="small"
              danger
              icon={<DisconnectOutlined />}
              aria-label={t('ev.unlink.aria', { title: row.title, code })}
            >
              {t('ev.unlink.short')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      {!readOnly && rights.edit && row.state === 'upload_expired' ? <UploadAgain row={row} /> : null}
      {unlink.isError ? <ErrorState error={unlink.error} /> : null}
      {confirm.isError ? <ErrorState error={confirm.error} /> : null}
    </div>
  );
}

/**
 * An upload that never finished (the server marked it `upload_expired`, docs/evidence.md "Recovery"): send
 * the file again as a new revision of the same file, keeping the evidence, its details and its links.
 */
function UploadAgain({ row }: { row: Row }) {
  const { t } = useI18n();
  const { api } = useServices();
  const queryClient = useQueryClient();
  const { cycleId, entityId, evidenceId } = row.raw;
  const cycle = useQuery({
    queryKey: queryKeys.cycle(cycleId),
    queryFn: () => api.call('getCycle', { params: { cycleId } }),
  });
  const file = filesOf(row.raw).find((f) => f.latestState === 'upload_expired');
  if (!file || !cycle.data) return null;
  return (
    <section data-testid="upload-again" aria-label={t('ev.files.uploadAgainAria', { name: file.fileName })}>
      <FileRevisionUpload
        evidenceRef={{ cycleId, entityId, evidenceId }}
        cycle={cycle.data}
        replacesFileId={file.fileId}
        label={t('ev.files.uploadAgain')}
        onSent={() => refreshEvidence(queryClient, cycleId, entityId)}
      />
    </section>
  );
}

export function EvidenceList({
  evidence,
  criterionRef,
  slotKinds,
  readOnly,
}: {
  evidence: Evidence[];
  /** The criterion the list belongs to: enables unlink and confirm; without it the rows only open. */
  criterionRef?: CriterionRef;
  slotKinds?: string[];
  /** The cycle is closed: preview and details only. */
  readOnly?: boolean;
}) {
  const { t, lang } = useI18n();
  const user = useSession()?.user;
  const screens = Grid.useBreakpoint();
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const items: Row[] = evidence.map((e) => ({
    ...evidenceView(e),
    raw: e,
    pendingLink: !!criterionRef && (e.unconfirmedCodes ?? []).includes(criterionRef.criterionCode),
  }));
  const dialogs = (
    <>
      <EvidencePreview target={withFreshEvidence(preview, evidence)} onClose={() => setPreview(null)} />
      <EvidenceDrawer
        target={drawer}
        onClose={() => setDrawer(null)}
        onPreview={setPreview}
        slotKinds={slotKinds}
      />
    </>
  );
  if (!items.length)
    return (
      <>
        <EmptyState>{t('evidence.empty')}</EmptyState>
        {dialogs}
      </>
    );
  const actions = (e: Row) => (
    <RowActions
      row={e}
      criterionRef={criterionRef}
      readOnly={readOnly}
      onPreview={() => setPreview({ cycleId: e.raw.cycleId, entityId: e.raw.entityId, evidence: e.raw })}
      onOpen={() =>
        setDrawer({
          cycleId: e.raw.cycleId,
          entityId: e.raw.entityId,
          evidenceId: e.evidenceId,
          criterionCode: criterionRef?.criterionCode,
        })
      }
    />
  );
  // Under a rejection, those who can upload a new revision are told that this is how to resubmit.
  const badge = (e: Row) => (
    <StateBadge
      evidence={e}
      resubmitHint={!readOnly && evidenceRights(user, e.raw).edit ? t('evr.resubmitHint') : undefined}
    />
  );
  const extra = (e: Row) => (
    <>
      {e.documentNumber ? (
        <div className="mc-muted mc-wrap">{t('ev.numberShort', { n: e.documentNumber })}</div>
      ) : null}
      {e.pendingLink ? <Tag color="orange">{t('ev.links.unconfirmed')}</Tag> : null}
    </>
  );

  if (!(screens.md ?? true)) {
    return (
      <>
        <ul className="mc-evidence-cards" data-testid="evidence-list">
          {items.map((e) => (
            <li key={e.evidenceId} className="mc-evidence-card" data-testid="evidence-row">
              <div className="mc-evidence-file">
                <FileIcon kind={e.kind} /> <strong className="mc-wrap">{e.title}</strong>
              </div>
              {e.title !== e.fileName ? <div className="mc-muted mc-wrap">{e.fileName}</div> : null}
              {extra(e)}
              {badge(e)}
              <div className="mc-muted">
                {docTypeLabel(e.documentType, t)} · {formatBytes(e.sizeBytes, lang)} ·{' '}
                {formatDate(e.createdAt)}
              </div>
              {actions(e)}
            </li>
          ))}
        </ul>
        {dialogs}
      </>
    );
  }

  const columns: TableColumnsType<Row> = [
    {
      key: 'file',
      title: t('evidence.file'),
      render: (_, e) => (
        <div>
          <div className="mc-evidence-file">
            <FileIcon kind={e.kind} /> <strong className="mc-wrap">{e.title}</strong>
          </div>
          {e.title !== e.fileName ? <div className="mc-muted mc-wrap">{e.fileName}</div> : null}
          {extra(e)}
        </div>
      ),
    },
    {
      key: 'type',
      title: t('evidence.docType'),
      width: 120,
      render: (_, e) => docTypeLabel(e.documentType, t),
    },
    { key: 'state', title: t('evidence.state'), width: 190, render: (_, e) => badge(e) },
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
    { key: 'actions', title: t('ev.actions'), width: 230, render: (_, e) => actions(e) },
  ];
  return (
    <div data-testid="evidence-list">
      <Table<Row>
        rowKey="evidenceId"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={false}
        onRow={() => ({ 'data-testid': 'evidence-row' }) as HTMLAttributes<HTMLElement>}
      />
      {dialogs}
    </div>
  );
}
