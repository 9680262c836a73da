/**
 * Local stand-in for the Cognito user pool. It speaks Cognito's own JSON API (X-Amz-Target), so the web app
 * signs in with the same calls in both places and the user-administration adapter uses the real Cognito SDK
 * client pointed here. Covered: InitiateAuth (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH), RespondToAuthChallenge
 * (NEW_PASSWORD_REQUIRED after an invitation; SOFTWARE_TOKEN_MFA for users with TOTP on; MFA_SETUP when the pool
 * requires MFA), the TOTP calls (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference, GetUser,
 * AdminSetUserMFAPreference) with real RFC 6238 codes, and the admin calls of `shared/adapters/cognito`. Tokens
 * are RS256 with Cognito's claim names; the JWKS is published at `<issuer>/.well-known/jwks.json`.
 * Local only: never deployed. Accounts persist in `<dataDir>/users.json`.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomInt,
  randomUUID,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { dirname } from 'node:path';
import { CLAIMS, ROLES } from '#domain/actor.ts';
import type { DemoUser } from './demo-data.ts';
import { newTotpSecret, verifyTotp } from './totp.ts';

export const LOCAL_POOL_ID = 'local_MinhChung';
export const LOCAL_CLIENT_ID = 'minhchung-web-local';
const TARGET = 'AWSCognitoIdentityProviderService.';

export interface IssuerOptions {
  port: number;
  users: DemoUser[];
  password: string;
  /** Where the signing key is kept so tokens survive a restart of the local stack. */
  keyFile: string;
  /** Where accounts (demo and invited) are kept; omitted = in memory. */
  usersFile?: string;
  idTokenSeconds?: number;
  refreshTokenSeconds?: number;
  /** The pool's MFA setting: OPTIONAL as deployed (infra/constructs/identity.ts), ON to exercise MFA_SETUP. */
  mfa?: 'OPTIONAL' | 'ON';
  log?: (line: string) => void;
}

