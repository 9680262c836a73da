import middy from '@middy/core';
import { reminderDeps } from '../../shared/adapters/reminder-deps.ts';
import { type RunResult, runReminders } from '../../shared/usecases/reminders.ts';

const deps = reminderDeps((line) => console.log(JSON.stringify({ level: 'warn', msg: line })));

/** What EventBridge Scheduler sends (its input); a manual invocation may pin the date or ask for a dry run. */
interface ReminderEvent {
  date?: string;
  dryRun?: boolean;
}

/**
 * EventBridge Scheduler, hourly in Asia/Ho_Chi_Minh → the cycles whose send time has come today. Re-runs are
 * safe (one outbox record per recipient, date and kind), so a failed invocation is simply retried by the
 * schedule's retry policy, then lands in its dead-letter queue.
 */
export const handler = middy<ReminderEvent, Omit<RunResult, 'messages'>>().handler(async (event) => {
  const date =
    typeof event?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : undefined;
  const { messages, ...summary } = await runReminders(deps, {
    date,
    dueOnly: !date,
    dryRun: event?.dryRun === true,
  });
  console.log(JSON.stringify({ level: 'info', msg: 'reminders', ...summary, messages: messages.length }));
  return summary;
});
