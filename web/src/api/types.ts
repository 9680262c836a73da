/**
 * Request and response types of the API, inferred from the route table's zod schemas in `shared/`: a change
 * of a schema on the server is a type error here. Type-only imports: zod stays out of the browser bundle.
 */
import type * as z from 'zod';
import type { routes } from '#http/routes.ts';
import type { errorResponse } from '#http/schemas.ts';

export type RouteTable = typeof routes;
export type RouteId = keyof RouteTable;
/** What a route answers on success. */
export type Output<K extends RouteId> = z.output<RouteTable[K]['success']['schema']>;
/** What a route takes as its JSON body. */
export type Body<K extends RouteId> = RouteTable[K] extends { body: infer B extends z.ZodType }
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
