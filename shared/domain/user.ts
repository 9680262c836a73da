import * as z from 'zod';
import { type ActorScope, ROLES } from './actor.ts';
import { id, text } from './common.ts';

export const actorScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('province'), province: text(100) }),
  z.object({ kind: z.literal('entities'), entityIds: z.array(id).min(1).max(100) }),
]);

/** The claim string Cognito stores in `custom:scope` (for the web app; the API reads the profile's scope). */
export function scopeClaim(scope: ActorScope | undefined): string | undefined {
  if (!scope || scope.kind === 'all') return undefined;
  return scope.kind === 'province' ? `province:${scope.province}` : `entities:${scope.entityIds.join(',')}`;
}

/** A user as the application sees them (mirrors the identity provider; the provider is the truth for sign-in). */
export const userProfileSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  entityId: z.string().optional(),
  unitId: z.string().optional(),
  scope: actorScopeSchema.optional(),
  /** Language of e-mails and reminders; absent = Vietnamese. */
  locale: z.enum(['vi', 'en']).optional(),
  enabled: z.boolean(),
  /**
   * Tokens issued before this instant no longer act (disabled, role or placement changed): the caller gets a
   * 401 `ACCESS_CHANGED` and signs in again. docs/access.md, "Revocation".
   */
  sessionsValidFrom: z.iso.datetime().optional(),
  /**
   * Two-step sign-in (TOTP) as the identity provider last reported it, and when it was asked. Set by the
   * user's own check (`POST /v1/me/mfa`) and by an admin's reset, never from what a client claims. Required
   * for admins: docs/access.md, "MFA".
   */
  mfa: z.object({ enabled: z.boolean(), checkedAt: z.iso.datetime() }).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

const placement = {
  role: z.enum(ROLES),
  entityId: id.optional(),
  unitId: id.optional(),
  scope: actorScopeSchema.optional(),
};

/** Members and leaders belong to one unit of one entity; only admins and reviewers carry a wider scope. */
function checkPlacement(
  v: { role?: (typeof ROLES)[number]; entityId?: string; unitId?: string; scope?: unknown },
  ctx: z.RefinementCtx,
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

export const inviteUserSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.trim().toLowerCase()),
    name: text(200),
    ...placement,
  })
  .strict()
  .superRefine(checkPlacement);
export type InviteUser = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = z
  .object({
    version: z.number().int().min(1),
    name: text(200).optional(),
    ...placement,
  })
  .strict()
  .superRefine(checkPlacement);
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const setEnabledSchema = z.object({ version: z.number().int().min(1), enabled: z.boolean() }).strict();

/** An admin turns a user's authenticator off (lost phone): they sign in with the password and enrol again. */
export const resetMfaSchema = z.object({ version: z.number().int().min(1) }).strict();

/** The caller's two-step sign-in as the identity provider reports it now, and whether their role needs it. */
export const mfaStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  checkedAt: z.iso.datetime(),
});
export type MfaStatus = z.infer<typeof mfaStatusSchema>;
