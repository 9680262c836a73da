/** A matrix cell's "new task": assigns the criterion to the unit, due by the cycle's evidence date unless changed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, type FormInstance, Input } from 'antd';
import { useState } from 'react';
import type { Cycle } from '../../../api/types.ts';
import { useServices } from '../../../app/context.tsx';
import { formatIsoDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CellRef } from './AssignmentMatrix.tsx';
import { applyIssues, MutationError } from './common.tsx';
import { parseDayMonthYear, peopleKeys } from './data.ts';
import { FIELDS, type TaskFields, useDateRule } from './TaskEditor.tsx';

/** Creates the task (the criterion for the cell's unit); the form's fields show the API's issues. */
function useCreateTask(
  form: FormInstance<TaskFields>,
  cycle: Cycle,
  entityId: string,
  frameworkId: string,
  cell: CellRef,
) {
  const { t, pick } = useI18n();
  const { api } = useServices();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [issues, setIssues] = useState<ReturnType<typeof applyIssues>>([]);
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
  return { create, issues };
}

export function NewTaskForm({
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
  const [form] = Form.useForm<TaskFields>();
  const dateRule = useDateRule();
  const { create, issues } = useCreateTask(form, cycle, entityId, frameworkId, cell);
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
