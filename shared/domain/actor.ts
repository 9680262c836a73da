import * as z from 'zod';
import { UnauthenticatedError } from './errors.ts';

/** Roles of the access model (the full policy arrives with the identity issue). */
export const ROLES = ['admin', 'reviewer', 'leader', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: read from verified JWT claims only, the same way in AWS and locally. */
export interface Actor {
  userId: string;
  email?: string;
  name?: string;
  role: Role;
  entityId?: string;
  unitId?: string;
  /** Admins and reviewers may be limited to one province or a list of entities; absent = everything. */
  scope?: ActorScope;
}

export type ActorScope =
  | { kind: 'all' }
  | { kind: 'province'; province: string }
  | { kind: 'entities'; entityIds: string[] };

/** Claim names as Cognito issues them in the ID token (groups for roles, custom attributes for scope). */
export const CLAIMS = {
  groups: 'cognito:groups',
  entity: 'custom:entity_id',
  unit: 'custom:unit_id',
  /** `province:<name>` or `entities:<id>,<id>`; absent means all (admins and reviewers only). */
  scope: 'custom:scope',
} as const;

export function parseScope(raw: unknown): ActorScope {
  if (typeof raw !== 'string' || !raw.trim()) return { kind: 'all' };
  const [kind, value = ''] = raw.split(/:(.*)/s, 2);
  if (kind === 'province' && value.trim())
    return { kind: 'province', province: value.trim().normalize('NFC') };
  if (kind === 'entities')
    return {
      kind: 'entities',
      entityIds: value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  // An unreadable scope grants nothing rather than everything.
  return { kind: 'entities', entityIds: [] };
}

const roleRank: Record<Role, number> = { admin: 0, reviewer: 1, leader: 2, member: 3 };

/**
 * API Gateway's JWT authorizer hands claims over as strings; arrays arrive as `"[admin reviewer]"`.
 * The local gateway passes the same shape, so this parser is the one path for both.
 */
function parseGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string') return [];
  const trimmed = raw.trim().replace(/^\[|\]$/g, '');
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
});

export function actorFromClaims(claims: Record<string, unknown> | undefined): Actor {
  const parsed = claimsSchema.safeParse(claims ?? {});
  if (!parsed.success || !claims) {
    throw new UnauthenticatedError({
      vi: 'Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại.',
      en: 'Your session is not valid, please sign in again.',
    });
  }
  // A user in several groups acts with the strongest role they hold.
  const roles = parseGroups(claims[CLAIMS.groups])
    .filter((g): g is Role => (ROLES as readonly string[]).includes(g))
    .sort((a, b) => roleRank[a] - roleRank[b]);
  const role = roles[0];
  if (!role) {
    throw new UnauthenticatedError({
      vi: 'Tài khoản chưa được gán vai trò. Liên hệ quản trị viên.',
      en: 'Your account has no role yet. Contact your administrator.',
    });
  }
  const entityId = claims[CLAIMS.entity];
  const unitId = claims[CLAIMS.unit];
  return {
    userId: parsed.data.sub,
    email: parsed.data.email,
    name: parsed.data.name,
    role,
    entityId: typeof entityId === 'string' && entityId ? entityId : undefined,
    unitId: typeof unitId === 'string' && unitId ? unitId : undefined,
    scope: role === 'admin' || role === 'reviewer' ? parseScope(claims[CLAIMS.scope]) : undefined,
  };
}

/** Who an audit entry or comment names: the id that never changes, plus the name people read at that time. */
export interface ActorRef {
  userId: string;
  role: Role;
  name?: string;
}

export function actorRef(actor: Actor): ActorRef {
  const name = actor.name ?? actor.email;
  return { userId: actor.userId, role: actor.role, ...(name ? { name } : {}) };
}
