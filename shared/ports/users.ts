/** Ports: Sign-in accounts and the application's user profiles. */
import type { UserProfile } from '#domain/user.ts';
import type { AuditEntry, Page } from './common.ts';

/** The identity provider (Cognito in AWS, the local issuer locally): sign-in accounts, groups, attributes. */
export interface UserDirectory {
  /** Creates the account and sends the invitation with a temporary password; returns the provider's user id. */
  invite(
    user: Pick<UserProfile, 'email' | 'name' | 'role' | 'entityId' | 'unitId' | 'scope'>,
  ): Promise<{ userId: string }>;
  /** Sets role (group), entity, unit and scope so the next token carries them. */
  update(
    email: string,
    user: Pick<UserProfile, 'name' | 'role' | 'entityId' | 'unitId' | 'scope'>,
  ): Promise<void>;
  /** Disabling also signs the user out everywhere (refresh tokens revoked). */
  setEnabled(email: string, enabled: boolean): Promise<void>;
  /** Whether the user has TOTP turned on, as the provider says now (Cognito: AdminGetUser's MFA settings). */
  mfaEnabled(email: string): Promise<boolean>;
  /** Turns the user's TOTP off; their next sign-in asks only for the password. */
  resetMfa(email: string): Promise<void>;
}

/** The application's copy of user profiles, for listing by entity and for audit. */
export interface UserRepository {
  get(userId: string): Promise<UserProfile | undefined>;
  findByEmail(email: string): Promise<UserProfile | undefined>;
  list(filter: { entityId?: string }, limit: number, cursor?: string): Promise<Page<UserProfile>>;
  create(user: UserProfile, audit: AuditEntry): Promise<void>;
  /** Conditional on `expectedVersion`; returns false when someone else changed the user first. */
  update(user: UserProfile, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
}
