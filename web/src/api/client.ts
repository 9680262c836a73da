/**
 * A small typed client for the API. Every call carries the ID token; a 401 gets one token refresh and one
 * retry, then ends the session as expired (the app sends the user to sign-in and back). Errors arrive as
 * `ApiError` with the server's bilingual message and field issues, or a local one for network failures.
 */
import type { SessionStore } from '../auth/session.ts';
import { type EndReason, sendWithMfaCheck, sendWithSession } from '../auth/session-retry.ts';
import type { Bilingual } from '../i18n/i18n.tsx';
import { translate } from '../i18n/i18n.tsx';
import { buildPath, WEB_ROUTES, type WebRouteId } from './routes.ts';
import type {
  AppraisalBody,
  AuditPage,
  CommentPage,
  CompleteBody,
  CriterionScore,
  Cycle,
  CycleExportBody,
  CyclePage,
  DownloadAnswer,
  EntityExportBody,
  EntityWithUnits,
  ErrorBody,
  EvidencePage,
  ExportJobView,
  FieldIssue,
  Framework,
  Me,
  MfaStatus,
  PartsAnswer,
  PartsBody,
  Readiness,
  ReopenBody,
  ReportTexts,
  ReportTextsBody,
  ReportTextsView,
  ReviewQueuePage,
  Score,
  ScoreTable,
  SelfScoreBody,
  SubmissionStatus,
  SubmitAnswer,
  SubmitBody,
  UploadBody,
  UploadTicket,
} from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: Bilingual;
  readonly issues: FieldIssue[];
  readonly requestId?: string;
  /** A 409's stored record, when the server sends it (the state the stale write lost against). */
  readonly current?: unknown;
  constructor(
    status: number,
    code: string,
    text: Bilingual,
    issues: FieldIssue[] = [],
    requestId?: string,
    current?: unknown,
  ) {
    super(text.en);
    this.status = status;
    this.code = code;
    this.text = text;
    this.issues = issues;
    this.requestId = requestId;
    this.current = current;
  }
}

const bilingual = (
  key: Parameters<typeof translate>[1],
  vars?: Record<string, string | number>,
): Bilingual => ({
  vi: translate('vi', key, vars),
  en: translate('en', key, vars),
});

export const networkError = () => new ApiError(0, 'NETWORK', bilingual('error.network'));

const END_MESSAGE = {
  expired: 'signIn.expired',
  'access-changed': 'signIn.accessChanged',
  disabled: 'signIn.disabled',
  'signed-out': 'signIn.signedOut',
} as const satisfies Record<EndReason, Parameters<typeof translate>[1]>;

