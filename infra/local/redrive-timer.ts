/**
 * The local stand-in for the upload redrive's schedule (EventBridge Scheduler every 15 minutes in AWS): the
 * same handler, once when the stack starts and then every 15 minutes. Locally s3rver's events reach finalize
 * in-process with three attempts; whatever still failed (the database was down, the stack was stopped between
 * the bytes and the event) is settled here, and abandoned uploads expire (docs/evidence.md, "Recovery").
 * `npm run admin -- redrive-uploads` runs it once on demand.
 */
import { pathToFileURL } from 'node:url';
import type { RedriveReport } from '#usecases/upload-recovery.ts';

export interface RedriveTimerOptions {
  repoRoot: string;
  log: (line: string) => void;
  intervalMs?: number;
}

export const REDRIVE_INTERVAL_MS = 15 * 60_000;

export function startRedriveTimer(opts: RedriveTimerOptions): { stop(): Promise<void> } {
  const module = pathToFileURL(`${opts.repoRoot}/functions/redrive-uploads/handler.ts`).href;
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = (async () => {
      try {
        const { handler } = (await import(module)) as {
          handler: (event: unknown, context: unknown) => Promise<RedriveReport>;
        };
        const r = await handler(
          { source: 'schedule' },
          { awsRequestId: `local-redrive-${Date.now()}`, getRemainingTimeInMillis: () => 15 * 60_000 },
        );
        if (r.examined)
          opts.log(
            `upload redrive: ${r.examined} examined, finalized ${JSON.stringify(r.finalized)}, ${r.expired} expired, ${r.waiting} waiting`,
          );
      } catch (e) {
        opts.log(`upload redrive failed: ${(e as Error).message}`);
      } finally {
        running = undefined;
      }
    })();
  };
  run();
  const timer = setInterval(run, opts.intervalMs ?? REDRIVE_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
