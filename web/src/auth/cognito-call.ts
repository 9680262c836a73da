/** One request to Cognito's JSON API, its errors as `AuthError` kinds, and the tokens of an answer. */
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

export interface CognitoAnswer {
  AuthenticationResult?: AuthResult;
  ChallengeName?: string;
  Session?: string;
  SecretCode?: string;
  Status?: string;
}

export async function cognito(
  auth: AppConfig['auth'],
  operation: string,
  body: unknown,
): Promise<CognitoAnswer> {
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

export function tokensOf(answer: CognitoAnswer): AuthResult {
  if (answer.AuthenticationResult) return answer.AuthenticationResult;
  throw new AuthError('challenge', answer.ChallengeName ?? 'no tokens in the answer');
}
