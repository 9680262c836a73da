/**
 * One cell of the assignment matrix: the unit's tasks covering the criterion with their due dates (a task named on
 * the area is marked "via area"), or "+" when there is none; clicking it opens the cell's editor.
 */
import { Button } from 'antd';
import type { EntityWithUnits, FrameworkNode } from '../../../api/types.ts';
import { formatIsoDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Assignment, cellTasks, taskLabel } from './data.ts';

type Unit = EntityWithUnits['units'][number];

export function MatrixCell({
  node,
  unit,
  frameworkId,
  assignments,
  onOpen,
}: {
  node: FrameworkNode;
  unit: Unit;
  frameworkId: string;
  assignments: readonly Assignment[];
  onOpen(): void;
}) {
  const { t, pick } = useI18n();
  const tasks = cellTasks(assignments, frameworkId, node.code, unit.unitId);
  const label = t(tasks.length ? 'people.assign.editCell' : 'people.assign.assignCell', {
    code: node.code,
    unit: pick(unit.name),
  });
  return (
    <Button
      type="text"
      className={tasks.length ? 'mc-matrix-cell' : 'mc-matrix-cell mc-matrix-empty'}
      aria-label={label}
      title={label}
      onClick={onOpen}
      data-testid={`cell-${node.code}-${unit.unitId}`}
    >
      {tasks.length ? (
        tasks.map(({ assignment: a, direct }) => (
          <span key={a.assignmentId} className={direct ? 'mc-matrix-task' : 'mc-matrix-task mc-muted'}>
            <strong>{taskLabel(a)}</strong> · {formatIsoDate(a.dueDate)}
            {direct ? null : ` (${t('people.assign.viaArea')})`}
          </span>
        ))
      ) : (
        <span className="mc-muted">+</span>
      )}
    </Button>
  );
}
