/** One task in a matrix cell: its title, due date and unit, editable; a task naming several criteria can drop this one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, type FormInstance, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import type { Cycle, EntityWithUnits } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { formatIsoDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { applyIssues, isConflict, MutationError } from './common.tsx';
import { type Assignment, parseDayMonthYear, peopleKeys, taskLabel } from './data.ts';

export type Unit = EntityWithUnits['units'][number];

export interface TaskFields {
  assignmentId?: string;
  title: string;
  dueDate: string;
  unitId: string;
  source?: string;
}

export const FIELDS = ['assignmentId', 'title', 'dueDate', 'unitId', 'source'] as const;

export function useDateRule() {
  const { t } = useI18n();
  return {
    validator: (_: unknown, v: string | undefined) =>
      v && parseDayMonthYear(v) ? Promise.resolve() : Promise.reject(new Error(t('people.dateInvalid'))),
  };
}

/** Save a task's title, due date and unit, or drop this criterion from it; a 409 reloads the matrix. */
function useTaskMutations(
  form: FormInstance<TaskFields>,
  cycle: Cycle,
  entityId: string,
  task: Assignment,
  frameworkId: string,
  code: string,
) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
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
  return { save, drop, issues };
}

function TaskTitle({ task, direct }: { task: Assignment; direct: boolean }) {
  const { t } = useI18n();
  return (
    <span className="mc-wrap">
      {taskLabel(task)}
      {taskLabel(task) === task.assignmentId ? null : (
        <span className="mc-muted"> · {task.assignmentId}</span>
      )}
      {direct ? null : <span className="mc-muted"> · {t('people.assign.viaArea')}</span>}
    </span>
  );
}

/** The criteria the task names (other frameworks' with their id). */
function TaskCriteria({ task, frameworkId }: { task: Assignment; frameworkId: string }) {
  const { t } = useI18n();
  return (
    <p className="mc-muted mc-wrap">
      {t('people.assign.criteriaOfTask')}{' '}
      {task.criteria
        .map((c) => (c.frameworkId === frameworkId ? c.code : `${c.frameworkId}:${c.code}`))
        .join(', ')}
    </p>
  );
}

export function TaskEditor({
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
  const [form] = Form.useForm<TaskFields>();
  const dateRule = useDateRule();
  const { save, drop, issues } = useTaskMutations(form, cycle, entityId, task, frameworkId, code);
  const others = task.criteria.filter((c) => !(c.frameworkId === frameworkId && c.code === code));
  return (
    <Card
      size="small"
      className="mc-section"
      title={<TaskTitle task={task} direct={direct} />}
      data-testid={`task-${task.assignmentId}`}
    >
      <TaskCriteria task={task} frameworkId={frameworkId} />
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
