import { ConflictError } from '#domain/errors.ts';
import type { UserProfile } from '#domain/user.ts';
import type { UserDirectory } from '#ports.ts';

type Attributes = Pick<UserProfile, 'name' | 'role' | 'entityId' | 'unitId' | 'scope'>;

export interface DirectoryAccount extends Attributes {
  userId: string;
  email: string;
  enabled: boolean;
  mfa: boolean;
  /** Signed out everywhere (disabled) this many times. */
  signOuts: number;
}

export interface MemoryUserDirectory extends UserDirectory {
  account(email: string): DirectoryAccount | undefined;
  /** The user turned TOTP on (what the sign-in flow does). */
  enableMfa(email: string): void;
}

/** An unknown user is Cognito's `UserNotFoundException`, which the Cognito adapter lets through. */
const notFound = (email: string) =>
  Object.assign(new Error(`User does not exist: ${email}`), { name: 'UserNotFoundException' });

export function memoryUserDirectory(): MemoryUserDirectory {
  const accounts = new Map<string, DirectoryAccount>();
  let n = 0;
  const find = (email: string) => {
    const a = accounts.get(email);
    if (!a) throw notFound(email);
    return a;
  };
  return {
    async invite(u) {
      if (accounts.has(u.email))
        throw new ConflictError({
          vi: `Đã có tài khoản với thư điện tử ${u.email}.`,
          en: `An account with e-mail ${u.email} already exists.`,
        });
      const userId = `memory-sub-${++n}`;
      accounts.set(u.email, { ...structuredClone(u), userId, enabled: true, mfa: false, signOuts: 0 });
      return { userId };
    },
    async update(email, u) {
      const a = find(email);
      accounts.set(email, {
        ...a,
        name: u.name,
        role: u.role,
        entityId: u.entityId,
        unitId: u.unitId,
        scope: u.scope,
      });
    },
    async setEnabled(email, enabled) {
      const a = find(email);
      a.enabled = enabled;
      // Disabling signs the user out everywhere.
      if (!enabled) a.signOuts++;
    },
    mfaEnabled: async (email) => find(email).mfa,
    async resetMfa(email) {
      find(email).mfa = false;
    },
    account: (email) => {
      const a = accounts.get(email);
      return a && structuredClone(a);
    },
    enableMfa(email) {
      find(email).mfa = true;
    },
  };
}
