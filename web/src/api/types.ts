/**
 * Request and response types of the API, inferred from the route table's zod schemas in `shared/`: a change
 * of a schema on the server is a type error here. Type-only imports: zod stays out of the browser bundle.
 */
import type * as z from 'zod/mini';
import type { routes } from '#http/routes.ts';
import type { errorResponse } from '#http/schemas.ts';
import type { RouteMap } from './route-map.gen.ts';

export type RouteTable = typeof routes;
export type RouteId = keyof RouteTable;

/** The generated map must name exactly the table's routes, with the same methods (else: regenerate). */
type MapAgrees = [RouteId] extends [keyof RouteMap]
  ? [keyof RouteMap] extends [RouteId]
    ? { [K in RouteId]: RouteMap[K]['method'] extends RouteTable[K]['method'] ? true : K }[RouteId]
    : 'extra route in route-map.gen.ts'
  : 'missing route in route-map.gen.ts';
type Holds<T extends true> = T;
/** A type error here means `route-map.gen.ts` is stale: run `infra/admin/gen-web-routes.ts`. */
export type RouteMapAgrees = Holds<MapAgrees>;

/** `'/v1/cycles/{cycleId}/exports/{jobId}'` → `'cycleId' | 'jobId'`. */
type Placeholders<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | Placeholders<Rest>
  : never;
/** The path's placeholders, each a string (encoded by the client). */
export type Params<K extends RouteId> = { [N in Placeholders<RouteMap[K]['path']>]: string };
/** The route's query parameters, as the browser sends them (text or numbers; undefined ones are left out). */
export type Query<K extends RouteId> = RouteTable[K] extends { query: infer Q extends z.ZodMiniType }
  ? { [P in keyof z.input<Q>]?: string | number | boolean | undefined }
  : never;
/** Routes that answer with a file's bytes (templates, exports), not JSON. */
export type FileRouteId = { [K in RouteId]: RouteMap[K] extends { file: true } ? K : never }[RouteId];
/** Routes that answer with JSON. */
export type JsonRouteId = Exclude<RouteId, FileRouteId>;
/** Routes that answer one page of a list (`items`, `next` cursor) and take `limit` and `cursor`. */
export type PagedRouteId = {
  [K in JsonRouteId]: Output<K> extends { items: unknown[]; next?: string }
    ? Query<K> extends { cursor?: unknown }
      ? K
      : never
    : never;
}[JsonRouteId];
/** What a route answers on success. */
export type Output<K extends RouteId> = z.output<RouteTable[K]['success']['schema']>;
/** What a route takes as its JSON body. */
export type Body<K extends RouteId> = RouteTable[K] extends { body: infer B extends z.ZodMiniType }
  ? z.input<B>
  : never;

export type Me = Output<'getMe'>;
export type MfaStatus = Output<'checkMyMfa'>;
export type Cycle = Output<'getCycle'>;
export type CyclePage = Output<'listCycles'>;
export type Readiness = Output<'getEntityReadiness'>;
export type CriterionReadiness = Readiness['criteria'][number];
export type EvidencePage = Output<'listEvidence'>;
export type Evidence = EvidencePage['items'][number];
export type Framework = Output<'getFrameworkVersion'>;
export type FrameworkNode = Framework['nodes'][number];
export type EntityWithUnits = Output<'getEntity'>;
export type UploadBody = Body<'requestUpload'>;
export type UploadTicket = Output<'requestUpload'>;
export type PartsBody = Body<'uploadParts'>;
export type PartsAnswer = Output<'uploadParts'>;
export type CompleteBody = Body<'completeUpload'>;
export type ErrorBody = z.output<typeof errorResponse>;
export type FieldIssue = NonNullable<ErrorBody['error']['issues']>[number];
export type CriterionScore = Output<'getCriterionScore'>;
export type Score = Output<'setSelfScore'>;
export type SelfScoreBody = Body<'setSelfScore'>;
export type SubmitBody = Body<'submitSelfAssessment'>;
export type SubmitAnswer = Output<'submitSelfAssessment'>;
export type SubmissionStatus = Output<'listSubmissions'>;
export type ReopenBody = Body<'reopenSubmission'>;
export type ReviewQueuePage = Output<'listReviewQueue'>;
export type ReviewQueueItem = ReviewQueuePage['items'][number];
export type AppraisalBody = Body<'appraiseCriterion'>;
export type CommentPage = Output<'listComments'>;
export type Comment = CommentPage['items'][number];
export type AuditPage = Output<'listCriterionAudit'>;
export type AuditEntry = AuditPage['items'][number];
export type DownloadAnswer = Output<'downloadEvidenceFile'>;
export type ReviewState = Score['state'];
export type ExportJobView = Output<'getEntityExport'>;
export type ExportJob = ExportJobView['job'];
export type ExportDownload = ExportJobView['downloads'][number];
export type EntityExportBody = Body<'requestEntityExport'>;
export type CycleExportBody = Body<'requestCycleExport'>;
export type ScoreTable = Output<'getScoreTable'>;
export type ScoreTableRow = ScoreTable['rows'][number];
export type ScoreTableEvidence = ScoreTableRow['evidence'][number];
export type EntityPart = EntityExportBody['parts'][number];
export type ReportTextsView = Output<'getReportTexts'>;
export type ReportTexts = Output<'saveReportTexts'>;
export type ReportTextsBody = Body<'saveReportTexts'>;
