/**
 * Bulk assignment from an .xlsx sheet (one row per task): the server reads it and answers with the plan —
 * tasks to create, rows already there, warnings and problems by row. Nothing is written until "Ghi"; the
 * server refuses the whole sheet while any row has a problem. Also: carry the previous cycle's tasks forward.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useId, useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { formatIsoDate, formatNumber } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MutationError } from './common.tsx';
import { type CarryForward, fileToBase64, type ImportPlan, peopleKeys } from './data.ts';

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

type Issue = ImportPlan['problems'][number];

function IssueList({ items, type }: { items: Issue[]; type: 'error' | 'warning' }) {
  const { t, pick } = useI18n();
  if (!items.length) return null;
  return (
    <Alert
      type={type}
      showIcon
      className="mc-section"
      title={t(type === 'error' ? 'people.import.problems' : 'people.import.warnings', {
        count: items.length,
      })}
      description={
        <ul className="mc-issues" data-testid={`import-${type}`}>
          {items.map((p) => (
            <li key={`${p.row}-${p.field}-${p.message.vi}`}>
              {p.row && !/^(Dòng|Row) \d+/.test(pick(p.message))
                ? `${t('people.import.row', { row: p.row })}: `
                : ''}
              {pick(p.message)}
            </li>
          ))}
        </ul>
      }
    />
  );
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
  const { t, lang } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | undefined>();
  const run = useMutation({
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
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                run.reset();
              }}
            />
            <span className="mc-wrap">{file ? file.name : t('people.import.noFile')}</span>
          </span>
        </div>
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
        {plan ? (
          <div data-testid="import-plan">
            <p aria-live="polite">
              {plan.mode === 'commit'
                ? t('people.import.committed', { count: formatNumber(plan.creates.length, lang) })
                : !plan.ok
                  ? t('people.import.blocked')
                  : t('people.import.summary', {
                      creates: formatNumber(plan.creates.length, lang),
                      unchanged: formatNumber(plan.unchanged.length, lang),
                    })}
            </p>
            <IssueList items={plan.problems} type="error" />
            <IssueList items={plan.warnings} type="warning" />
            {plan.creates.length ? (
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.assignmentId}`}
                pagination={plan.creates.length > 20 ? { pageSize: 20 } : false}
                dataSource={plan.creates}
                columns={[
                  { key: 'row', title: t('people.import.rowCol'), dataIndex: 'row', width: 60 },
                  { key: 'id', title: t('people.assign.id'), dataIndex: 'assignmentId' },
                  {
                    key: 'unit',
                    title: t('people.assign.unit'),
                    render: (_, r) => <span className="mc-wrap">{unitName(r.unitId)}</span>,
                    responsive: ['sm'],
                  },
                  {
                    key: 'criteria',
                    title: t('people.assign.criteria'),
                    render: (_, r) => r.criteria.map((c) => c.code).join(', '),
                  },
                  {
                    key: 'title',
                    title: t('people.assign.title'),
                    render: (_, r) => <span className="mc-wrap">{r.title}</span>,
                    responsive: ['md'],
                  },
                  {
                    key: 'due',
                    title: t('people.assign.dueDate'),
                    render: (_, r) => formatIsoDate(r.dueDate),
                  },
                ]}
              />
            ) : null}
          </div>
        ) : null}
      </Modal>
    </>
  );
}

function CarryForwardResult({ r }: { r: CarryForward }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="carry-result" className="mc-section">
      <p>
        {t(r.dryRun ? 'people.carry.wouldCreate' : 'people.carry.created', { count: r.created.length })}{' '}
        {r.created.map((c) => (
          <Tag key={c.assignmentId}>{c.assignmentId}</Tag>
        ))}
      </p>
      {r.alreadyThere.length ? (
        <p className="mc-muted">{t('people.carry.already', { count: r.alreadyThere.length })}</p>
      ) : null}
      {r.droppedCriteria.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('people.carry.dropped', { count: r.droppedCriteria.length })}
          description={r.droppedCriteria.map((d) => `${d.assignmentId}: ${d.code}`).join('; ')}
        />
      ) : null}
      {r.skipped.length ? (
        <ul className="mc-issues">
          {r.skipped.map((s) => (
            <li key={s.assignmentId}>
              {s.assignmentId}: {pick(s.reason)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CarryForwardButton({
  cycle,
  cycles,
  entityId,
}: {
  cycle: Cycle;
  cycles: Cycle[];
  entityId: string;
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fromId = useId();
  const candidates = cycles.filter(
    (c) => c.cycleId !== cycle.cycleId && c.entityIds.includes(entityId) && c.year <= cycle.year,
  );
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState<string | undefined>();
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      api.call('carryForwardAssignments', {
        params: { cycleId: cycle.cycleId, entityId },
        body: { fromCycleId: from!, dryRun },
      }),
    onSuccess: (r) => {
      if (!r.dryRun) {
        void message.success(t('people.carry.created', { count: r.created.length }));
        void queryClient.invalidateQueries({ queryKey: peopleKeys.assignments(cycle.cycleId, entityId) });
      }
    },
  });
  if (!candidates.length) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('people.carry.open')}</Button>
      <Modal
        open={open}
        onCancel={() => {
          setOpen(false);
          run.reset();
        }}
        title={t('people.carry.title')}
        footer={null}
        destroyOnHidden
        closable={{ 'aria-label': t('people.close') }}
      >
        <p className="mc-wrap">{t('people.carry.intro')}</p>
        <div className="mc-filter mc-section">
          <label htmlFor={fromId}>{t('people.carry.from')}</label>
          <Select
            id={fromId}
            value={from}
            onChange={(v) => {
              setFrom(v);
              run.reset();
            }}
            options={candidates.map((c) => ({ value: c.cycleId, label: pick(c.name) }))}
          />
        </div>
        <Space wrap className="mc-section">
          <Button disabled={!from} loading={run.isPending && run.variables} onClick={() => run.mutate(true)}>
            {t('people.carry.preview')}
          </Button>
          <Popconfirm
            title={t('people.carry.confirm')}
            okText={t('people.confirm')}
            cancelText={t('people.cancel')}
            onConfirm={() => run.mutate(false)}
            disabled={!run.data?.dryRun || run.data.created.length === 0}
          >
            <Button
              type="primary"
              disabled={!run.data?.dryRun || run.data.created.length === 0}
              loading={run.isPending && !run.variables}
            >
              {t('people.carry.run')}
            </Button>
          </Popconfirm>
        </Space>
        <MutationError error={run.error} />
        {run.data ? <CarryForwardResult r={run.data} /> : null}
      </Modal>
    </>
  );
}
