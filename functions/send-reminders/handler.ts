import middy from '@middy/core';
import { reminderDeps } from '#composition/reminder-deps.ts';
import { type MailEvent, recordMailEvent, runReminders } from '#usecases/reminders.ts';

const deps = reminderDeps((line) => console.log(JSON.stringify({ level: 'warn', msg: line })));

/**
 * Two sources:
 * - EventBridge Scheduler, hourly in Asia/Ho_Chi_Minh (`{ source: 'schedule' }`) → the cycles whose send time
 *   has come today. Re-runs are safe (one outbox record per recipient, date and kind), so a failed invocation
 *   is retried by the schedule's retry policy, then lands in the dead-letter queue. A manual invocation may
 *   pin `date` or ask for `dryRun`.
 * - SES events through EventBridge (`source: 'aws.ses'`) → the message's outbox status (bounce, complaint…).
 */
type Event = { source?: string; date?: string; dryRun?: boolean; detail?: MailEvent };

export const handler = middy<Event, unknown>().handler(async (event) => {
  if (event?.source === 'aws.ses' && event.detail) {
    const outcome = await recordMailEvent(deps, event.detail);
    console.log(JSON.stringify({ level: 'info', msg: 'mail event', type: event.detail.eventType, outcome }));
    return { outcome };
  }
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