export interface TokenSet {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export interface LocalMessage {
  at: string;
  to: string;
  subject: string;
  body: string;
}

export interface Issuer {
  issuerUrl: string;
  jwksUrl: string;
  clientId: string;
  endpoint: string;
  poolId: string;
  /** Signs a token with the issuer's real key (tests mint expired or foreign-audience tokens with it). */
  signToken(claims: Record<string, unknown>, key?: KeyObject): string;
  /** Direct sign-in without HTTP, for scripts; `code` answers the TOTP challenge of an enrolled user. */
  signIn(email: string, password: string, code?: string): TokenSet | undefined;
  /** Invitations the pool "sent" (Cognito e-mails them in AWS). */
  messages(): LocalMessage[];
  close(): Promise<void>;
}

interface Account {
  username: string;
  sub: string;
  /** scrypt would be proper; this is a local developer tool, so a salted SHA-256 keeps it simple and offline. */
  passwordHash: string;
  salt: string;
  status: 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';
  enabled: boolean;
  groups: string[];
  attributes: Record<string, string>;
  createdAt: string;
  /** The verified TOTP secret and whether it is on (Cognito's SoftwareTokenMfaSettings). */
  totp?: { secret: string; enabled: boolean; preferred: boolean };
  /** Associated (AssociateSoftwareToken) but not yet verified: the verified one stays until then. */
  totpPending?: string;
  /** Epoch seconds of the last global sign-out: older access tokens no longer call the user APIs. */
  signedOutAt?: number;
}

type Challenge = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';

class CognitoError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');
const hashPassword = (password: string, salt: string) =>
  createHash('sha256').update(`${salt}:${password}`).digest('hex');

function loadKey(file: string): KeyObject {
  if (existsSync(file)) return createPrivateKey(readFileSync(file));
  mkdirSync(dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new CognitoError('InvalidParameterException', 'Request too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Cognito's default policy as configured in infra/constructs/identity.ts. */
function checkPasswordPolicy(pw: string) {
  if (pw.length < 12 || !/[a-z]/.test(pw) || !/[A-Z]/.test(pw) || !/\d/.test(pw) || !/[^A-Za-z0-9]/.test(pw))
    throw new CognitoError(
      'InvalidPasswordException',
      'Password does not conform to policy: at least 12 characters with upper and lower case, a digit and a symbol',
    );
}

export async function startIssuer(opts: IssuerOptions): Promise<Issuer> {
  const log = opts.log ?? (() => {});
  const privateKey = loadKey(opts.keyFile);
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify(publicJwk)).digest('base64url').slice(0, 16);
  const endpoint = `http://localhost:${opts.port}`;
  const issuerUrl = `${endpoint}/${LOCAL_POOL_ID}`;
  const jwks = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
  const idSeconds = opts.idTokenSeconds ?? 3600;
  const refreshSeconds = opts.refreshTokenSeconds ?? 12 * 3600;
  // Refreshed tokens keep the sign-in's auth_time (OpenID Connect Core §12.2).
  const refreshTokens = new Map<string, { sub: string; expiresAt: number; authTime: number }>();
  // Challenge sessions last 3 minutes (Cognito's default AuthSessionValidity); `verified` marks an MFA_SETUP
  // session whose token VerifySoftwareToken accepted.
  const sessions = new Map<
    string,
    { sub: string; expiresAt: number; challenge: Challenge; verified?: boolean }
  >();
  const mfaMode = opts.mfa ?? 'OPTIONAL';
  const publicKey = createPublicKey(privateKey);
  // Forgotten-password codes by account: Cognito's are 6 digits, valid for an hour.
  const resetCodes = new Map<string, { code: string; expiresAt: number }>();
  const outbox: LocalMessage[] = [];

  // ---- accounts ------------------------------------------------------------------------------------------
  const accounts = new Map<string, Account>();
  if (opts.usersFile && existsSync(opts.usersFile)) {
    for (const a of JSON.parse(readFileSync(opts.usersFile, 'utf8')) as Account[]) accounts.set(a.sub, a);
  }
  const save = () => {
    if (!opts.usersFile) return;
    mkdirSync(dirname(opts.usersFile), { recursive: true });
    writeFileSync(opts.usersFile, JSON.stringify([...accounts.values()], null, 2), { mode: 0o600 });
  };
  const byUsername = (username: string | undefined): Account | undefined => {
    const u = (username ?? '').trim().toLowerCase();
    return [...accounts.values()].find((a) => a.username === u || a.sub === u);
  };
  for (const d of opts.users) {
    const existing = byUsername(d.email);
    // A store from before demo admins were enrolled gets their secret, so the demo stays as documented.
    if (existing && d.totpSecret && !existing.totp)
      existing.totp = { secret: d.totpSecret, enabled: true, preferred: true };
    if (existing) continue;
    const salt = randomBytes(8).toString('hex');
    accounts.set(d.sub, {
      username: d.email,
      sub: d.sub,
      salt,
      passwordHash: hashPassword(opts.password, salt),
      status: 'CONFIRMED',
      enabled: true,
      groups: [d.role],
      attributes: {
        email: d.email,
        email_verified: 'true',
        name: d.name,
        ...(d.entityId ? { [CLAIMS.entity]: d.entityId } : {}),
        ...(d.unitId ? { [CLAIMS.unit]: d.unitId } : {}),
      },
      createdAt: new Date().toISOString(),
      ...(d.totpSecret ? { totp: { secret: d.totpSecret, enabled: true, preferred: true } } : {}),
    });
  }
  save();

  const mustFind = (username: string | undefined) => {
    const a = byUsername(username);
    if (!a) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return a;
  };
  const passwordMatches = (a: Account, pw: string) =>
    timingSafeEqual(Buffer.from(hashPassword(pw, a.salt)), Buffer.from(a.passwordHash));

  // ---- tokens --------------------------------------------------------------------------------------------
  const signToken = (claims: Record<string, unknown>, key: KeyObject = privateKey): string => {
    const header = b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    return `${header}.${payload}.${b64url(sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key))}`;
  };

  const tokensFor = (a: Account, withRefresh: boolean, authTime?: number): TokenSet => {
    const now = Math.floor(Date.now() / 1000);
    const base = {
      sub: a.sub,
      iss: issuerUrl,
      iat: now,
      auth_time: authTime ?? now,
      exp: now + idSeconds,
      jti: randomUUID(),
    };
    const custom = Object.fromEntries(Object.entries(a.attributes).filter(([k]) => k.startsWith('custom:')));
    const IdToken = signToken({
      ...base,
      aud: LOCAL_CLIENT_ID,
      token_use: 'id',
      email: a.attributes.email,
      email_verified: true,
      name: a.attributes.name,
      'cognito:username': a.sub,
      [CLAIMS.groups]: a.groups,
      ...custom,
    });
    const AccessToken = signToken({
      ...base,
      client_id: LOCAL_CLIENT_ID,
      token_use: 'access',
      // What InitiateAuth's access tokens carry: the scope Cognito's user APIs (TOTP enrolment) require.
      scope: 'aws.cognito.signin.user.admin',
      username: a.sub,
      [CLAIMS.groups]: a.groups,
    });
    const set: TokenSet = { IdToken, AccessToken, ExpiresIn: idSeconds, TokenType: 'Bearer' };
    if (withRefresh) {
      const refresh = randomBytes(32).toString('base64url');
      refreshTokens.set(refresh, {
        sub: a.sub,
        expiresAt: Date.now() + refreshSeconds * 1000,
        authTime: authTime ?? now,
      });
      set.RefreshToken = refresh;
    }
    return set;
  };

  const passwordAuth = (username: string, password: string) => {
    const a = byUsername(username);
    // One message for unknown user and wrong password, as Cognito with preventUserExistenceErrors.
    if (!a || !passwordMatches(a, password))
      throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    if (!a.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    if (a.status === 'FORCE_CHANGE_PASSWORD') return challenge(a, 'NEW_PASSWORD_REQUIRED');
    return afterPassword(a);
  };

  const newSession = (sub: string, name: Challenge, verified = false) => {
    const session = randomBytes(24).toString('base64url');
    sessions.set(session, { sub, expiresAt: Date.now() + 3 * 60 * 1000, challenge: name, verified });
    return session;
  };

  const challenge = (a: Account, name: Challenge, params: Record<string, string> = {}) => ({
    ChallengeName: name,
    Session: newSession(a.sub, name),
    ChallengeParameters: { USER_ID_FOR_SRP: a.sub, ...params },
  });

  /** The password is right: a user with TOTP on is asked for a code; in a pool that requires MFA, to set one up. */
  const afterPassword = (a: Account) => {
    if (a.totp?.enabled) return challenge(a, 'SOFTWARE_TOKEN_MFA');
    if (mfaMode === 'ON') return challenge(a, 'MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' });
    return { AuthenticationResult: tokensFor(a, true), ChallengeParameters: {} };
  };

  /** The signed-in user an access token names, as Cognito's user APIs check it (signature, use, client, time). */
  const accessTokenUser = (token: unknown): Account => {
    const invalid = () => new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    const [h, p, sig] = String(token ?? '').split('.');
    if (!h || !p || !sig) throw invalid();
    if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(sig, 'base64url')))
      throw invalid();
    let c: Record<string, unknown>;
    try {
      c = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw invalid();
    }
    if (c.token_use !== 'access' || c.client_id !== LOCAL_CLIENT_ID || typeof c.sub !== 'string')
      throw invalid();
    if (typeof c.exp !== 'number' || c.exp * 1000 <= Date.now())
      throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
    const a = accounts.get(c.sub);
    if (!a) throw invalid();
    if (!a.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    if (a.signedOutAt !== undefined && typeof c.iat === 'number' && c.iat < a.signedOutAt)
      throw new CognitoError('NotAuthorizedException', 'Access Token has been revoked');
    return a;
  };

  /** The user of a live challenge session of this kind; the session is spent unless `keep`. */
  const sessionUser = (session: unknown, name: Challenge, keep = false) => {
    const s = sessions.get(String(session ?? ''));
    if (!s || s.expiresAt < Date.now() || s.challenge !== name)
      throw new CognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    if (!keep) sessions.delete(String(session));
    return { account: mustFind(s.sub), verified: s.verified === true };
  };

  /** Cognito's SoftwareTokenMfaSettings, for the user's own call and the admin's alike. */
  const setTotpPreference = (
    a: Account,
    settings: { Enabled?: boolean; PreferredMfa?: boolean } | undefined,
  ) => {
    if (!settings) return;
    if (settings.Enabled === true) {
      if (!a.totp)
        throw new CognitoError('InvalidParameterException', 'User has not verified software token mfa');
      a.totp.enabled = true;
    }
    if (settings.Enabled === false && a.totp) {
      // "You can't turn off TOTP MFA for any of your users when MFA is required in your user pool."
      if (mfaMode === 'ON')
        throw new CognitoError('InvalidParameterException', 'MFA is required in this user pool');
      a.totp.enabled = false;
      a.totp.preferred = false;
    }
    if (settings.PreferredMfa !== undefined && a.totp)
      a.totp.preferred = settings.PreferredMfa && a.totp.enabled;
    save();
  };

  const mfaView = (a: Account) =>
    a.totp?.enabled
      ? {
          UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
          ...(a.totp.preferred ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } : {}),
        }
      : {};

  /** The user's own password (after an invitation or a reset): the pool's policy, then confirmed. */
  const setPassword = (a: Account, pw: string) => {
    checkPasswordPolicy(pw);
    a.salt = randomBytes(8).toString('hex');
    a.passwordHash = hashPassword(pw, a.salt);
    a.status = 'CONFIRMED';
    save();
  };

  const checkClient = (body: { ClientId?: string }) => {
    if (body.ClientId !== LOCAL_CLIENT_ID)
      throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
  };

  const userView = (a: Account) => ({
    Username: a.sub,
    Attributes: [
      { Name: 'sub', Value: a.sub },
      ...Object.entries(a.attributes).map(([Name, Value]) => ({ Name, Value })),
    ],
    UserStatus: a.status,
    Enabled: a.enabled,
    UserCreateDate: Date.parse(a.createdAt) / 1000,
  });

  const checkPool = (body: { UserPoolId?: string }) => {
    if (body.UserPoolId !== LOCAL_POOL_ID)
      throw new CognitoError('ResourceNotFoundException', 'User pool does not exist.');
  };

  // ---- the API -------------------------------------------------------------------------------------------
  // biome-ignore lint/suspicious/noExplicitAny: untyped JSON from the wire, read field by field below
  type Body = Record<string, any>;
  const operations: Record<string, (b: Body) => unknown> = {
    InitiateAuth(b) {
      checkClient(b);
      const p = (b.AuthParameters ?? {}) as Record<string, string>;
      if (b.AuthFlow === 'USER_PASSWORD_AUTH') return passwordAuth(p.USERNAME ?? '', p.PASSWORD ?? '');
      if (b.AuthFlow === 'REFRESH_TOKEN_AUTH') {
        const entry = refreshTokens.get(p.REFRESH_TOKEN ?? '');
        const a = entry && entry.expiresAt > Date.now() ? accounts.get(entry.sub) : undefined;
        if (!a?.enabled || !entry)
          throw new CognitoError('NotAuthorizedException', 'Refresh Token has been revoked');
        return { AuthenticationResult: tokensFor(a, false, entry.authTime), ChallengeParameters: {} };
      }
      throw new CognitoError('InvalidParameterException', `Unsupported AuthFlow ${b.AuthFlow}`);
    },
    RespondToAuthChallenge(b) {
      checkClient(b);
      const name = String(b.ChallengeName ?? '') as Challenge;
      if (name === 'NEW_PASSWORD_REQUIRED') {
        // A password the policy refuses leaves the session usable for another try.
        const { account } = sessionUser(b.Session, name, true);
        setPassword(account, String(b.ChallengeResponses?.NEW_PASSWORD ?? ''));
        sessions.delete(b.Session);
        return afterPassword(account);
      }
      if (name === 'SOFTWARE_TOKEN_MFA') {
        // One answer per session, right or wrong: a wrong code means signing in again (as Cognito's "session
        // can only be used once"), so guessing costs a password each time.
        const { account } = sessionUser(b.Session, name);
        const code = String(b.ChallengeResponses?.SOFTWARE_TOKEN_MFA_CODE ?? '').trim();
        if (!account.totp?.enabled || !verifyTotp(account.totp.secret, code))
          throw new CognitoError('CodeMismatchException', 'Invalid code received for user');
        return { AuthenticationResult: tokensFor(account, true), ChallengeParameters: {} };
      }
      if (name === 'MFA_SETUP') {
        const { account, verified } = sessionUser(b.Session, name);
        if (!verified || !account.totp?.enabled)
          throw new CognitoError(
            'NotAuthorizedException',
            'Invalid session for the user, session is expired.',
          );
        return { AuthenticationResult: tokensFor(account, true), ChallengeParameters: {} };
      }
      throw new CognitoError('InvalidParameterException', `Unsupported ChallengeName ${name}`);
    },
    AssociateSoftwareToken(b) {
      const SecretCode = newTotpSecret();
      if (b.AccessToken) {
        const a = accessTokenUser(b.AccessToken);
        a.totpPending = SecretCode;
        save();
        return { SecretCode };
      }
      const { account } = sessionUser(b.Session, 'MFA_SETUP');
      account.totpPending = SecretCode;
      save();
      return { SecretCode, Session: newSession(account.sub, 'MFA_SETUP') };
    },
    VerifySoftwareToken(b) {
      const bySession = !b.AccessToken;
      const a = bySession ? sessionUser(b.Session, 'MFA_SETUP').account : accessTokenUser(b.AccessToken);
      if (!a.totpPending)
        throw new CognitoError(
          'SoftwareTokenMFANotFoundException',
          'Software Token MFA has not been enabled by the user.',
        );
      if (!verifyTotp(a.totpPending, String(b.UserCode ?? '').trim())) {
        if (bySession) throw new CognitoError('CodeMismatchException', 'Invalid code received for user');
        throw new CognitoError(
          'EnableSoftwareTokenMFAException',
          'Code mismatch and fail enable Software Token MFA',
        );
      }
      // The new token replaces the old one; whether MFA is on stays as it was (SetUserMFAPreference decides),
      // except during MFA_SETUP, which completes with the token in use.
      a.totp = {
        secret: a.totpPending,
        enabled: bySession || (a.totp?.enabled ?? false),
        preferred: bySession || (a.totp?.preferred ?? false),
      };
      delete a.totpPending;
      save();
      return { Status: 'SUCCESS', ...(bySession ? { Session: newSession(a.sub, 'MFA_SETUP', true) } : {}) };
    },
    SetUserMFAPreference(b) {
      setTotpPreference(accessTokenUser(b.AccessToken), b.SoftwareTokenMfaSettings);
      return {};
    },
    GetUser(b) {
      const a = accessTokenUser(b.AccessToken);
      return { Username: a.sub, UserAttributes: userView(a).Attributes, ...mfaView(a) };
    },
    AdminSetUserMFAPreference(b) {
      checkPool(b);
      setTotpPreference(mustFind(b.Username), b.SoftwareTokenMfaSettings);
      return {};
    },
    ForgotPassword(b) {
      checkClient(b);
      const username = String(b.Username ?? '')
        .trim()
        .toLowerCase();
      const a = byUsername(username);
      const delivery = {
        CodeDeliveryDetails: {
          Destination: username.replace(/^(.).*(@.*)$/, '$1***$2'),
          DeliveryMedium: 'EMAIL',
          AttributeName: 'email',
        },
      };
      // preventUserExistenceErrors: an unknown address gets the same answer and no e-mail.
      if (!a) return delivery;
      if (!a.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      resetCodes.set(a.sub, { code, expiresAt: Date.now() + 60 * 60 * 1000 });
      outbox.push({
        at: new Date().toISOString(),
        to: username,
        subject: 'Minh Chứng: mã đặt lại mật khẩu / password reset code',
        body: `Mã đặt lại mật khẩu Minh Chứng: ${code}. Your Minh Chứng password reset code: ${code}`,
      });
      log(`password reset code sent to ${username} (in the local mailbox)`);
      return delivery;
    },
    ConfirmForgotPassword(b) {
      checkClient(b);
      const a = byUsername(String(b.Username ?? ''));
      const entry = a ? resetCodes.get(a.sub) : undefined;
      if (!a || !entry || entry.code !== String(b.ConfirmationCode ?? '').trim())
        throw new CognitoError(
          'CodeMismatchException',
          'Invalid verification code provided, please try again.',
        );
      if (entry.expiresAt < Date.now()) {
        resetCodes.delete(a.sub);
        throw new CognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.');
      }
      setPassword(a, String(b.Password ?? ''));
      resetCodes.delete(a.sub);
      return {};
    },
    AdminCreateUser(b) {
      checkPool(b);
      const username = String(b.Username ?? '')
        .trim()
        .toLowerCase();
      if (!username) throw new CognitoError('InvalidParameterException', 'Username is required');
      if (byUsername(username))
        throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
      const attributes: Record<string, string> = Object.fromEntries(
        ((b.UserAttributes ?? []) as { Name: string; Value: string }[])
          .filter((x) => x.Value !== '')
          .map((x) => [x.Name, x.Value]),
      );
      attributes.email ??= username;
      const temp = `Tm${randomBytes(6).toString('base64url')}#9a`;
      const salt = randomBytes(8).toString('hex');
      const a: Account = {
        username,
        sub: randomUUID(),
        salt,
        passwordHash: hashPassword(temp, salt),
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        groups: [],
        attributes,
        createdAt: new Date().toISOString(),
      };
      accounts.set(a.sub, a);
      save();
      // Cognito e-mails this; locally it lands in the pool's outbox (the developer mailbox shows it).
      outbox.push({
        at: new Date().toISOString(),
        to: username,
        subject: 'Minh Chứng: tài khoản của bạn / your account',
        body: `Tài khoản Minh Chứng của bạn: ${username}, mật khẩu tạm thời: ${temp}. Your Minh Chứng account: ${username}, temporary password: ${temp}`,
      });
      log(`invitation sent to ${username} (temporary password in the local mailbox)`);
      return { User: userView(a) };
    },
    AdminGetUser(b) {
      checkPool(b);
      const a = mustFind(b.Username);
      return { ...userView(a), UserAttributes: userView(a).Attributes, ...mfaView(a) };
    },
    AdminUpdateUserAttributes(b) {
      checkPool(b);
      const a = mustFind(b.Username);
      for (const { Name, Value } of (b.UserAttributes ?? []) as { Name: string; Value: string }[]) {
        if (Value === '') delete a.attributes[Name];
        else a.attributes[Name] = Value;
      }
      save();
      return {};
    },
    AdminListGroupsForUser(b) {
      checkPool(b);
      return {
        Groups: mustFind(b.Username).groups.map((GroupName) => ({ GroupName, UserPoolId: LOCAL_POOL_ID })),
      };
    },
    AdminAddUserToGroup(b) {
      checkPool(b);
      if (!(ROLES as readonly string[]).includes(b.GroupName))
        throw new CognitoError('ResourceNotFoundException', 'Group not found.');
      const a = mustFind(b.Username);
      if (!a.groups.includes(b.GroupName)) a.groups.push(b.GroupName);
      save();
      return {};
    },
    AdminRemoveUserFromGroup(b) {
      checkPool(b);
      const a = mustFind(b.Username);
      a.groups = a.groups.filter((g) => g !== b.GroupName);
      save();
      return {};
    },
    AdminDisableUser(b) {
      checkPool(b);
      mustFind(b.Username).enabled = false;
      save();
      return {};
    },
    AdminEnableUser(b) {
      checkPool(b);
      mustFind(b.Username).enabled = true;
      save();
      return {};
    },
    AdminUserGlobalSignOut(b) {
      checkPool(b);
      const a = mustFind(b.Username);
      for (const [token, entry] of refreshTokens) if (entry.sub === a.sub) refreshTokens.delete(token);
      // Access tokens issued so far no longer call the user APIs either (they still verify as JWTs).
      a.signedOutAt = Math.floor(Date.now() / 1000);
      save();
      return {};
    },
  };

  const server: Server = createServer(async (req, res) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-headers':
            'content-type, x-amz-target, x-amz-user-agent, authorization, x-amz-date, amz-sdk-invocation-id, amz-sdk-request',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          vary: 'origin',
        }
      : {};
    const send = (status: number, body: unknown, type = 'application/x-amz-json-1.1') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...cors });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      if (req.method === 'GET' && req.url === `/${LOCAL_POOL_ID}/.well-known/jwks.json`)
        return send(200, jwks, 'application/json');
      if (req.method === 'GET' && req.url === `/${LOCAL_POOL_ID}/.well-known/openid-configuration`)
        return send(
          200,
          { issuer: issuerUrl, jwks_uri: `${issuerUrl}/.well-known/jwks.json` },
          'application/json',
        );
      if (req.method === 'GET' && req.url === '/local/messages') return send(200, outbox, 'application/json');
      const target = String(req.headers['x-amz-target'] ?? '');
      const op =
        req.method === 'POST' && target.startsWith(TARGET)
          ? operations[target.slice(TARGET.length)]
          : undefined;
      if (!op)
        return send(400, { __type: 'UnknownOperationException', message: `Unsupported operation ${target}` });
      send(200, op(JSON.parse((await readBody(req)) || '{}') as Body));
    } catch (e) {
      if (e instanceof CognitoError) return send(400, { __type: e.type, message: e.message });
      send(400, { __type: 'InvalidParameterException', message: 'Malformed request' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });

  return {
    issuerUrl,
    jwksUrl: `${issuerUrl}/.well-known/jwks.json`,
    clientId: LOCAL_CLIENT_ID,
    endpoint,
    poolId: LOCAL_POOL_ID,
    signToken,
    signIn(email, password, code) {
      try {
        const r = passwordAuth(email, password);
        if ('AuthenticationResult' in r) return r.AuthenticationResult;
        if (r.ChallengeName !== 'SOFTWARE_TOKEN_MFA' || !code) return undefined;
        const answer = operations.RespondToAuthChallenge!({
          ClientId: LOCAL_CLIENT_ID,
          ChallengeName: r.ChallengeName,
          Session: r.Session,
          ChallengeResponses: { SOFTWARE_TOKEN_MFA_CODE: code },
        }) as { AuthenticationResult?: TokenSet };
        return answer.AuthenticationResult;
      } catch {
        return undefined;
      }
    },
    messages: () => [...outbox],
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
