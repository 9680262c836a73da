/**
 * The access policy: one pure module decides who may do what on which entity / unit. Every route declares
 * its action (checked on the path's entity before the body is even parsed) and every use case asks again
 * with the resource it loaded (the evidence's unit, the criterion's responsible units, …).
 *
 * Adding an action: add one row to RULES. A route whose action has no row does not compile, and the route ×
 * role matrix test (test/unit/policy-matrix.test.ts) fails until its expectation is written down.
 */
import type { Actor, Role } from './actor.ts';
import { ForbiddenError } from './errors.ts';

/**
 * How far a role's permission reaches:
 * - `scope`  — any entity inside the actor's scope (admins and reviewers: all, one province or a list);
 * - `entity` — only the actor's own entity;
 * - `unit`   — only the actor's own unit (or work no unit is responsible for yet) inside their entity.
 */
export type Reach = 'scope' | 'entity' | 'unit';

type Rule = Partial<Record<Role, Reach>>;

const ALL_READ: Rule = { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'entity' };

export const RULES = {
  // Anyone signed in may see who they are, even before an entity is assigned.
  'me:read': { admin: 'scope', reviewer: 'scope', leader: 'scope', member: 'scope' },
  // Everyone checks their own two-step sign-in with the directory (docs/access.md, "MFA").
  'me:mfa': { admin: 'scope', reviewer: 'scope', leader: 'scope', member: 'scope' },
  'cycle:read': ALL_READ,
  'cycle:create': { admin: 'scope' },
  'readiness:read': ALL_READ,
  'evidence:read': ALL_READ,
  // Reviewers appraise; they never upload on an entity's behalf.
  'evidence:upload': { admin: 'scope', leader: 'entity', member: 'unit' },
  // Reviewers read and download what they appraise; they change nothing.
  'evidence:download': ALL_READ,
  // Metadata, more files, new revisions: members only for their unit's evidence, leaders entity-wide.
  'evidence:edit': { admin: 'scope', leader: 'entity', member: 'unit' },
  'evidence:delete': { admin: 'scope', leader: 'entity', member: 'unit' },
  // Whoever may delete may undo it (docs/evidence.md: restorable by the uploader's unit or an admin).
  'evidence:restore': { admin: 'scope', leader: 'entity', member: 'unit' },
  // Reviewers judge the evidence itself (accepted / rejected); admins may too.
  'evidence:review': { admin: 'scope', reviewer: 'scope' },
  // Irreversible: objects and every version are removed.
  'evidence:purge': { admin: 'scope' },
  // One plan proves several criteria: any member of the entity may link or confirm a carried-forward link.
  'evidence:link': { admin: 'scope', leader: 'entity', member: 'entity' },
  // Taking a link away is unit reach: members only where the evidence or the criterion is their unit's (or
  // nobody's), so another unit cannot empty a unit's criterion.
  'evidence:unlink': { admin: 'scope', leader: 'entity', member: 'unit' },
  'evidence:carry-forward': { admin: 'scope', leader: 'entity' },
  'user:read': { admin: 'scope', leader: 'entity' },
  'user:admin': { admin: 'scope' },
  // Frameworks are shared reference data: everyone signed in reads them; only admins load and publish.
  'framework:read': ALL_READ,
  'framework:import': { admin: 'scope' },
  'framework:publish': { admin: 'scope' },
  'org:read': ALL_READ,
  'cycle:update': { admin: 'scope' },
  'assignment:read': ALL_READ,
  'assignment:write': { admin: 'scope' },
  // Self-assessment (docs/scoring.md): members score their unit's criteria, leaders any of their entity's;
  // admins and reviewers never self-score on an entity's behalf.
  'score:read': ALL_READ,
  'score:write': { leader: 'entity', member: 'unit' },
  // The unit head / department leader approves and submits (and resubmits); members prepare.
  'submission:submit': { leader: 'entity' },
  // After the deadline, the appraisal side may reopen a unit's (or the entity's) self-assessment.
  'submission:reopen': { admin: 'scope', reviewer: 'scope' },
  'appraisal:write': { admin: 'scope', reviewer: 'scope' },
  'review:queue': { admin: 'scope', reviewer: 'scope' },
  // Threads per criterion: the appraisal side, the entity's leaders, and members on their unit's criteria.
  'comment:write': { admin: 'scope', reviewer: 'scope', leader: 'entity', member: 'unit' },
  // The trail is visible to everyone who sees the entity (docs/scoring.md: visible per criterion); nobody edits it.
  'audit:read': ALL_READ,
  // Published survey results are loaded by the PAR focal point.
  'survey:import': { admin: 'scope' },
  // What the reminder run would send on a date: admins in scope, leaders for their own entity.
  'reminder:preview': { admin: 'scope', leader: 'entity' },
  // The stored outbox (every message, its status and reason): administrators only.
  'reminder:outbox': { admin: 'scope' },
  // The dossier (docs/dossier.md): leaders export their entity (or a unit's part); the appraisal side and
  // admins any entity of their scope. Members prepare; they do not send the dossier on.
  'dossier:export': { admin: 'scope', reviewer: 'scope', leader: 'entity' },
  // The report's own texts (highlights, shortcomings, solutions, proposals, header): the entity's leaders write
  // them; admins may help.
  'report:write': { admin: 'scope', leader: 'entity' },
  // The council's table of every entity in a cycle: the appraisal side and admins, filtered to their scope.
  'dossier:council': { admin: 'scope', reviewer: 'scope' },
  // Who receives the daily digest of work overdue beyond the escalation threshold.
  'reminder:escalation': { admin: 'scope' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;

export interface Resource {
  entityId?: string;
  /** Province of the entity, when known: checks province-scoped admins and reviewers. */
  province?: string;
  /** Units responsible for the thing (an evidence's unit, a criterion's assigned units). */
  unitIds?: readonly string[];
}

export type DenyReason = 'ROLE_NOT_ALLOWED' | 'OUT_OF_SCOPE' | 'OTHER_ENTITY' | 'OTHER_UNIT' | 'NO_ENTITY';
export type Decision = { allow: true } | { allow: false; reason: DenyReason };

const deny = (reason: DenyReason): Decision => ({ allow: false, reason });
const ALLOW: Decision = { allow: true };

function inActorScope(actor: Actor, r: Resource): boolean {
  // Only admins and reviewers carry a scope; anyone else never reaches beyond their own entity.
  const scope =
    actor.scope ??
    (actor.role === 'admin' || actor.role === 'reviewer'
      ? { kind: 'all' as const }
      : { kind: 'entities' as const, entityIds: actor.entityId ? [actor.entityId] : [] });
  if (scope.kind === 'all' || !r.entityId) return true;
  if (scope.kind === 'entities') return scope.entityIds.includes(r.entityId);
  // A province-scoped actor needs the resource's province; without it the check cannot pass.
  return r.province !== undefined && r.province === scope.province;
}

export function decide(actor: Actor, action: Action, resource: Resource = {}): Decision {
  const reach: Reach | undefined = (RULES[action] as Rule)[actor.role];
  if (!reach) return deny('ROLE_NOT_ALLOWED');
  if (reach === 'scope') return inActorScope(actor, resource) ? ALLOW : deny('OUT_OF_SCOPE');
  if (!actor.entityId) return deny('NO_ENTITY');
  if (resource.entityId !== undefined && resource.entityId !== actor.entityId) return deny('OTHER_ENTITY');
  if (reach === 'unit' && resource.unitIds && resource.unitIds.length > 0) {
    if (!actor.unitId || !resource.unitIds.includes(actor.unitId)) return deny('OTHER_UNIT');
  }
  return ALLOW;
}

const MESSAGES: Record<DenyReason, { vi: string; en: string }> = {
  ROLE_NOT_ALLOWED: {
    vi: 'Vai trò của bạn không được thực hiện thao tác này.',
    en: 'Your role is not allowed to do this.',
  },
  OUT_OF_SCOPE: {
    vi: 'Đơn vị này nằm ngoài phạm vi được giao cho bạn.',
    en: 'This entity is outside the scope assigned to you.',
  },
  OTHER_ENTITY: {
    vi: 'Bạn chỉ thao tác được trên dữ liệu của cơ quan mình.',
    en: 'You can only act on your own entity.',
  },
  OTHER_UNIT: {
    vi: 'Việc này do phòng khác phụ trách.',
    en: 'Another unit is responsible for this.',
  },
  NO_ENTITY: {
    vi: 'Tài khoản chưa được gán cơ quan, đơn vị. Liên hệ quản trị viên.',
    en: 'Your account has no entity or unit yet. Contact your administrator.',
  },
};

/** Throws a 403-mapped error with the reason code when the policy says no. */
export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  const d = decide(actor, action, resource);
  if (!d.allow) throw new ForbiddenError(d.reason, MESSAGES[d.reason]);
}

/**
 * The check made before the entity is loaded (route level, or first thing in a use case). A province-scoped
 * admin or reviewer cannot be judged without the entity's province, so for them only the role is checked
 * here; the caller must then `authorize` again with the loaded entity's province.
 */
export function authorizeBeforeLoad(actor: Actor, action: Action, entityId: string | undefined): void {
  const d = decide(actor, action, { entityId });
  if (!d.allow && d.reason === 'OUT_OF_SCOPE' && actor.scope?.kind === 'province') return;
  authorize(actor, action, { entityId });
}
