/**
 * Cognito's InitiateAuth and RespondToAuthChallenge over its JSON API: the same requests go to the local
 * issuer and to `https://cognito-idp.<region>.amazonaws.com/`, so sign-in code is identical in every stage.
 * An invited user signs in with the temporary password from the invitation and must then choose their own
 * (NEW_PASSWORD_REQUIRED); that is the only challenge the app answers.
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
  | 'limit';

/** The user signed in with a temporary password and must choose their own before getting tokens. */
export interface NewPasswordRequired {
  challenge: 'NEW_PASSWORD_REQUIRED';
  session: string;
}

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
  if (type === 'CodeMismatchException') throw new AuthError('code-mismatch', answer.message ?? type);
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

export async function signInWithPassword(
  auth: AppConfig['auth'],
  email: string,
  password: string,
): Promise<AuthResult | NewPasswordRequired> {
  const answer = await cognito(auth, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: auth.clientId,
    AuthParameters: { USERNAME: email.trim(), PASSWORD: password },
  });
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session)
    return { challenge: 'NEW_PASSWORD_REQUIRED', session: answer.Session };
  return tokensOf(answer);
}

export async function answerNewPassword(
  auth: AppConfig['auth'],
  email: string,
  challenge: NewPasswordRequired,
  newPassword: string,
): Promise<AuthResult> {
  return tokensOf(
    await cognito(auth, 'RespondToAuthChallenge', {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: auth.clientId,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: email.trim(), NEW_PASSWORD: newPassword },
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
