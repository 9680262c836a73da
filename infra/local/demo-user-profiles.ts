/**
 * The demo users as the application's user profiles (what the identity mirror keeps in AWS): reminders find
 * their recipients there, so locally the demo users receive them in the local mailbox.
 */
import * as keys from '#adapters/dynamo/keys.ts';
import type { UserProfile } from '#domain/user.ts';
import { DEMO_USERS } from './demo-data.ts';

const SEEDED_AT = '2023-07-20T01:00:00.000Z';

export function demoUserProfiles(): UserProfile[] {
  return DEMO_USERS.map((u) => ({
    userId: u.sub,
    email: u.email,
    name: u.name,
    role: u.role,
    ...(u.entityId ? { entityId: u.entityId } : {}),
    ...(u.unitId ? { unitId: u.unitId } : {}),
    enabled: true,
    // As the directory said at seeding; the first sign-in's check (POST /v1/me/mfa) confirms it again.
    ...(u.totpSecret ? { mfa: { enabled: true, checkedAt: SEEDED_AT } } : {}),
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    version: 1,
  }));
}

export function demoUserItems(): Record<string, unknown>[] {
  return demoUserProfiles().flatMap((u) => [
    { ...keys.user(u.userId), ...keys.userIndex(u.entityId, u.email), _type: 'user', ...u },
    { ...keys.userEmail(u.email), _type: 'user-email', userId: u.userId },
  ]);
}
