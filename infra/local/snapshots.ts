/**
 * The local stand-in for the daily readiness-snapshot schedule (EventBridge Scheduler in AWS): the same
 * handler, run once when the stack starts and then every hour. The job is idempotent per entity and day, so
 * the hourly runs only fill in a day the machine was asleep through; restarts write nothing twice.
 */
import { pathToFileURL } from 'node:url';

export interface SnapshotTimerOptions {
  repoRoot: string;
  log: (line: string) => void;
  intervalMs?: number;
}

export function startSnapshotTimer(opts: SnapshotTimerOptions): { stop(): Promise<void> } {
  const module = pathToFileURL(`${opts.repoRoot}/functions/readiness-snapshot/handler.ts`).href;
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = (async () => {
      try {
        const { handler } = (await import(module)) as {
          handler: () => Promise<{ date: string; written: number; skipped: number; failed: unknown[] }>;
        };
        const r = await handler();
        opts.log(
          `readiness snapshots ${r.date}: ${r.written} written, ${r.skipped} already there${r.failed.length ? `, ${r.failed.length} failed` : ''}`,
        );
      } catch (e) {
        opts.log(`readiness snapshots failed: ${(e as Error).message}`);
      } finally {
        running = undefined;
      }
    })();
  };
  run();
  const timer = setInterval(run, opts.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