/** Ends the session for the reason a 401 gave and says so (sign-in shows the same words). */
export function sessionEnded(session: SessionStore, reason: EndReason): ApiError {
  session.signOut(reason);
  const code =
    reason === 'access-changed'
      ? 'ACCESS_CHANGED'
      : reason === 'disabled'
        ? 'ACCOUNT_DISABLED'
        : 'UNAUTHENTICATED';
  return new ApiError(401, code, bilingual(END_MESSAGE[reason]));
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as ErrorBody | undefined;
  const e = body?.error;
  if (e?.message?.vi)
    return new ApiError(res.status, e.code, e.message, e.issues ?? [], e.requestId, e.current);
  if (res.status === 403) return new ApiError(403, 'FORBIDDEN', bilingual('error.forbidden'));
  return new ApiError(res.status, `HTTP_${res.status}`, bilingual('error.http', { status: res.status }));
}

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly session: SessionStore;

  constructor(baseUrl: string, session: SessionStore) {
    this.baseUrl = baseUrl;
    this.session = session;
  }

  async call<T>(route: WebRouteId, opts: CallOptions = {}): Promise<T> {
    const { method, path } = WEB_ROUTES[route];
    const url = new URL(this.baseUrl + buildPath(path, opts.params));
    for (const [k, v] of Object.entries(opts.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));

    const send = async (token: string) => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
      };
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      try {
        return await fetch(url, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: opts.signal,
        });
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        throw networkError();
      }
    };

    // Expired while the tab slept, or the user's access changed: one refresh, one retry, else sign-in says why.
    const withSession = async () => {
      const res = await sendWithSession(this.session, send);
      if ('ended' in res) throw sessionEnded(this.session, res.ended);
      return res;
    };
    // An admin's new sign-in: the API asks for the directory's word on their TOTP first (docs/access.md, "MFA").
    const { res, mfaRequired } =
      route === 'checkMyMfa'
        ? { res: await withSession(), mfaRequired: false }
        : await sendWithMfaCheck(withSession, () => this.confirmMfa());
    if (mfaRequired) this.session.requireMfa();
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as T;
  }

  private mfaCheck: Promise<boolean> | undefined;

  /** One check at a time however many requests were refused together; true when TOTP is on. */
  private confirmMfa(): Promise<boolean> {
    this.mfaCheck ??= this.checkMfa()
      .then((s) => s.enabled)
      .catch(() => false)
      .finally(() => {
        this.mfaCheck = undefined;
      });
    return this.mfaCheck;
  }

  me = () => this.call<Me>('getMe');

  /** Has the API ask the directory about the caller's TOTP and record it (POST /v1/me/mfa). */
  checkMfa = () => this.call<MfaStatus>('checkMyMfa');

  /** Every cycle the user may see (pages followed; there are a handful per year). */
  async listCycles(): Promise<Cycle[]> {
    const out: Cycle[] = [];
    let cursor: string | undefined;
    do {
      const page: CyclePage = await this.call<CyclePage>('listCycles', { query: { limit: 100, cursor } });
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  }

  getCycle = (cycleId: string) => this.call<Cycle>('getCycle', { params: { cycleId } });

  readiness = (cycleId: string, entityId: string) =>
    this.call<Readiness>('getEntityReadiness', { params: { cycleId, entityId } });

  framework = (frameworkId: string, version: number) =>
    this.call<Framework>('getFrameworkVersion', { params: { frameworkId, version: String(version) } });

  entity = (entityId: string) => this.call<EntityWithUnits>('getEntity', { params: { entityId } });

  listEvidence = (ref: CriterionRef, cursor?: string) =>
    this.call<EvidencePage>('listEvidence', { params: { ...ref }, query: { limit: 100, cursor } });

  requestUpload = (ref: CriterionRef, body: UploadBody, signal?: AbortSignal) =>
    this.call<UploadTicket>('requestUpload', { params: { ...ref }, body, signal });

  /** Fresh URLs for parts of a multipart upload (resume after a drop or an expired link). */
  uploadParts = (ref: FileRef, body: PartsBody, signal?: AbortSignal) =>
    this.call<PartsAnswer>('uploadParts', { params: { ...ref }, body, signal });

  criterionScore = (ref: CriterionRef) =>
    this.call<CriterionScore>('getCriterionScore', { params: { ...ref } });

  setSelfScore = (ref: CriterionRef, body: SelfScoreBody) =>
    this.call<Score>('setSelfScore', { params: { ...ref }, body });

  submit = (cycleId: string, entityId: string, body: SubmitBody) =>
    this.call<SubmitAnswer>('submitSelfAssessment', { params: { cycleId, entityId }, body });

  submissions = (cycleId: string, entityId: string) =>
    this.call<SubmissionStatus>('listSubmissions', { params: { cycleId, entityId } });

  reopen = (cycleId: string, entityId: string, body: ReopenBody) =>
    this.call<unknown>('reopenSubmission', { params: { cycleId, entityId }, body });

  reviewQueue = (cycleId: string, cursor?: string) =>
    this.call<ReviewQueuePage>('listReviewQueue', { params: { cycleId }, query: { limit: 100, cursor } });

  startReview = (ref: CriterionRef, version: number) =>
    this.call<Score>('startReview', { params: { ...ref }, body: { version } });

  appraise = (ref: CriterionRef, body: AppraisalBody) =>
    this.call<Score>('appraiseCriterion', { params: { ...ref }, body });

  comments = (ref: CriterionRef) =>
    this.call<CommentPage>('listComments', { params: { ...ref }, query: { limit: 100 } });

  addComment = (ref: CriterionRef, body: string) =>
    this.call<unknown>('addComment', { params: { ...ref }, body: { body } });

  criterionAudit = (ref: CriterionRef) =>
    this.call<AuditPage>('listCriterionAudit', { params: { ...ref }, query: { limit: 50, order: 'desc' } });

  download = (ref: { cycleId: string; entityId: string; evidenceId: string; fileId: string }) =>
    this.call<DownloadAnswer>('downloadEvidenceFile', { params: { ...ref } });

  completeUpload = (ref: FileRef, body: CompleteBody, signal?: AbortSignal) =>
    this.call<unknown>('completeUpload', { params: { ...ref }, body, signal });

  /** Starts (or, for unchanged data, reuses) an export of the entity's dossier; poll `entityExport`. */
  requestEntityExport = (cycleId: string, entityId: string, body: EntityExportBody) =>
    this.call<ExportJobView>('requestEntityExport', { params: { cycleId, entityId }, body });

  /** The job's progress; once done, presigned downloads valid a few minutes (ask again right before use). */
  entityExport = (cycleId: string, entityId: string, jobId: string) =>
    this.call<ExportJobView>('getEntityExport', { params: { cycleId, entityId, jobId } });

  requestCycleExport = (cycleId: string, body: CycleExportBody) =>
    this.call<ExportJobView>('requestCycleExport', { params: { cycleId }, body });

  cycleExport = (cycleId: string, jobId: string) =>
    this.call<ExportJobView>('getCycleExport', { params: { cycleId, jobId } });

  scoreTable = (cycleId: string, entityId: string, unitId?: string) =>
    this.call<ScoreTable>('getScoreTable', { params: { cycleId, entityId }, query: { unitId } });

  /** The report's texts (null until saved), last year's, and the header's defaults. */
  reportTexts = (cycleId: string, entityId: string) =>
    this.call<ReportTextsView>('getReportTexts', { params: { cycleId, entityId } });

  /** Saves them with the version read; a stale one is a 409 whose `current` is the stored record. */
  saveReportTexts = (cycleId: string, entityId: string, body: ReportTextsBody) =>
    this.call<ReportTexts>('saveReportTexts', { params: { cycleId, entityId }, body });
}

export interface FileRef {
  cycleId: string;
  entityId: string;
  evidenceId: string;
  fileId: string;
}

export interface CriterionRef {
  cycleId: string;
  entityId: string;
  criterionCode: string;
}
