/** Enrolling an authenticator app: a new TOTP secret, its first code, and the user's MFA preference. */
import type { AppConfig } from '../config.ts';
import { AuthError, cognito } from './cognito-call.ts';

/** Who is enrolling: a signed-in user (their access token) or a sign-in in MFA_SETUP (its session). */
export type Enroller = { accessToken: string } | { session: string };

const enrollerBody = (who: Enroller) =>
  'accessToken' in who ? { AccessToken: who.accessToken } : { Session: who.session };

/** A new TOTP secret (base32) for the user; with a session, the session to verify it with. */
export async function associateSoftwareToken(
  auth: AppConfig['auth'],
  who: Enroller,
): Promise<{ secret: string; session?: string }> {
  const answer = await cognito(auth, 'AssociateSoftwareToken', enrollerBody(who));
  if (!answer.SecretCode) throw new AuthError('unknown', 'no secret in the answer');
  return { secret: answer.SecretCode, ...(answer.Session ? { session: answer.Session } : {}) };
}

/** The first code from the app proves it holds the secret; with a session, the session to finish MFA_SETUP. */
export async function verifySoftwareToken(
  auth: AppConfig['auth'],
  who: Enroller,
  code: string,
  deviceName: string,
): Promise<{ session?: string }> {
  const answer = await cognito(auth, 'VerifySoftwareToken', {
    ...enrollerBody(who),
    UserCode: code,
    FriendlyDeviceName: deviceName,
  });
  if (answer.Status !== 'SUCCESS') throw new AuthError('code-mismatch', answer.Status ?? 'not verified');
  return answer.Session ? { session: answer.Session } : {};
}

/** Turns the user's TOTP on (and preferred) or off: Cognito then asks, or stops asking, at every sign-in. */
export async function setTotpPreference(
  auth: AppConfig['auth'],
  accessToken: string,
  enabled: boolean,
): Promise<void> {
  await cognito(auth, 'SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: enabled, PreferredMfa: enabled },
  });
}
