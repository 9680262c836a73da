/**
 * THE route table. The CDK API construct and the local gateway both read it, so what runs locally is what
 * deploys. Each route names the function folder (`functions/<fn>/handler.ts`) that serves it, the schemas of
 * its input and output (also the OpenAPI source), and the access action the policy checks.
 *
 * Adding a route: add it to its module in `routes/` (the route, and its response schema in `<module>Responses`),
 * create `functions/<fn>/handler.ts` with `httpHandler(<module>Routes.<id>, …)`, then `npm test` (the OpenAPI
 * and route tests fail until both sides exist).
 */

import type * as z from 'zod/mini';
import { assignmentsResponses, assignmentsRoutes } from './routes/assignments.ts';
import { cyclesResponses, cyclesRoutes } from './routes/cycles.ts';
import { evidenceResponses, evidenceRoutes } from './routes/evidence.ts';
import { exportsResponses, exportsRoutes } from './routes/exports.ts';
import { frameworksResponses, frameworksRoutes } from './routes/frameworks.ts';
import { identityResponses, identityRoutes } from './routes/identity.ts';
import { organizationResponses, organizationRoutes } from './routes/organization.ts';
import { readinessResponses, readinessRoutes } from './routes/readiness.ts';
import { remindersResponses, remindersRoutes } from './routes/reminders.ts';
import { scoringResponses, scoringRoutes } from './routes/scoring.ts';
import type { RouteDef, RouteWithResponse } from './routes/types.ts';
import { usersResponses, usersRoutes } from './routes/users.ts';

export type { HttpMethod, RouteDef, RouteWithResponse } from './routes/types.ts';

/** Route modules per capability: a handler imports only its own module, so it builds only its schemas. */
const declared = {
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

/** What each route answers, by route id; each module keeps them apart from its routes (no handler bundles them). */
const responses = {
  ...identityResponses,
  ...cyclesResponses,
  ...evidenceResponses,
  ...readinessResponses,
  ...scoringResponses,
  ...remindersResponses,
  ...usersResponses,
  ...frameworksResponses,
  ...organizationResponses,
  ...assignmentsResponses,
  ...exportsResponses,
};

/**
 * Each route joined with its response schema, so the table is complete for its readers (OpenAPI, web types).
 * The types make a route without a response, or a response without a route, an error.
 */
function withResponses<
  R extends Record<string, RouteDef>,
  S extends { [K in keyof R]: z.ZodMiniType } & Record<Exclude<keyof S, keyof R>, never>,
>(table: R, schemas: S): { [K in keyof R]: R[K] & { success: R[K]['success'] & { schema: S[K] } } } {
  return Object.fromEntries(
    Object.entries(table).map(([id, route]) => [
      id,
      { ...route, success: { ...route.success, schema: schemas[id as keyof R] } },
    ]),
  ) as { [K in keyof R]: R[K] & { success: R[K]['success'] & { schema: S[K] } } };
}

export const routes = withResponses(declared, responses);

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
export const routeList = Object.entries(routes).map(([id, r]) => ({ id, ...r })) as (RouteWithResponse & {
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
