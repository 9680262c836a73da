/**
 * THE route table. The CDK API construct and the local gateway both read it, so what runs locally is what
 * deploys. Each route names the function folder (`functions/<fn>/handler.ts`) that serves it, the schemas of
 * its input and output (also the OpenAPI source), and the access action the policy checks.
 *
 * Adding a route: add an entry here, create `functions/<fn>/handler.ts` with `httpHandler(<module>Routes.<id>, …)`,
 * then `npm test` (the OpenAPI and route tests fail until both sides exist).
 */
import { assignmentsRoutes } from './routes/assignments.ts';
import { cyclesRoutes } from './routes/cycles.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { exportsRoutes } from './routes/exports.ts';
import { frameworksRoutes } from './routes/frameworks.ts';
import { identityRoutes } from './routes/identity.ts';
import { organizationRoutes } from './routes/organization.ts';
import { readinessRoutes } from './routes/readiness.ts';
import { remindersRoutes } from './routes/reminders.ts';
import { scoringRoutes } from './routes/scoring.ts';
import type { RouteDef } from './routes/types.ts';
import { usersRoutes } from './routes/users.ts';

export type { HttpMethod, RouteDef } from './routes/types.ts';

/** Route modules per capability: a handler imports only its own module, so it builds only its schemas. */
export const routes = {
  ...identityRoutes,
  ...cyclesRoutes,
  ...evidenceRoutes,
  ...readinessRoutes,
  ...scoringRoutes,
  ...remindersRoutes,
  ...usersRoutes,
  ...frameworksRoutes,
  ...organizationRoutes,
  ...assignmentsRoutes,
  ...exportsRoutes,
};

/** The same routes by module (the CDK API deploys each module's functions in a nested stack of its own). */
export const routeModules = {
  identity: identityRoutes,
  cycles: cyclesRoutes,
  evidence: evidenceRoutes,
  readiness: readinessRoutes,
  scoring: scoringRoutes,
  reminders: remindersRoutes,
  users: usersRoutes,
  frameworks: frameworksRoutes,
  organization: organizationRoutes,
  assignments: assignmentsRoutes,
  exports: exportsRoutes,
} as const;

export type RouteId = keyof typeof routes;
export const routeList = Object.entries(routes).map(([id, r]) => ({ id, ...r })) as (RouteDef & {
  id: string;
})[];

/** Functions that are not behind an HTTP route (event-driven). */
export const eventFunctions = {
  /** EventBridge Scheduler, hourly in Asia/Ho_Chi_Minh: reminders of the cycles whose send time has come. */
  sendReminders: { fn: 'send-reminders', source: 'aws.scheduler' },
  finalizeUpload: { fn: 'finalize-upload', source: 's3:ObjectCreated' },
  /** EventBridge Scheduler, daily at 23:30 Asia/Ho_Chi_Minh: one readiness snapshot per entity of each open cycle. */
  readinessSnapshot: { fn: 'readiness-snapshot', source: 'aws.scheduler' },
  /** GuardDuty Malware Protection for S3 verdicts (EventBridge), AWS only: locally finalize scans inline. */
  scanResult: { fn: 'scan-result', source: 'aws.guardduty:GuardDuty Malware Protection Object Scan Result' },
  /** Invoked asynchronously (Lambda Event invocation) by request-export: builds the job's files. */
  buildExport: { fn: 'build-export', source: 'lambda:invoke' },
  /** EventBridge Scheduler, every 15 minutes: re-finalizes stuck uploads, expires abandoned ones. */
  redriveUploads: { fn: 'redrive-uploads', source: 'aws.scheduler' },
} as const;
