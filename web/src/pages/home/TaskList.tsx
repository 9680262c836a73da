/**
 * "Việc cần làm": what the user's unit (a leader: any of the entity's units, one at a time or all) still owes
 * in the cycle, soonest due first with the overdue ones in red, each with the one next step as a real link
 * to the criterion page. Owed = the readiness response's per-criterion fields and review state (model.ts);
 * due dates = the plan's tasks (listAssignments).
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import type { CriterionReadiness, Cycle } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import type { CriterionInfo } from '../../app/reference.ts';
import { deadlineInfo } from '../../common/deadline.ts';
import { EmptyState, ErrorState, Loading } from '../../common/states.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { owedTasks, unitsWithTasks } from './model.ts';
import { TaskRow } from './TaskRow.tsx';

/** Rows shown before "show all": a phone screen and a half. */
const FIRST_ROWS = 8;

/** The plan's tasks for the entity, and what the chosen unit (a member: their own) still owes, soonest first. */
function useOwedTasks(
  cycle: Cycle,
  entityId: string,
  criteria: CriterionReadiness[],
  role: 'leader' | 'member',
  myUnitId: string | undefined,
) {
  const { api } = useServices();
  const [unit, setUnit] = useState<string>('all');
  const [showAll, setShowAll] = useState(false);

  const assignments = useQuery({
    queryKey: ['home-assignments', cycle.cycleId, entityId],
    queryFn: () => api.all('listAssignments', { params: { cycleId: cycle.cycleId, entityId } }),
  });

  const leader = role === 'leader';
  const units = leader ? unitsWithTasks(assignments.data ?? [], criteria) : [];
  // One unit, or (a leader's "all units") undefined; a member without a unit owes nothing here.
  const scope = leader ? (unit === 'all' ? undefined : unit) : (myUnitId ?? '');
  const tasks = useMemo(
    () =>
      owedTasks({
        criteria,
        assignments: assignments.data ?? [],
        frameworkId: cycle.frameworkId,
        unitIds: scope === undefined ? undefined : [scope],
        fallbackDue: cycle.dates.evidenceDue,
      }),
    [criteria, assignments.data, cycle, scope],
  );
  const overdue = tasks.filter((x) => deadlineInfo(cycle, { deadline: x.dueDate }).past).length;
  const shown = showAll ? tasks : tasks.slice(0, FIRST_ROWS);

  return { assignments, leader, units, unit, setUnit, tasks, overdue, shown, showAll, setShowAll };
}

/** A leader's choice of unit: one at a time, or all. */
function UnitFilter(props: {
  units: string[];
  unit: string;
  unitName: (unitId: string) => string | undefined;
  onChange: (unit: string) => void;
}) {
  const { t } = useI18n();
  const unitSelectId = useId();
  return (
    <div className="mc-filter">
      <label htmlFor={unitSelectId}>{t('home.tasks.unit')}</label>
      <Select
        id={unitSelectId}
        className="mc-tasks-unit"
        value={props.unit}
        onChange={props.onChange}
        options={[
          { value: 'all', label: t('home.tasks.allUnits') },
          ...props.units.map((u) => ({ value: u, label: props.unitName(u) ?? u })),
        ]}
      />
    </div>
  );
}

export function TaskList({
  cycle,
  entityId,
  criteria,
  info,
  role,
  myUnitId,
  unitName,
}: {
  cycle: Cycle;
  entityId: string;
  /** Regular criteria and adjustments, as the readiness response has them. */
  criteria: CriterionReadiness[];
  info: Map<string, CriterionInfo>;
  role: 'leader' | 'member';
  myUnitId?: string;
  unitName: (unitId: string) => string | undefined;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const { assignments, leader, units, unit, setUnit, tasks, overdue, shown, showAll, setShowAll } =
    useOwedTasks(cycle, entityId, criteria, role, myUnitId);
  return (
    <Card className="mc-section mc-tasks-card" size="small" data-testid="task-list">
      <div className="mc-tasks-head">
        <div>
          <Typography.Title level={2} id={titleId} className="mc-section-title mc-tasks-title">
            {t('home.tasks.title')}
          </Typography.Title>
          <div className="mc-muted">{t(leader ? 'home.tasks.introLeader' : 'home.tasks.intro')}</div>
        </div>
        {leader && units.length > 0 ? (
          <UnitFilter
            units={units}
            unit={unit}
            unitName={unitName}
            onChange={(v) => {
              setUnit(v);
              setShowAll(false);
            }}
          />
        ) : null}
      </div>
      {assignments.isPending ? (
        <Loading rows={3} />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : tasks.length === 0 ? (
        <div data-testid="tasks-empty">
          <EmptyState>{t('home.tasks.empty')}</EmptyState>
        </div>
      ) : (
        <>
          <div className="mc-muted mc-tasks-count" aria-live="polite" data-testid="tasks-count">
            {t('home.tasks.count', { count: tasks.length, overdue })}
          </div>
          <ol className="mc-tasks" aria-labelledby={titleId}>
            {shown.map((task) => (
              <TaskRow
                key={task.code}
                task={task}
                cycle={cycle}
                entityId={entityId}
                info={info.get(task.code)}
                unitName={leader ? unitName : undefined}
              />
            ))}
          </ol>
          {tasks.length > FIRST_ROWS ? (
            <Button type="link" className="mc-tasks-more" onClick={() => setShowAll((s) => !s)}>
              {showAll ? t('home.tasks.showLess') : t('home.tasks.showAll', { count: tasks.length })}
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
