/**
 * One cell of the matrix: the tasks of a unit that cover a criterion, each editable (title, due date, unit;
 * a task naming several criteria can drop this one), and a form to assign the criterion to the unit as a new
 * task. Every change carries the task's version; a 409 reloads the matrix and says so.
 */
import { Drawer, Grid, Typography } from 'antd';
import type { Cycle } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CellRef } from './AssignmentMatrix.tsx';
import { type Assignment, cellTasks } from './data.ts';
import { NewTaskForm } from './NewTaskForm.tsx';
import { TaskEditor, type Unit } from './TaskEditor.tsx';

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
