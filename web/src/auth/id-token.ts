/** What the app reads from the ID token: the user (sub, email, name, highest role, entity, unit) and its expiry. */
export type Role = 'admin' | 'reviewer' | 'leader' | 'member';
const ROLE_RANK: Record<Role, number> = { admin: 0, reviewer: 1, leader: 2, member: 3 };

export interface SessionUser {
  sub: string;
  email?: string;
  name?: string;
  role?: Role;
  entityId?: string;
  unitId?: string;
}

function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('malformed token');
  const b64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  // Names are Vietnamese: decode UTF-8, not Latin-1.
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function groupsOf(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string')
    return raw
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  return [];
}

export function userFromIdToken(idToken: string): SessionUser {
  const c = decodeJwtPayload(idToken);
  const role = groupsOf(c['cognito:groups'])
    .filter((g): g is Role => g in ROLE_RANK)
    .sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b])[0];
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    sub: String(c.sub ?? ''),
    email: str(c.email),
    name: str(c.name),
    role,
    entityId: str(c['custom:entity_id']),
    unitId: str(c['custom:unit_id']),
  };
}

export function expiryOf(idToken: string, expiresInSeconds: number): number {
  const exp = decodeJwtPayload(idToken).exp;
  return typeof exp === 'number' ? exp * 1000 : Date.now() + expiresInSeconds * 1000;
}
