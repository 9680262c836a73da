/**
 * The local stand-in for EventBridge Scheduler: every minute, if an open cycle's `reminderPolicy.sendAt`
 * is the current time in Asia/Ho_Chi_Minh, it invokes the same `send-reminders` handler Lambda runs (the
 * handler then sends for every cycle whose time has come; re-runs are no-ops thanks to the outbox).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cycleRepository } from '#adapters/dynamo/cycle-repository.ts';
import { policyOf } from '#domain/reminders.ts';
import { localTime } from '#domain/working-days.ts';

export interface ReminderTimer {
  /** Runs one check now (tests); resolves with whether the handler was invoked. */
  tick(now?: Date): Promise<boolean>;
  stop(): void;
}

export function startReminderTimer(opts: { repoRoot: string; log: (line: string) => void }): ReminderTimer {
  let handler: ((event: unknown, context: unknown) => Promise<unknown>) | undefined;
  const load = async () => {
    handler ??= (
      (await import(pathToFileURL(join(opts.repoRoot, 'functions/send-reminders/handler.ts')).href)) as {
        handler: typeof handler;
      }
    ).handler;
    return handler!;
  };
  const tick = async (now = new Date()): Promise<boolean> => {
    const time = localTime(now);
    const { items } = await cycleRepository.list(100);
    const due = items.filter(
      (c) => c.status === 'open' && policyOf(c).enabled && policyOf(c).sendAt === time,
    );
    if (due.length === 0) return false;
    const result = await (await load())(
      { source: 'schedule' },
      { awsRequestId: `local-timer-${now.getTime()}` },
    );
    opts.log(
      `reminders at ${time}: ${JSON.stringify((result as { outcomes?: unknown }).outcomes ?? result)}`,
    );
    return true;
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    const ms = 60_000 - (Date.now() % 60_000) + 50;
    timer = setTimeout(() => {
      tick().catch((e) => opts.log(`reminder run failed: ${(e as Error).message}`));
      schedule();
    }, ms);
    timer.unref();
  };
  schedule();
  return { tick, stop: () => clearTimeout(timer) };
}
