/**
 * One cell of the matrix: the tasks of a unit that cover a criterion, each editable (title, due date, unit;
 * a task naming several criteria can drop this one), and a form to assign the criterion to the unit as a new
 * task. Every change carries the task's version; a 409 reloads the matrix and says so.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Grid, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Cycle, EntityWithUnits } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { formatIsoDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CellRef } from './AssignmentMatrix.tsx';
import { applyIssues, isConflict, MutationError } from './common.tsx';
import { type Assignment, cellTasks, parseDayMonthYear, peopleKeys, taskLabel } from './data.ts';

type Unit = EntityWithUnits['units'][number];

interface TaskFields {
  assignmentId?: string;
  title: string;
  dueDate: string;
  unitId: string;
  source?: string;
}

const FIELDS = ['assignmentId', 'title', 'dueDate', 'unitId', 'source'] as const;

function useDateRule() {
  const { t } = useI18n();
  return {
    validator: (_: unknown, v: string | undefined) =>
      v && parseDayMonthYear(v) ? Promise.resolve() : Promise.reject(new Error(t('people.dateInvalid'))),
  };
}

function TaskEditor({
  cycle,
  entityId,
  frameworkId,
  code,
  task,
  direct,
  units,
}: {
  cycle: Cycle;
  entityId: string;
  frameworkId: string;
  code: string;
  task: Assignment;
  direct: boolean;
  units: readonly Unit[];
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TaskFields>();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
  const dateRule = useDateRule();
  const reload = () =>
    queryClient.invalidateQueries({ queryKey: peopleKeys.assignments(cycle.cycleId, entityId) });
  const onError = (e: unknown) => {
    setIssues(applyIssues(form, e, FIELDS, pick));
    if (isConflict(e)) {
      void message.warning(t('people.conflict'));
      void reload();
    }
  };
  const save = useMutation({
    mutationFn: (v: TaskFields) =>
      api.call('updateAssignment', {
        params: { cycleId: cycle.cycleId, entityId, assignmentId: task.assignmentId },
        body: {
          version: task.version,
          title: v.title.trim(),
          dueDate: parseDayMonthYear(v.dueDate)!,
          unitId: v.unitId,
        },
      }),
    onSuccess: () => {
      setIssues([]);
      void message.success(t('people.assign.saved', { id: task.assignmentId }));
      void reload();
    },
    onError,
  });
  const drop = useMutation({
    mutationFn: () =>
      api.call('updateAssignment', {
        params: { cycleId: cycle.cycleId, entityId, assignmentId: task.assignmentId },
        body: {
          version: task.version,
          criteria: task.criteria.filter((c) => !(c.frameworkId === frameworkId && c.code === code)),
        },
      }),
    onSuccess: () => {
      void message.success(t('people.assign.dropped', { code, id: task.assignmentId }));
      void reload();
    },
    onError,
  });
  const others = task.criteria.filter((c) => !(c.frameworkId === frameworkId && c.code === code));
  return (
    <Card
      size="small"
      className="mc-section"
      title={
        <span className="mc-wrap">
          {taskLabel(task)}
          {taskLabel(task) === task.assignmentId ? null : (
            <span className="mc-muted"> · {task.assignmentId}</span>
          )}
          {direct ? null : <span className="mc-muted"> · {t('people.assign.viaArea')}</span>}
        </span>
      }
      data-testid={`task-${task.assignmentId}`}
    >
      <p className="mc-muted mc-wrap">
        {t('people.assign.criteriaOfTask')}{' '}
        {task.criteria
          .map((c) => (c.frameworkId === frameworkId ? c.code : `${c.frameworkId}:${c.code}`))
          .join(', ')}
      </p>
      <Form<TaskFields>
        name={`task-${task.assignmentId}`}
        form={form}
        layout="vertical"
        initialValues={{ title: task.title, dueDate: formatIsoDate(task.dueDate), unitId: task.unitId }}
        onFinish={(v) => save.mutate(v)}
        requiredMark="optional"
      >
        <Form.Item
          name="title"
          label={t('people.assign.title')}
          rules={[{ required: true, whitespace: true, message: t('people.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('people.assign.dueDate')} rules={[dateRule]}>
          <Input placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.assign.unitOfTask')}>
          <Select options={units.map((u) => ({ value: u.unitId, label: pick(u.name) }))} />
        </Form.Item>
        {task.target ? (
          <p className="mc-muted">
            {t('people.assign.target')}: {task.target.op} {task.target.value} {task.target.unit ?? ''}
          </p>
        ) : null}
        <MutationError error={save.error ?? drop.error} issues={issues} />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('people.assign.save')}
          </Button>
          {direct && others.length > 0 ? (
            <Popconfirm
              title={t('people.assign.dropConfirm', { code, id: task.assignmentId })}
              okText={t('people.confirm')}
              cancelText={t('people.cancel')}
              onConfirm={() => drop.mutate()}
            >
              <Button danger loading={drop.isPending}>
                {t('people.assign.drop', { code })}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}

function NewTaskForm({
  cycle,
  entityId,
  frameworkId,
  cell,
}: {
  cycle: Cycle;
  entityId: string;
  frameworkId: string;
  cell: CellRef;
}) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TaskFields>();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
  const dateRule = useDateRule();
  const create = useMutation({
    mutationFn: (v: TaskFields) =>
      api.call('createAssignment', {
        params: { cycleId: cycle.cycleId, entityId },
        body: {
          ...(v.assignmentId?.trim() ? { assignmentId: v.assignmentId.trim() } : {}),
          unitId: cell.unit.unitId,
          criteria: [{ frameworkId, code: cell.node.code }],
          title: v.title.trim(),
          dueDate: parseDayMonthYear(v.dueDate)!,
          ...(v.source?.trim() ? { source: v.source.trim() } : {}),
        },
      }),
    onSuccess: (a) => {
      setIssues([]);
      form.resetFields();
      void message.success(t('people.assign.created', { id: a.assignmentId }));
      void queryClient.invalidateQueries({ queryKey: peopleKeys.assignments(cycle.cycleId, entityId) });
    },
    onError: (e) => setIssues(applyIssues(form, e, FIELDS, pick)),
  });
  return (
    <Card size="small" title={t('people.assign.newTask')} data-testid="new-task">
      <Form<TaskFields>
        name="new-task"
        form={form}
        layout="vertical"
        initialValues={{
          title: pick(cell.node.title).slice(0, 300),
          dueDate: formatIsoDate(cycle.dates.evidenceDue),
          unitId: cell.unit.unitId,
        }}
        onFinish={(v) => create.mutate(v)}
        requiredMark="optional"
      >
        <Form.Item
          name="assignmentId"
          label={t('people.assign.newId')}
          extra={t('people.assign.newIdHint')}
          rules={[{ pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/, message: t('people.assign.newIdInvalid') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('people.assign.title')}
          rules={[{ required: true, whitespace: true, message: t('people.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('people.assign.dueDate')}
          rules={[dateRule]}
          extra={t('people.assign.dueHint', { date: formatIsoDate(cycle.dates.selfAssessmentDue) })}
        >
          <Input placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Form.Item>
        <Form.Item name="source" label={t('people.assign.source')}>
          <Input maxLength={500} />
        </Form.Item>
        <MutationError error={create.error} issues={issues} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('people.assign.create', { unit: pick(cell.unit.name) })}
        </Button>
      </Form>
    </Card>
  );
}

export function AssignmentCellDrawer({
  cycle,
  entityId,
  frameworkId,
  cell,
  units,
  assignments,
  onClose,
}: {
  cycle: Cycle;
  entityId: string;
  frameworkId: string;
  cell: CellRef | undefined;
  units: readonly Unit[];
  assignments: readonly Assignment[];
  onClose(): void;
}) {
  const { t, pick } = useI18n();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const tasks = cell ? cellTasks(assignments, frameworkId, cell.node.code, cell.unit.unitId) : [];
  const elsewhere = cell
    ? units
        .filter((u) => u.unitId !== cell.unit.unitId)
        .map((u) => ({ unit: u, tasks: cellTasks(assignments, frameworkId, cell.node.code, u.unitId) }))
        .filter((x) => x.tasks.length > 0)
    : [];
  return (
    <Drawer
      open={Boolean(cell)}
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={cell ? t('people.assign.cellTitle', { code: cell.node.code, unit: pick(cell.unit.name) }) : ''}
      closable={{ 'aria-label': t('people.close') }}
      destroyOnHidden
    >
      {cell ? (
        <>
          <Typography.Paragraph className="mc-wrap">{pick(cell.node.title)}</Typography.Paragraph>
          {elsewhere.length ? (
            <p className="mc-muted mc-wrap">
              {t('people.assign.alsoUnits')}{' '}
              {elsewhere
                .map(
                  (x) => `${pick(x.unit.name)} (${x.tasks.map((k) => k.assignment.assignmentId).join(', ')})`,
                )
                .join('; ')}
            </p>
          ) : null}
          <Typography.Title level={3} className="mc-section-title">
            {t('people.assign.tasksHere', { count: tasks.length })}
          </Typography.Title>
          {tasks.map(({ assignment, direct }) => (
            <TaskEditor
              key={`${assignment.assignmentId}-${assignment.version}`}
              cycle={cycle}
              entityId={entityId}
              frameworkId={frameworkId}
              code={cell.node.code}
              task={assignment}
              direct={direct}
              units={units}
            />
          ))}
          <NewTaskForm
            key={`${cell.node.code}-${cell.unit.unitId}`}
            cycle={cycle}
            entityId={entityId}
            frameworkId={frameworkId}
            cell={cell}
          />
        </>
      ) : null}
    </Drawer>
  );
}
