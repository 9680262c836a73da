/**
 * Who may call which route, written down independently of the policy rules: the route × role matrix tests
 * (unit: the pure policy; integration: through the gateway) check the code against this. A route without an
 * entry fails both suites.
 */
import type { Role } from '#domain/actor.ts';
import type { Reach } from '#domain/policy.ts';

export type Expect = Record<Role, Reach | 'none'>;
const READ: Expect = { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'entity' };

const ADMIN_ONLY: Expect = { admin: 'scope', reviewer: 'none', leader: 'none', member: 'none' };
const APPRAISAL: Expect = { admin: 'scope', reviewer: 'scope', leader: 'none', member: 'none' };

export const EXPECT: Record<string, Expect> = {
  // No resource: members and leaders see themselves; "entity" is what their reach amounts to.
  getMe: READ,
  checkMyMfa: READ,
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
  // Unit reach: a member only where the evidence or the criterion is their unit's (DETAILS below).
  unlinkEvidence: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'unit' },
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
  resetUserMfa: ADMIN_ONLY,
  // Reminders: what would be sent (admins in scope, leaders for their entity) and the stored outbox (admins).
  previewReminders: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  previewEntityReminders: { admin: 'scope', reviewer: 'none', leader: 'entity', member: 'none' },
  listOutbox: ADMIN_ONLY,
};

/**
 * What the route × role table cannot say: rules about the resource itself and about who the caller is now.
 * Each is checked through the gateway by test/integration/access.test.ts ("access details"), which fails for a
 * detail without a case; docs/access.md is the same list in prose.
 */
export const DETAILS = {
  'reach-from-profile':
    "Role, entity, unit and scope come from the stored profile, never from the token's claims; a subject without a profile is refused (401).",
  'upload-unit-reach':
    'A member requests uploads only to criteria of their unit or to criteria nobody is assigned; a criterion assigned only to other units → 403 OTHER_UNIT.',
  'unlink-unit-reach':
    "A member unlinks an evidence from a criterion only when the evidence or the criterion is their unit's (or nobody's) → else 403 OTHER_UNIT.",
  'binned-no-download':
    'Evidence in the bin gets no download URL: 409 for those who may restore it, 404 for everyone else.',
  'unit-needs-entity':
    'Nobody is given a unit without its entity (admins and reviewers included): 400 on body.unitId.',
  'preview-known-entity':
    'A reminder preview for an entity the cycle does not assess (or that does not exist) → 404, not an empty 200.',
  'admin-mfa':
    'An admin acts only after the identity provider confirmed TOTP since their sign-in (POST /v1/me/mfa): otherwise every route but GET /v1/me and POST /v1/me/mfa → 403 MFA_REQUIRED; other roles need no second factor.',
  'users-leader-own-entity':
    "A leader listing users with another entity's entityId → 403 OTHER_ENTITY, not silently their own.",
} as const;
