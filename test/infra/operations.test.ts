/**
 * Operations that hold under load (docs/operations.md): every function that runs in the background has the
 * stage's reserved concurrency and the API functions share the rest; timeouts fit the work and the HTTP API's
 * 30 s; the reminder previews know whether a webhook is configured without holding its URL.
 */
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { eventFunctions } from '#http/routes.ts';
import { buildApp } from '#infra/app-builder.ts';
import { API_FUNCTION_SIZING, API_TIMEOUT_LIMIT } from '#infra/constructs/api.ts';
import { reserveConcurrency } from '#infra/constructs/concurrency.ts';
import { EXPORT_WORKER_TIMEOUT } from '#infra/constructs/export-worker.ts';
import { REDRIVE_SCHEDULE, REDRIVE_TIMEOUT, UPLOAD_EVENTS_ASYNC } from '#infra/constructs/upload-recovery.ts';
import { RESERVED_CONCURRENCY, STAGES } from '#infra/stacks/stage-config.ts';
import { BACKGROUND_COPIES, REQUEST_COPIES } from '#usecases/carried-copies.ts';
import { finalizeNeedMs } from '#usecases/upload-recovery.ts';
import { resourcesOf, synth, TEST_ENV, TEST_STAGES } from './synth.ts';

const logicalId = (element: unknown) => {
  const e = element as CfnElement;
  return Stack.of(e).getLogicalId(e);
};

/** Lambda's documented minimum of unreserved concurrency per account and region. */
const LAMBDA_MIN_UNRESERVED = 100;
/** The default per-region quota of a (non-new) account. */
const DEFAULT_ACCOUNT_QUOTA = 1000;

function backgroundFunctions(stage: (typeof STAGES)[number]) {
  const s = synth(stage);
  return {
    s,
    fns: {
      [eventFunctions.finalizeUpload.fn]: s.stack.finalizeUpload,
      [eventFunctions.scanResult.fn]: s.stack.scanResult,
      [eventFunctions.buildExport.fn]: s.stack.exportWorker.fn,
      [eventFunctions.redriveUploads.fn]: s.stack.uploadRecovery.fn,
      [eventFunctions.sendReminders.fn]: s.stack.reminders.fn,
      [eventFunctions.readinessSnapshot.fn]: s.stack.readinessSnapshots.fn,
    },
  };
}

describe('reserved concurrency', () => {
  it.each(STAGES)(
    'reserves the stage’s share for every background function and none for the API (%s)',
    (stage) => {
      const { s, fns } = backgroundFunctions(stage);
      expect(Object.keys(fns).sort()).toEqual(
        Object.values(eventFunctions)
          .map((e) => e.fn)
          .sort(),
      );
      expect(Object.keys(RESERVED_CONCURRENCY[stage]).sort()).toEqual(Object.keys(fns).sort());
      const all = resourcesOf(s.template, 'AWS::Lambda::Function');
      for (const [fn, f] of Object.entries(fns))
        expect(all[logicalId(f.node.defaultChild)]!.Properties.ReservedConcurrentExecutions, fn).toBe(
          RESERVED_CONCURRENCY[stage][fn],
        );
      for (const [fn, f] of s.stack.api.functions)
        expect(
          all[logicalId(f.node.defaultChild)]!.Properties.ReservedConcurrentExecutions,
          fn,
        ).toBeUndefined();
      // Only our background functions reserve anything (CDK's deploy-time handlers share the pool).
      const reserving = Object.values(all).filter(
        (r) => r.Properties.ReservedConcurrentExecutions !== undefined,
      );
      expect(reserving).toHaveLength(Object.keys(fns).length);
    },
  );

  it('leaves both stages in one account far above Lambda’s minimum unreserved pool, with room for the API', () => {
    const total = STAGES.flatMap((stage) => Object.values(RESERVED_CONCURRENCY[stage])).reduce(
      (a, b) => a + b,
    );
    expect(total).toBe(63);
    // The API's own ceiling: its stage throttle's burst, each request one Lambda while it runs.
    const apiBurst = Math.max(...STAGES.map((stage) => synth(stage).config.throttle.burstLimit));
    expect(total + LAMBDA_MIN_UNRESERVED + apiBurst).toBeLessThanOrEqual(DEFAULT_ACCOUNT_QUOTA);
    for (const stage of STAGES)
      for (const n of Object.values(RESERVED_CONCURRENCY[stage]))
        expect(Number.isInteger(n) && n >= 1).toBe(true);
  });

  it('refuses a reservation for a function that does not exist, or of 0 (which stops a function)', () => {
    const s = synth('dev');
    const fns = [s.stack.finalizeUpload, s.stack.scanResult];
    expect(() => reserveConcurrency(fns, { 'finalise-upload': 5 })).toThrow(/finalise-upload/);
    expect(() => reserveConcurrency(fns, { 'scan-result': 0 })).toThrow(/at least 1/);
    expect(() => reserveConcurrency(fns, { 'scan-result': 1.5 })).toThrow(/at least 1/);
  });
});

