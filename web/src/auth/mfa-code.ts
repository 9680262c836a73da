/**
 * Answering the sign-in's TOTP challenge without making the user type the password again. Cognito spends a
 * challenge session on any answer (a wrong code included) and drops it after 3 minutes; so a code is sent with
 * the session while it is fresh, and otherwise — or when Cognito says the session is no longer valid — the
 * sign-in starts again with the password kept in memory for this step only, and the code goes with the new
 * session. Pure (the Cognito calls are passed in), so it is tested on its own (test/unit/web-mfa.test.ts).
 */
import { AuthError, type AuthResult } from './cognito.ts';

/** The challenge at hand: its session, and whether an answer already spent it. */
export interface CodeAttempt {
  session: string;
  spent: boolean;
}

export interface CodeOps {
  respond(session: string, code: string): Promise<AuthResult>;
  /** Signs in again with the password: a new SOFTWARE_TOKEN_MFA session, or tokens if MFA is off by now. */
  restart(): Promise<string | AuthResult>;
}

/** Tokens for `code`; throws `code-mismatch` for a wrong code (the attempt is then spent). */
export async function answerWithCode(attempt: CodeAttempt, code: string, ops: CodeOps): Promise<AuthResult> {
  const fresh = async () => {
    const r = await ops.restart();
    if (typeof r !== 'string') return r;
    attempt.session = r;
    attempt.spent = false;
    return undefined;
  };
  if (attempt.spent) {
    const direct = await fresh();
    if (direct) return direct;
  }
  try {
    return await ops.respond(attempt.session, code);
  } catch (e) {
    attempt.spent = true;
    // An expired session with a code the user just read: once more with a new session.
    if (!(e instanceof AuthError && e.kind === 'challenge-expired')) throw e;
    const direct = await fresh();
    if (direct) return direct;
    try {
      return await ops.respond(attempt.session, code);
    } finally {
      attempt.spent = true;
    }
  }
}
