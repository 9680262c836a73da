/**
 * Bulk assignment from an .xlsx sheet (one row per task): the server reads it and answers with the plan —
 * tasks to create, rows already there, warnings and problems by row. Nothing is written until "Ghi"; the
 * server refuses the whole sheet while any row has a problem. Also: carry the previous cycle's tasks forward.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Popconfirm, Space } from 'antd';
import { useId, useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { SHEET_ACCEPT } from '../../../common/spreadsheet-files.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MutationError } from './common.tsx';
import { fileToBase64, peopleKeys } from './data.ts';
import { ImportPlanView } from './ImportPlanView.tsx';

export { CarryForwardButton } from './CarryForward.tsx';

const COLUMNS = [
  'Mã nhiệm vụ',
  'Phòng/đơn vị thực hiện',
  'Tiêu chí',
  'Tên nhiệm vụ',
  'Nội dung chi tiết',
  'Hạn hoàn thành',
  'Chỉ tiêu',
  'Nguồn',
];

/** The sheet to send; the native button speaks the browser's language, this label the app's. */
function SheetPicker({ file, onPick }: { file: File | undefined; onPick: (f: File | undefined) => void }) {
  const { t } = useI18n();
  const fileId = useId();
  return (
    <div className="mc-filter mc-section">
      <span className="mc-filter-label">{t('people.import.file')}</span>
      <span className="mc-file-pick">
        {/* The native button speaks the browser's language; this one speaks the app's. */}
        <label htmlFor={fileId} className="ant-btn ant-btn-default mc-file-button">
          {t('people.import.choose')}
        </label>
        <input
          id={fileId}
          type="file"
          className="mc-visually-hidden"
          aria-label={t('people.import.file')}
          accept={SHEET_ACCEPT}
          onChange={(e) => onPick(e.target.files?.[0])}
        />
        <span className="mc-wrap">{file ? file.name : t('people.import.noFile')}</span>
      </span>
    </div>
  );
}

/** Send the sheet for a preview (nothing written) or for real ("Ghi"). */
function useImportRun(cycle: Cycle, entityId: string, file: File | undefined) {
  const { t } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (mode: 'preview' | 'commit') =>
      api.call('importAssignments', {
        params: { cycleId: cycle.cycleId, entityId },
        body: { mode, fileBase64: await fileToBase64(file!) },
      }),
    onSuccess: (plan) => {
      if (plan.mode === 'commit' && plan.ok) {
        void message.success(t('people.import.done', { count: plan.creates.length }));
        void queryClient.invalidateQueries({ queryKey: peopleKeys.assignments(cycle.cycleId, entityId) });
      }
    },
  });
}

export function AssignmentImport({
  cycle,
  entityId,
  unitName,
}: {
  cycle: Cycle;
  entityId: string;
  unitName(id: string): string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | undefined>();
  const run = useImportRun(cycle, entityId, file);
  const plan = run.data;
  const canCommit = plan?.ok === true && plan.mode === 'preview' && plan.creates.length > 0;
  const close = () => {
    setOpen(false);
    setFile(undefined);
    run.reset();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('people.import.open')}</Button>
      <Modal
        open={open}
        onCancel={close}
        title={t('people.import.title')}
        width={900}
        footer={null}
        destroyOnHidden
        closable={{ 'aria-label': t('people.close') }}
      >
        <p className="mc-wrap">{t('people.import.intro')}</p>
        <p className="mc-wrap mc-muted">
          {t('people.import.columns')} {COLUMNS.join(' · ')}
        </p>
        <SheetPicker
          file={file}
          onPick={(f) => {
            setFile(f);
            run.reset();
          }}
        />
        <Space wrap className="mc-section">
          <Button
            type="primary"
            disabled={!file}
            loading={run.isPending && run.variables === 'preview'}
            onClick={() => run.mutate('preview')}
          >
            {t('people.import.preview')}
          </Button>
          <Popconfirm
            title={t('people.import.commitConfirm', { count: plan?.creates.length ?? 0 })}
            okText={t('people.confirm')}
            cancelText={t('people.cancel')}
            onConfirm={() => run.mutate('commit')}
            disabled={!canCommit}
          >
            <Button disabled={!canCommit} loading={run.isPending && run.variables === 'commit'}>
              {t('people.import.commit')}
            </Button>
          </Popconfirm>
        </Space>
        <MutationError error={run.error} />
        {plan ? <ImportPlanView plan={plan} unitName={unitName} /> : null}
      </Modal>
    </>
  );
}
