/**
 * "Việc cần làm": what the user's unit (a leader: any of the entity's units, one at a time or all) still owes
 * in the cycle, soonest due first with the overdue ones in red, each with the one next step as a real link
 * to the criterion page. Owed = the readiness response's per-criterion fields and review state (model.ts);
 * due dates = the plan's tasks (listAssignments).
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Tag, Typography } from 'antd';
import { type MouseEvent, useId, useMemo, useState } from 'react';
import { useHref, useNavigate } from 'react-router';
import type { CriterionReadiness, Cycle } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import type { CriterionInfo } from '../../app/reference.ts';
import { formatIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { criterionPath } from '../CriteriaTable.tsx';
import { deadlineInfo } from '../dashboard/deadline.ts';
import { EmptyState, ErrorState, Loading } from '../states.tsx';
import { type NextAction, type OwedTask, owedTasks, unitsWithTasks } from './model.ts';

/** Plan numbers (`KH-2023-01`) are shown; ids the app generated (ULIDs) mean nothing to people. */
const READABLE_ID = /^(?![0-9A-HJKMNP-TV-Z]{26}$)/;

/** Rows shown before "show all": a phone screen and a half. */
const FIRST_ROWS = 8;

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
  const { api } = useServices();
  const unitSelectId = useId();
  const titleId = useId();
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
          <div className="mc-filter">
            <label htmlFor={unitSelectId}>{t('home.tasks.unit')}</label>
            <Select
              id={unitSelectId}
              className="mc-tasks-unit"
              value={unit}
              onChange={(v) => {
                setUnit(v);
                setShowAll(false);
              }}
              options={[
                { value: 'all', label: t('home.tasks.allUnits') },
                ...units.map((u) => ({ value: u, label: unitName(u) ?? u })),
              ]}
            />
          </div>
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

const ACTION_KEY = {
  upload: 'home.tasks.action.upload',
  score: 'home.tasks.action.score',
  fix: 'home.tasks.action.fix',
} as const satisfies Record<NextAction, string>;

function TaskRow({
  task,
  cycle,
  entityId,
  info,
  unitName,
}: {
  task: OwedTask;
  cycle: Cycle;
  entityId: string;
  info?: CriterionInfo;
  /** Leaders see which unit owes the row. */
  unitName?: (unitId: string) => string | undefined;
}) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  // Straight to the section that does the job: the uploader, or the score form.
  const path = `${criterionPath(cycle.cycleId, entityId, task.code)}#${task.action === 'upload' ? 'upload' : 'score'}`;
  const href = useHref(path);
  const d = deadlineInfo(cycle, { deadline: task.dueDate });
  const c = task.criterion;
  const action = t(ACTION_KEY[task.action]);
  const why =
    task.action === 'upload'
      ? t('home.tasks.why.upload', { filled: c.slotsFilled, total: c.slots.length })
      : t(task.action === 'fix' ? 'home.tasks.why.fix' : 'home.tasks.why.score');
  const first = task.tasks[0];
  // A real link (open in a new tab works); a plain click stays in the app.
  const go = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(path);
  };
  return (
    <li
      className={`mc-task${d.past ? ' mc-task-overdue' : ''}`}
      data-testid="task-row"
      data-code={task.code}
      data-action={task.action}
      data-due={task.dueDate}
      data-overdue={d.past ? 'true' : 'false'}
    >
      <div className="mc-task-due">
        <div className="mc-task-date">{t('home.tasks.due', { date: formatIsoDate(task.dueDate) })}</div>
        {d.past ? (
          <Tag
            color="red"
            className="mc-status-tag"
            data-testid="task-overdue"
            title={t('home.tasks.overdueTitle', {
              date: formatIsoDate(task.dueDate),
              days: -d.calendarDays,
            })}
          >
            {t('home.tasks.overdue', { n: d.workingDays })}
          </Tag>
        ) : d.calendarDays === 0 ? (
          <Tag color="orange" className="mc-status-tag">
            {t('home.tasks.dueToday')}
          </Tag>
        ) : (
          <span className="mc-muted">{t('home.tasks.left', { n: d.workingDays })}</span>
        )}
      </div>
      <div className="mc-task-main">
        <div>
          <strong className="mc-code-link">{task.code}</strong>
          {info ? <span className="mc-criterion-title"> {pick(info.node.title)}</span> : null}
        </div>
        <div className={task.action === 'fix' ? 'mc-task-why mc-task-why-fix' : 'mc-task-why'}>{why}</div>
        <div className="mc-muted mc-wrap">
          {first ? (
            <>
              {READABLE_ID.test(first.assignmentId) ? `${first.assignmentId} · ` : ''}
              {first.title}
              {task.tasks.length > 1 ? ` (${t('home.tasks.more', { n: task.tasks.length - 1 })})` : ''}
            </>
          ) : (
            t('home.tasks.noTask')
          )}
          {unitName ? ` · ${task.unitIds.map((u) => unitName(u) ?? u).join(', ')}` : ''}
        </div>
      </div>
      <div className="mc-task-action">
        <Button
          type={task.action === 'fix' ? 'primary' : 'default'}
          danger={task.action === 'fix'}
          href={href}
          onClick={go}
          aria-label={t('home.tasks.actionLabel', { action, code: task.code })}
          data-testid="task-action"
        >
          {action}
        </Button>
      </div>
    </li>
  );
}
