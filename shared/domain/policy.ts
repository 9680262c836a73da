/**
 * The access policy skeleton: one pure function every use case asks before it reads or writes.
 * The identity issue grows this into the full matrix (units, criteria, evidence ownership); the shape stays.
 */
import type { Actor } from './actor.ts';
import { ForbiddenError } from './errors.ts';

export type Action = 'cycle:read' | 'cycle:create' | 'evidence:read' | 'evidence:upload' | 'readiness:read';

export interface Resource {
  entityId?: string;
  unitId?: string;
}

export type Decision = { allow: true } | { allow: false; reason: string };

const ADMIN_ONLY: ReadonlySet<Action> = new Set(['cycle:create']);
const WRITE: ReadonlySet<Action> = new Set(['evidence:upload']);

export function decide(actor: Actor, action: Action, resource: Resource = {}): Decision {
  if (actor.role === 'admin') return { allow: true };
  if (ADMIN_ONLY.has(action)) return { allow: false, reason: 'ROLE_NOT_ALLOWED' };
  if (actor.role === 'reviewer') {
    // Reviewers appraise; they never upload on an entity's behalf.
    return WRITE.has(action) ? { allow: false, reason: 'ROLE_NOT_ALLOWED' } : { allow: true };
  }
  // Leaders and members act inside their own entity only.
  if (resource.entityId && resource.entityId !== actor.entityId)
    return { allow: false, reason: 'OTHER_ENTITY' };
  return { allow: true };
}

export function authorize(actor: Actor, action: Action, resource: Resource = {}): void {
  const d = decide(actor, action, resource);
  if (!d.allow) {
    throw new ForbiddenError(d.reason, {
      vi: 'Bạn không có quyền thực hiện thao tác này.',
      en: 'You are not allowed to do this.',
    });
  }
}
