/** One owed criterion in "Việc cần làm": due date, why it is owed, the plan's task, and its one next step as a link. */
import { Button, Tag } from 'antd';
import type { MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router';
import type { Cycle } from '../../api/types.ts';
import type { CriterionInfo } from '../../app/reference.ts';
import { criterionPath } from '../../common/criteria/criteria-rows.ts';
import { deadlineInfo } from '../../common/deadline.ts';
import { formatIsoDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { NextAction, OwedTask } from './model.ts';

/** Plan numbers (`KH-2023-01`) are shown; ids the app generated (ULIDs) mean nothing to people. */
const READABLE_ID = /^(?![0-9A-HJKMNP-TV-Z]{26}$)/;

const ACTION_KEY = {
  upload: 'home.tasks.action.upload',
  score: 'home.tasks.action.score',
  fix: 'home.tasks.action.fix',
} as const satisfies Record<NextAction, string>;

/** The due date, and "overdue by n working days", "due today" or "n working days left". */
function DueCell({ dueDate, d }: { dueDate: string; d: ReturnType<typeof deadlineInfo> }) {
  const { t } = useI18n();
  return (
    <div className="mc-task-due">
      <div className="mc-task-date">{t('home.tasks.due', { date: formatIsoDate(dueDate) })}</div>
      {d.past ? (
        <Tag
          color="red"
          className="mc-status-tag"
          data-testid="task-overdue"
          title={t('home.tasks.overdueTitle', {
            date: formatIsoDate(dueDate),
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
  );
}

export function TaskRow({
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
      <DueCell dueDate={task.dueDate} d={d} />
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
