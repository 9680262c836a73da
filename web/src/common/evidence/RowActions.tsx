/** One evidence row's buttons (preview, details, confirm / unlink) and the "upload again" of an expired upload. */
import { CheckOutlined, DisconnectOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import type { CriterionRef } from '../../api/client.ts';
import { type EvidenceView, evidenceRights, filesOf } from '../../api/evidence-view.ts';
import type { Evidence } from '../../api/types.ts';
import { useServices, useSession } from '../../app/context.tsx';
import { queryKeys } from '../../app/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ErrorState } from '../states.tsx';
import { refreshEvidence } from './api.ts';
import { FileRevisionUpload } from './FileRevisionUpload.tsx';

export type Row = EvidenceView & { raw: Evidence; pendingLink: boolean };

/** Unlink from this criterion, or confirm a carried-forward link; both refresh the lists behind. */
function useLinkActions(row: Row, criterionRef: CriterionRef | undefined) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
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
  return { unlink, confirm };
}

/** Preview, details and (un)link buttons of one row; the dialogs live in the list. */
export function RowActions({
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
  const user = useSession()?.user;
  const rights = evidenceRights(user, row.raw);
  // A closed cycle takes no link changes (the server says so too).
  if (readOnly) rights.link = false;
  const code = criterionRef?.criterionCode ?? '';
  const ref = criterionRef && { ...criterionRef, evidenceId: row.evidenceId };
  const { unlink, confirm } = useLinkActions(row, criterionRef);
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
