/**
 * Who may call which route, written down independently of the policy rules: the route × role matrix tests
 * (unit: the pure policy; integration: through the gateway) check the code against this. A route without an
 * entry fails both suites.
 */
import type { Role } from '../shared/domain/actor.ts';
import type { Reach } from '../shared/domain/policy.ts';

export type Expect = Record<Role, Reach | 'none'>;
const READ: Expect = { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'entity' };

const ADMIN_ONLY: Expect = { admin: 'scope', reviewer: 'none', leader: 'none', member: 'none' };
const APPRAISAL: Expect = { admin: 'scope', reviewer: 'scope', leader: 'none', member: 'none' };

export const EXPECT: Record<string, Expect> = {
  // No resource: members and leaders see themselves; "entity" is what their reach amounts to.
  getMe: READ,
  requestEntityExport: { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'none' },
  getEntityExport: { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'none' },
  getScoreTable: { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'none' },
  requestCycleExport: APPRAISAL,
  getReportTexts: { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'none' },
  saveReportTexts: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  getCycleExport: APPRAISAL,
  listCycles: READ,
  getCycle: READ,
  createCycle: { admin: 'scope', reviewer: 'none', leader: 'none', member: 'none' },
  requestUpload: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  listEvidence: READ,
  searchEvidence: READ,
  getEvidence: READ,
  downloadEvidenceFile: READ,
  editEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  reviewEvidence: { admin: 'scope', reviewer: 'scope', leader: 'none', member: 'none' },
  addEvidenceFile: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  uploadParts: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  completeUpload: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  deleteEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  restoreEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
  purgeEvidence: ADMIN_ONLY,
  linkEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'entity' },
  unlinkEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'entity' },
  carryForwardEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  getEntityReadiness: READ,
  getUnitReadiness: READ,
  getCycleReadiness: READ,
  getReadinessTrend: READ,
  recordSurveyPoints: ADMIN_ONLY,
  // Self-assessment: the entity scores itself (members their unit's criteria); reviewers appraise it.
  listScores: READ,
  getCriterionScore: READ,
  setSelfScore: { admin: 'none', reviewer: 'none', leader: 'entity', member: 'unit' },
  submitSelfAssessment: { admin: 'none', reviewer: 'none', leader: 'entity', member: 'none' },
  listSubmissions: READ,
  reopenSubmission: APPRAISAL,
  listReviewQueue: APPRAISAL,
  startReview: APPRAISAL,
  appraiseCriterion: APPRAISAL,
  listComments: READ,
  addComment: { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'unit' },
  listEntityAudit: READ,
  listCriterionAudit: READ,
  updateCycle: ADMIN_ONLY,
  listFrameworks: READ,
  listFrameworkVersions: READ,
  getFrameworkVersion: READ,
  exportFramework: READ,
  downloadTemplate: READ,
  importFramework: ADMIN_ONLY,
  publishFramework: ADMIN_ONLY,
  listEntities: READ,
  getEntity: READ,
  listAssignments: READ,
  createAssignment: ADMIN_ONLY,
  updateAssignment: ADMIN_ONLY,
  importAssignments: ADMIN_ONLY,
  carryForwardAssignments: ADMIN_ONLY,
  listUsers: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  inviteUser: ADMIN_ONLY,
  updateUser: ADMIN_ONLY,
  setUserEnabled: ADMIN_ONLY,
  // Reminders: what would be sent (admins in scope, leaders for their entity) and the stored outbox (admins).
  previewReminders: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  previewEntityReminders: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  listOutbox: ADMIN_ONLY,
};
