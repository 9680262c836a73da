import * as z from 'zod/mini';
import { droppable } from './common.ts';
import { UnauthenticatedError } from './errors.ts';

/** Roles of the access model (the full policy arrives with the identity issue). */
export const ROLES = ['admin', 'reviewer', 'leader', 'member'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling: the identity from the verified token, the role and reach from the stored user profile as it
 * is now (shared/usecases/current-actor.ts), the same way in AWS and locally.
 */
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

/**
 * Claim names as Cognito issues them in the ID token (groups for roles, custom attributes for scope). The web
 * app reads them to shape its pages; the API never takes reach from them, only from the profile.
 */
export const CLAIMS = {
  groups: 'cognito:groups',
  entity: 'custom:entity_id',
  unit: 'custom:unit_id',
  /** `province:<name>` or `entities:<id>,<id>`; absent means all (admins and reviewers only). */
  scope: 'custom:scope',
} as const;

const invalidSession = () =>
  new UnauthenticatedError({
    vi: 'Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại.',
    en: 'Your session is not valid, please sign in again.',
  });

/** What a verified token proves: who the caller is and when the token was issued. Nothing about their reach. */
export interface TokenIdentity {
  userId: string;
  email?: string;
  name?: string;
  /** `iat`, epoch seconds. */
  issuedAt: number;
  /** `exp`, epoch seconds. */
  expiresAt: number;
  /** `auth_time`, epoch seconds: when the user signed in (refreshed tokens keep it). */
  authTime?: number;
  /** `amr`, the methods the sign-in completed, when the token says (docs/access.md, "MFA"). */
  methods?: string[];
}

/** `amr` as an array, or as API Gateway hands array claims over: one string, `[pwd otp mfa]`. */
function methodsOf(raw: unknown): string[] | undefined {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string') return raw.split(/[\s,[\]"]+/).filter(Boolean);
  return undefined;
}

const claimsSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    sub: z.string().check(z.minLength(1)),
    email: z.optional(z.string()),
    name: z.optional(z.string()),
  }),
);

/** API Gateway's JWT authorizer hands every claim over as a string ("1700000000"); a direct call may pass numbers. */
function epochSeconds(raw: unknown): number | undefined {
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^\d{1,12}$/.test(raw.trim())
        ? Number(raw)
        : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The identity a verified token proves. A token without a numeric `exp` or `iat`, or already expired, proves
 * nothing: the authorizer's own checks are not relied on for that (docs/access.md, "Revocation").
 */
export function identityFromClaims(claims: Record<string, unknown> | undefined, now: Date): TokenIdentity {
  const parsed = claimsSchema.safeParse(claims ?? {});
  if (!parsed.success || !claims) throw invalidSession();
  const expiresAt = epochSeconds(claims.exp);
  const issuedAt = epochSeconds(claims.iat);
  if (expiresAt === undefined || issuedAt === undefined || expiresAt * 1000 <= now.getTime())
    throw invalidSession();
  return {
    userId: parsed.data.sub,
    email: parsed.data.email,
    name: parsed.data.name,
    issuedAt,
    expiresAt,
    authTime: epochSeconds(claims.auth_time),
    methods: methodsOf(claims.amr),
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
