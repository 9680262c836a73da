/**
 * Cognito's InitiateAuth over its JSON API: the same request goes to the local issuer and to
 * `https://cognito-idp.<region>.amazonaws.com/`, so sign-in code is identical in every stage.
 */
import type { AppConfig } from '../config.ts';

export interface AuthResult {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

export type AuthFailure = 'invalid' | 'challenge' | 'network' | 'unknown';

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

async function initiateAuth(
  auth: AppConfig['auth'],
  flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH',
  params: Record<string, string>,
): Promise<AuthResult> {
  let res: Response;
  try {
    res = await fetch(cognitoEndpoint(auth), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({ AuthFlow: flow, ClientId: auth.clientId, AuthParameters: params }),
    });
  } catch (e) {
    throw new AuthError('network', (e as Error).message);
  }
  const body = (await res.json().catch(() => ({}))) as {
    AuthenticationResult?: AuthResult;
    ChallengeName?: string;
    __type?: string;
    message?: string;
  };
  if (res.ok && body.AuthenticationResult) return body.AuthenticationResult;
  if (res.ok && body.ChallengeName) throw new AuthError('challenge', body.ChallengeName);
  const type = (body.__type ?? '').split('#').pop();
  if (type === 'NotAuthorizedException' || type === 'UserNotFoundException')
    throw new AuthError('invalid', body.message ?? type);
  if (type === 'PasswordResetRequiredException' || type === 'UserNotConfirmedException')
    throw new AuthError('challenge', body.message ?? type);
  throw new AuthError('unknown', body.message ?? `HTTP ${res.status}`);
}

export const signInWithPassword = (auth: AppConfig['auth'], email: string, password: string) =>
  initiateAuth(auth, 'USER_PASSWORD_AUTH', { USERNAME: email.trim(), PASSWORD: password });

export const refreshTokens = (auth: AppConfig['auth'], refreshToken: string) =>
  initiateAuth(auth, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
