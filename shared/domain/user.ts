import * as z from 'zod/mini';
import { type ActorScope, ROLES } from './actor.ts';
import { droppable, ID_PATTERN, id, text } from './common.ts';
import { isoDateTime } from './zod-lean.ts';

export const actorScopeSchema = /* @__PURE__ */ droppable(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('province'), province: text(100) }),
    z.object({ kind: z.literal('entities'), entityIds: z.array(id).check(z.minLength(1), z.maxLength(100)) }),
  ]),
);

/** The claim string Cognito stores in `custom:scope` (for the web app; the API reads the profile's scope). */
export function scopeClaim(scope: ActorScope | undefined): string | undefined {
  if (!scope || scope.kind === 'all') return undefined;
  return scope.kind === 'province' ? `province:${scope.province}` : `entities:${scope.entityIds.join(',')}`;
}

/** A profile's fields, with the schema its scope is checked by (key order is the stored order). */
const profileShape = <S extends z.ZodMiniType<ActorScope>>(scope: S) => ({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  entityId: z.optional(z.string()),
  unitId: z.optional(z.string()),
  scope: z.optional(scope),
  /** Language of e-mails and reminders; absent = Vietnamese. */
  locale: z.optional(z.enum(['vi', 'en'])),
  enabled: z.boolean(),
  /**
   * Tokens issued before this instant no longer act (disabled, role or placement changed): the caller gets a
   * 401 `ACCESS_CHANGED` and signs in again. docs/access.md, "Revocation".
   */
  sessionsValidFrom: z.optional(isoDateTime()),
  /**
   * Two-step sign-in (TOTP) as the identity provider last reported it, and when it was asked. Set by the
   * user's own check (`POST /v1/me/mfa`) and by an admin's reset, never from what a client claims. Required
   * for admins: docs/access.md, "MFA".
   */
  mfa: z.optional(z.object({ enabled: z.boolean(), checkedAt: isoDateTime() })),
  createdAt: isoDateTime(),
  updatedAt: isoDateTime(),
  version: z.number().check(z.int(), z.gte(1)),
});

/** A user as the application sees them (mirrors the identity provider; the provider is the truth for sign-in). */
export const userProfileSchema = /* @__PURE__ */ droppable(() => z.object(profileShape(actorScopeSchema)));
export type UserProfile = z.infer<typeof userProfileSchema>;

/** The shape `actorScopeSchema` accepts, as a plain check: no zod union kinds. */
function isStoredScope(v: unknown): v is ActorScope {
  const s = v as Partial<Record<'kind' | 'province' | 'entityIds', unknown>> | null;
  if (typeof s !== 'object' || s === null) return false;
  if (s.kind === 'all') return true;
  if (s.kind === 'province')
    return typeof s.province === 'string' && s.province.length > 0 && s.province.length <= 100;
  return (
    s.kind === 'entities' &&
    Array.isArray(s.entityIds) &&
    s.entityIds.length > 0 &&
    s.entityIds.length <= 100 &&
    s.entityIds.every((e) => typeof e === 'string' && ID_PATTERN.test(e))
  );
}

/**
 * A profile as read back from the table. Every request reads its caller's profile, so this is in every
 * function: the scope was checked by `actorScopeSchema` when written, and a read checks its shape with a plain
 * predicate (the discriminated union and text cleaning would add ~6 KB of zod to every bundle). A profile
 * that fails it is still a corrupt item.
 */
export const storedUserProfileSchema: z.ZodMiniType<UserProfile> = /* @__PURE__ */ droppable(() =>
  z.object(profileShape(z.custom<ActorScope>(isStoredScope))),
);

const placement = /* @__PURE__ */ droppable(() => ({
  role: z.enum(ROLES),
  entityId: z.optional(id),
  unitId: z.optional(id),
  scope: z.optional(actorScopeSchema),
}));

/** Members and leaders belong to one unit of one entity; only admins and reviewers carry a wider scope. */
function checkPlacement(
  v: { role?: (typeof ROLES)[number]; entityId?: string; unitId?: string; scope?: unknown },
  ctx: z.core.$RefinementCtx,
) {
  if (v.role === 'member' || v.role === 'leader') {
    if (!v.entityId)
      ctx.addIssue({
        code: 'custom',
        path: ['entityId'],
        message: 'members and leaders need an entity',
        params: { vi: 'Chuyên viên và lãnh đạo phải thuộc một cơ quan.' },
      });
    if (!v.unitId)
      ctx.addIssue({
        code: 'custom',
        path: ['unitId'],
        message: 'members and leaders need a unit',
        params: { vi: 'Chuyên viên và lãnh đạo phải thuộc một phòng/đơn vị.' },
      });
    if (v.scope)
      ctx.addIssue({
        code: 'custom',
        path: ['scope'],
        message: 'only admins and reviewers have a scope',
        params: { vi: 'Chỉ quản trị viên và thẩm định viên có phạm vi.' },
      });
  } else if (v.unitId && !v.entityId) {
    // A unit exists only inside its entity: an admin or reviewer "of a unit" without one is no placement.
    ctx.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: 'a unit needs its entity (entityId)',
      params: { vi: 'Phòng/đơn vị phải đi kèm cơ quan của nó (entityId).' },
    });
  }
}

export const inviteUserSchema = /* @__PURE__ */ droppable(() =>
  z
    .strictObject({
      email: z.pipe(
        z.email().check(z.maxLength(254)),
        z.transform((e) => e.trim().toLowerCase()),
      ),
      name: text(200),
      ...placement,
    })
    .check(z.superRefine(checkPlacement)),
);
export type InviteUser = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = /* @__PURE__ */ droppable(() =>
  z
    .strictObject({
      version: z.number().check(z.int(), z.gte(1)),
      name: z.optional(text(200)),
      ...placement,
    })
    .check(z.superRefine(checkPlacement)),
);
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const setEnabledSchema = /* @__PURE__ */ droppable(() =>
  z.strictObject({ version: z.number().check(z.int(), z.gte(1)), enabled: z.boolean() }),
);

/** An admin turns a user's authenticator off (lost phone): they sign in with the password and enrol again. */
export const resetMfaSchema = /* @__PURE__ */ droppable(() =>
  z.strictObject({ version: z.number().check(z.int(), z.gte(1)) }),
);

/** The caller's two-step sign-in as the identity provider reports it now, and whether their role needs it. */
export const mfaStatusSchema = /* @__PURE__ */ droppable(() =>
  z.object({
    enabled: z.boolean(),
    required: z.boolean(),
    checkedAt: isoDateTime(),
  }),
);
export type MfaStatus = z.infer<typeof mfaStatusSchema>;
