/**
 * Cognito's InitiateAuth and RespondToAuthChallenge over its JSON API: the same requests go to the local
 * issuer and to `https://cognito-idp.<region>.amazonaws.com/`, so sign-in code is identical in every stage.
 * An invited user signs in with the temporary password from the invitation and must then choose their own
 * (NEW_PASSWORD_REQUIRED); a user with an authenticator app answers SOFTWARE_TOKEN_MFA with its 6-digit code;
 * in a pool that requires MFA, a user without one sets it up inside the sign-in (MFA_SETUP). Enrolment of a
 * signed-in user (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference) uses their access token.
 */
import type { AppConfig } from '../config.ts';

export interface AuthResult {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

export type AuthFailure =
  | 'invalid'
  | 'challenge'
  | 'network'
  | 'unknown'
  /** The new password breaks the pool's policy. */
  | 'password-policy'
  /** The new-password step took too long (Cognito's session lasts 3 minutes): sign in again. */
  | 'challenge-expired'
  /** A password-reset code that is wrong, or too old. */
  | 'code-mismatch'
  | 'code-expired'
  /** Too many attempts or codes: Cognito asks to wait. */
  | 'limit'
  /** Cognito spent or dropped the MFA_SETUP session: enrolment starts again with a new secret. */
  | 'setup-restart';

/** The user signed in with a temporary password and must choose their own before getting tokens. */
export interface NewPasswordRequired {
  challenge: 'NEW_PASSWORD_REQUIRED';
  session: string;
}

/** The user has an authenticator app: the 6-digit code it shows now. */
export interface MfaCodeRequired {
  challenge: 'SOFTWARE_TOKEN_MFA';
  session: string;
}

/** The pool requires MFA and the user has none yet: enrol an authenticator inside the sign-in. */
export interface MfaSetupRequired {
  challenge: 'MFA_SETUP';
  session: string;
}

export type SignInChallenge = NewPasswordRequired | MfaCodeRequired | MfaSetupRequired;

const CHALLENGES = new Set<string>(['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP']);

export class AuthError extends Error {
  readonly kind: AuthFailure;
  constructor(kind: AuthFailure, detail: string) {
    super(detail);
    this.kind = kind;
  }
}

export function cognitoEndpoint(auth: AppConfig['auth']): string {
  return auth.endpoint || `https://cognito-idp.${auth.region}.amazonaws.com/`;
}

interface CognitoAnswer {
  AuthenticationResult?: AuthResult;
  ChallengeName?: string;
  Session?: string;
  SecretCode?: string;
  Status?: string;
}

async function cognito(auth: AppConfig['auth'], operation: string, body: unknown): Promise<CognitoAnswer> {
  let res: Response;
  try {
    res = await fetch(cognitoEndpoint(auth), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new AuthError('network', (e as Error).message);
  }
  const answer = (await res.json().catch(() => ({}))) as CognitoAnswer & {
    __type?: string;
    message?: string;
  };
  if (res.ok) return answer;
  const type = (answer.__type ?? '').split('#').pop();
  if (type === 'InvalidPasswordException') throw new AuthError('password-policy', answer.message ?? type);
  // A wrong TOTP at sign-in, and a wrong first code while enrolling an authenticator.
  if (type === 'CodeMismatchException' || type === 'EnableSoftwareTokenMFAException')
    throw new AuthError('code-mismatch', answer.message ?? type);
  if (type === 'ExpiredCodeException') throw new AuthError('code-expired', answer.message ?? type);
  if (type === 'LimitExceededException' || type === 'TooManyFailedAttemptsException')
    throw new AuthError('limit', answer.message ?? type);
  if (type === 'NotAuthorizedException' || type === 'UserNotFoundException')
    throw new AuthError(
      operation === 'RespondToAuthChallenge' ? 'challenge-expired' : 'invalid',
      answer.message ?? type,
    );
  if (type === 'PasswordResetRequiredException' || type === 'UserNotConfirmedException')
    throw new AuthError('challenge', answer.message ?? type);
  throw new AuthError('unknown', answer.message ?? `HTTP ${res.status}`);
}

function tokensOf(answer: CognitoAnswer): AuthResult {
  if (answer.AuthenticationResult) return answer.AuthenticationResult;
  throw new AuthError('challenge', answer.ChallengeName ?? 'no tokens in the answer');
}

/** Tokens, or the next challenge the app knows how to answer (anything else: `challenge`, ask the admin). */
function nextStep(answer: CognitoAnswer): AuthResult | SignInChallenge {
  if (answer.ChallengeName && CHALLENGES.has(answer.ChallengeName) && answer.Session)
    return { challenge: answer.ChallengeName, session: answer.Session } as SignInChallenge;
  return tokensOf(answer);
}

export async function signInWithPassword(
  auth: AppConfig['auth'],
  email: string,
  password: string,
): Promise<AuthResult | SignInChallenge> {
  return nextStep(
    await cognito(auth, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { USERNAME: email.trim(), PASSWORD: password },
    }),
  );
}

export async function answerNewPassword(
  auth: AppConfig['auth'],
  email: string,
  challenge: NewPasswordRequired,
  newPassword: string,
): Promise<AuthResult | SignInChallenge> {
  return nextStep(
    await cognito(auth, 'RespondToAuthChallenge', {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: auth.clientId,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: email.trim(), NEW_PASSWORD: newPassword },
    }),
  );
}

/** The authenticator's code for a SOFTWARE_TOKEN_MFA session (Cognito spends the session on any answer). */
export async function answerMfaCode(
  auth: AppConfig['auth'],
  email: string,
  session: string,
  code: string,
): Promise<AuthResult> {
  return tokensOf(
    await cognito(auth, 'RespondToAuthChallenge', {
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: auth.clientId,
      Session: session,
      ChallengeResponses: { USERNAME: email.trim(), SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );
}

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

/** Finishes an MFA_SETUP sign-in once VerifySoftwareToken accepted the code. */
export async function answerMfaSetup(
  auth: AppConfig['auth'],
  email: string,
  session: string,
): Promise<AuthResult> {
  return tokensOf(
    await cognito(auth, 'RespondToAuthChallenge', {
      ChallengeName: 'MFA_SETUP',
      ClientId: auth.clientId,
      Session: session,
      ChallengeResponses: { USERNAME: email.trim() },
    }),
  );
}

export const refreshTokens = async (auth: AppConfig['auth'], refreshToken: string) =>
  tokensOf(
    await cognito(auth, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: auth.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );

/** Sends a reset code to the address (Cognito answers the same for unknown addresses: nothing is revealed). */
export async function forgotPassword(auth: AppConfig['auth'], email: string): Promise<void> {
  await cognito(auth, 'ForgotPassword', { ClientId: auth.clientId, Username: email.trim() });
}

export async function confirmForgotPassword(
  auth: AppConfig['auth'],
  email: string,
  code: string,
  newPassword: string,
): Promise<void> {
  await cognito(auth, 'ConfirmForgotPassword', {
    ClientId: auth.clientId,
    Username: email.trim(),
    ConfirmationCode: code.trim(),
    Password: newPassword,
  });
}