describe('timeouts and memory', () => {
  const fnProps = (s: ReturnType<typeof synth>, f: unknown) =>
    resourcesOf(s.template, 'AWS::Lambda::Function')[
      logicalId((f as { node: { defaultChild: unknown } }).node.defaultChild)
    ]!.Properties as { Timeout: number; MemorySize: number };

  it('answers every API request before HTTP API gives up at 30 s', () => {
    const s = synth('prod');
    expect(API_TIMEOUT_LIMIT.toSeconds()).toBe(29);
    for (const [fn, f] of s.stack.api.functions) {
      const p = fnProps(s, f);
      expect(p.Timeout, fn).toBeLessThanOrEqual(API_TIMEOUT_LIMIT.toSeconds());
      const sizing = API_FUNCTION_SIZING[fn];
      expect(p.Timeout, fn).toBe(sizing ? sizing.timeout.toSeconds() : 10);
      expect(p.MemorySize, fn).toBe(sizing?.memorySize ?? 512);
    }
    // Spreadsheets get the memory; carry-forward the time its copies are budgeted within.
    expect(fnProps(s, s.stack.api.functions.get('import-framework')).MemorySize).toBe(1024);
    const carry = fnProps(s, s.stack.api.functions.get('carry-forward')).Timeout * 1000;
    expect(REQUEST_COPIES.budgetMs).toBeLessThanOrEqual(carry / 2);
  });

  it('gives the background functions time for their work, and finalize time for a 5 GiB file', () => {
    const s = synth('prod');
    const finalize = fnProps(s, s.stack.finalizeUpload);
    expect(finalize).toMatchObject({ Timeout: 900, MemorySize: 1024 });
    // At the redrive's conservative read rate a 5 GiB finalize fits Lambda's maximum with room to spare,
    // and a finalize event waits in Lambda's queue (throttled by the reservation) up to six hours.
    expect(finalizeNeedMs(5 * 1024 ** 3)).toBeLessThan(finalize.Timeout * 1000);
    expect(UPLOAD_EVENTS_ASYNC.maxEventAge.toSeconds()).toBe(6 * 3600);
    // The redrive's run fits between two schedules; a copy it starts fits its run.
    expect(fnProps(s, s.stack.uploadRecovery.fn).Timeout).toBe(REDRIVE_TIMEOUT.toSeconds());
    expect(REDRIVE_SCHEDULE.expression).toBe('rate(15 minutes)');
    expect(REDRIVE_TIMEOUT.toSeconds()).toBeLessThanOrEqual(15 * 60);
    expect(BACKGROUND_COPIES.startMarginMs).toBeLessThan(REDRIVE_TIMEOUT.toMilliseconds());
    expect(fnProps(s, s.stack.exportWorker.fn).Timeout).toBe(EXPORT_WORKER_TIMEOUT.toSeconds());
    expect(fnProps(s, s.stack.reminders.fn).Timeout).toBe(300);
    expect(fnProps(s, s.stack.readinessSnapshots.fn).Timeout).toBe(300);
    expect(fnProps(s, s.stack.scanResult).Timeout).toBe(10);
  });
});

describe('reminder previews', () => {
  const previews = ['preview-reminders', 'preview-entity-reminders'];
  const variables = (template: Template, fn: unknown) =>
    (
      resourcesOf(template, 'AWS::Lambda::Function')[
        logicalId((fn as { node: { defaultChild: unknown } }).node.defaultChild)
      ]!.Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;

  it('know a webhook is configured (WEBHOOK_CONFIGURED), never its URL; only send-reminders holds the URL', () => {
    const built = buildApp({
      stage: 'dev',
      env: TEST_ENV,
      nag: false,
      context: {
        stages: TEST_STAGES,
        'aws:cdk:bundling-stacks': [],
        webDist: 'test/infra/no-web-build',
        webhookUrl: 'https://hooks.example.vn/nhac-viec',
      },
    });
    built.app.synth();
    for (const fn of previews) {
      const f = built.stack.api.functions.get(fn)!;
      const v = variables(Template.fromStack(Stack.of(f)), f);
      expect(v.WEBHOOK_CONFIGURED, fn).toBe('true');
      expect(v.WEBHOOK_URL, fn).toBeUndefined();
    }
    const send = variables(Template.fromStack(built.stack), built.stack.reminders.fn);
    expect(send.WEBHOOK_URL).toBe('https://hooks.example.vn/nhac-viec');
    // No other API function learns of it.
    for (const [fn, f] of built.stack.api.functions)
      if (!previews.includes(fn))
        expect(variables(Template.fromStack(Stack.of(f)), f).WEBHOOK_CONFIGURED, fn).toBeUndefined();
  });

  it('say no webhook when none is configured', () => {
    const s = synth('dev');
    for (const fn of previews)
      expect(variables(s.template, s.stack.api.functions.get(fn)).WEBHOOK_CONFIGURED, fn).toBeUndefined();
  });
});
