/**
 * Cognito's InitiateAuth and RespondToAuthChallenge over its JSON API: the same requests go to the local
 * issuer and to `https://cognito-idp.<region>.amazonaws.com/`, so sign-in code is identical in every stage.
 * An invited user signs in with the temporary password from the invitation and must then choose their own
 * (NEW_PASSWORD_REQUIRED); a user with an authenticator app answers SOFTWARE_TOKEN_MFA with its 6-digit code;
 * in a pool that requires MFA, a user without one sets it up inside the sign-in (MFA_SETUP). Enrolment of a
 * signed-in user (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference) uses their access token.
 */
import type { AppConfig } from '../config.ts';
import { type AuthResult, type CognitoAnswer, cognito, tokensOf } from './cognito-call.ts';

export { AuthError, type AuthFailure, type AuthResult, cognitoEndpoint } from './cognito-call.ts';
export {
  associateSoftwareToken,
  type Enroller,
  setTotpPreference,
  verifySoftwareToken,
} from './cognito-totp.ts';

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
