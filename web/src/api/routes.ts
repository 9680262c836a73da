/**
 * The routes the browser calls, by the route table's ids. Methods are checked against the table's types here;
 * paths by `test/unit/web.test.ts`, so a route renamed on the server fails the tests, not the user.
 */
import type { RouteTable } from './types.ts';

export const WEB_ROUTES = {
  getMe: { method: 'GET', path: '/v1/me' },
  checkMyMfa: { method: 'POST', path: '/v1/me/mfa' },
  listCycles: { method: 'GET', path: '/v1/cycles' },
  getCycle: { method: 'GET', path: '/v1/cycles/{cycleId}' },
  getEntityReadiness: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/readiness' },
  listEvidence: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/evidence',
  },
  getFrameworkVersion: { method: 'GET', path: '/v1/frameworks/{frameworkId}/versions/{version}' },
  getEntity: { method: 'GET', path: '/v1/entities/{entityId}' },
  requestUpload: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/uploads',
  },
  uploadParts: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/files/{fileId}/parts',
  },
  completeUpload: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/files/{fileId}/complete',
  },
  getCriterionScore: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/score',
  },
  setSelfScore: {
    method: 'PUT',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/self-score',
  },
  submitSelfAssessment: { method: 'POST', path: '/v1/cycles/{cycleId}/entities/{entityId}/submissions' },
  listSubmissions: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/submissions' },
  reopenSubmission: { method: 'POST', path: '/v1/cycles/{cycleId}/entities/{entityId}/submissions/reopen' },
  listReviewQueue: { method: 'GET', path: '/v1/cycles/{cycleId}/review-queue' },
  startReview: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/review',
  },
  appraiseCriterion: {
    method: 'PUT',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/appraisal',
  },
  listComments: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/comments',
  },
  addComment: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/comments',
  },
  listCriterionAudit: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/criteria/{criterionCode}/audit',
  },
  downloadEvidenceFile: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/files/{fileId}/download',
  },
  listAssignments: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments' },
  createAssignment: { method: 'POST', path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments' },
  updateAssignment: {
    method: 'PATCH',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/assignments/{assignmentId}',
  },
  importAssignments: { method: 'POST', path: '/v1/cycles/{cycleId}/entities/{entityId}/assignment-imports' },
  carryForwardAssignments: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/assignment-carry-forward',
  },
  listUsers: { method: 'GET', path: '/v1/users' },
  inviteUser: { method: 'POST', path: '/v1/users' },
  updateUser: { method: 'PATCH', path: '/v1/users/{userId}' },
  setUserEnabled: { method: 'PUT', path: '/v1/users/{userId}/enabled' },
  resetUserMfa: { method: 'POST', path: '/v1/users/{userId}/mfa-reset' },
  updateCycle: { method: 'PATCH', path: '/v1/cycles/{cycleId}' },
  previewReminders: { method: 'GET', path: '/v1/reminders/preview' },
  previewEntityReminders: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/reminders/preview',
  },
  listOutbox: { method: 'GET', path: '/v1/reminders/outbox' },
  getCycleReadiness: { method: 'GET', path: '/v1/cycles/{cycleId}/readiness' },
  getReadinessTrend: {
    method: 'GET',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/readiness/trend',
  },
  listFrameworks: { method: 'GET', path: '/v1/frameworks' },
  listFrameworkVersions: { method: 'GET', path: '/v1/frameworks/{frameworkId}/versions' },
  exportFramework: { method: 'GET', path: '/v1/frameworks/{frameworkId}/versions/{version}/export' },
  downloadTemplate: { method: 'GET', path: '/v1/templates/{kind}' },
  importFramework: { method: 'POST', path: '/v1/framework-imports' },
  publishFramework: { method: 'POST', path: '/v1/frameworks/{frameworkId}/publications' },
  createCycle: { method: 'POST', path: '/v1/cycles' },
  listEntities: { method: 'GET', path: '/v1/provinces/{provinceId}/entities' },
  getEvidence: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}' },
  editEvidence: { method: 'PATCH', path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}' },
  deleteEvidence: {
    method: 'DELETE',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}',
  },
  restoreEvidence: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/restore',
  },
  searchEvidence: { method: 'GET', path: '/v1/cycles/{cycleId}/evidence' },
  linkEvidence: {
    method: 'PUT',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/links/{criterionCode}',
  },
  unlinkEvidence: {
    method: 'DELETE',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/links/{criterionCode}',
  },
  addEvidenceFile: {
    method: 'POST',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/files',
  },
  reviewEvidence: {
    method: 'PUT',
    path: '/v1/cycles/{cycleId}/entities/{entityId}/evidence/{evidenceId}/review',
  },
  requestEntityExport: { method: 'POST', path: '/v1/cycles/{cycleId}/entities/{entityId}/exports' },
  getEntityExport: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/exports/{jobId}' },
  requestCycleExport: { method: 'POST', path: '/v1/cycles/{cycleId}/exports' },
  getCycleExport: { method: 'GET', path: '/v1/cycles/{cycleId}/exports/{jobId}' },
  getScoreTable: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/score-table' },
  getReportTexts: { method: 'GET', path: '/v1/cycles/{cycleId}/entities/{entityId}/report-texts' },
  saveReportTexts: { method: 'PUT', path: '/v1/cycles/{cycleId}/entities/{entityId}/report-texts' },
} as const satisfies { [K in keyof RouteTable]?: { method: RouteTable[K]['method']; path: string } };

export type WebRouteId = keyof typeof WEB_ROUTES;

/** `/v1/cycles/{cycleId}` + `{ cycleId: 'a b' }` → `/v1/cycles/a%20b`. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}
