/**
 * The signed-in session, outside React so the API client can use it. Kept in sessionStorage: it survives a
 * reload but not closing the browser (shared office computers). The ID token is what the API verifies; it is
 * refreshed shortly before it expires, and once more when the API answers 401. When refreshing fails the
 * session ends with reason `expired` and the app sends the user to sign-in, keeping where they were.
 */
import type { AppConfig } from '../config.ts';
import {
  AuthError,
  type AuthResult,
  answerMfaCode,
  answerMfaSetup,
  answerNewPassword,
  type NewPasswordRequired,
  refreshTokens,
  type SignInChallenge,
  signInWithPassword,
} from './cognito.ts';
import { expiryOf, type SessionUser, userFromIdToken } from './id-token.ts';
import { answerWithCode, type CodeAttempt } from './mfa-code.ts';
import type { EndReason } from './session-retry.ts';

export type { Role, SessionUser } from './id-token.ts';
export { userFromIdToken } from './id-token.ts';

export interface Session {
  idToken: string;
  /** For the user's own Cognito calls (enrolling an authenticator); the API takes the ID token. */
  accessToken?: string;
  refreshToken?: string;
  /** Epoch ms at which the ID token expires. */
  expiresAt: number;
  user: SessionUser;
}

export type { EndReason } from './session-retry.ts';

const STORAGE_KEY = 'mc.session';
/** Refresh this long before the token expires, so a slow request never carries an expired token. */
const REFRESH_MARGIN_MS = 2 * 60 * 1000;

type Listener = (session: Session | null, reason?: EndReason) => void;

export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<Listener>();
  private refreshing: Promise<boolean> | null = null;
  private timer: number | undefined;
  private readonly auth: AppConfig['auth'];
  /** Why the last session ended: sign-in says why and offers to return to the page. */
  lastEnd: EndReason | undefined;
  /**
   * The API answered MFA_REQUIRED and the check with the directory did not lift it: this admin must enrol an
   * authenticator before anything else (the app sends them to the Security page).
   */
  mfaRequired = false;

  constructor(auth: AppConfig['auth']) {
    this.auth = auth;
    this.session = this.load();
    this.schedule();
  }

  get current(): Session | null {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Signs in, or names the next step: an invited user chooses a password (`completeNewPassword`), an enrolled
   * user types their authenticator's code (`completeMfaCode`), a pool that requires MFA enrols one first.
   */
  async signIn(email: string, password: string): Promise<Session | SignInChallenge> {
    const r = await signInWithPassword(this.auth, email, password);
    return 'challenge' in r ? r : this.start(r);
  }

  async completeNewPassword(
    email: string,
    challenge: NewPasswordRequired,
    newPassword: string,
  ): Promise<Session | SignInChallenge> {
    const r = await answerNewPassword(this.auth, email, challenge, newPassword);
    return 'challenge' in r ? r : this.start(r);
  }

  /** The authenticator's code; a spent or expired challenge is renewed with `password` (see mfa-code.ts). */
  async completeMfaCode(
    email: string,
    password: string,
    attempt: CodeAttempt,
    code: string,
  ): Promise<Session> {
    const tokens = await answerWithCode(attempt, code, {
      respond: (session, c) => answerMfaCode(this.auth, email, session, c),
      restart: async () => {
        const r = await signInWithPassword(this.auth, email, password);
        if (!('challenge' in r)) return r;
        if (r.challenge !== 'SOFTWARE_TOKEN_MFA') throw new AuthError('challenge', r.challenge);
        return r.session;
      },
    });
    return this.start(tokens);
  }

  /** Finishes an MFA_SETUP sign-in once the authenticator's first code was accepted with `session`. */
  async completeMfaSetup(email: string, session: string): Promise<Session> {
    return this.start(await answerMfaSetup(this.auth, email, session));
  }

  /** The API said this admin has no confirmed second factor: the app sends them to enrol (Shell). */
  requireMfa(required = true): void {
    if (this.mfaRequired === required) return;
    this.mfaRequired = required;
    for (const l of this.listeners) l(this.session);
  }

  private start(r: AuthResult): Session {
    this.mfaRequired = false;
    const session: Session = {
      idToken: r.IdToken,
      accessToken: r.AccessToken,
      refreshToken: r.RefreshToken,
      expiresAt: expiryOf(r.IdToken, r.ExpiresIn),
      user: userFromIdToken(r.IdToken),
    };
    this.set(session);
    return session;
  }

  signOut(reason: EndReason = 'signed-out'): void {
    if (!this.session) return;
    this.session = null;
    this.mfaRequired = false;
    this.lastEnd = reason;
    window.clearTimeout(this.timer);
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {}
    for (const l of this.listeners) l(null, reason);
  }

  /** An ID token valid for at least the refresh margin, refreshing first if needed; undefined when signed out. */
  async idToken(): Promise<string | undefined> {
    const s = this.session;
    if (!s) return undefined;
    if (s.expiresAt - Date.now() > REFRESH_MARGIN_MS) return s.idToken;
    await this.refresh();
    return this.session?.idToken;
  }

  /**
   * Exchanges the refresh token for new tokens (one exchange at a time). Returns false and ends the session
   * (with `refused` as the reason) when the refresh token is refused; a network failure leaves the session as
   * it is. New tokens carry the user's current role and placement.
   */
  refresh(refused: EndReason = 'expired'): Promise<boolean> {
    this.refreshing ??= this.doRefresh(refused).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(refused: EndReason): Promise<boolean> {
    const s = this.session;
    if (!s?.refreshToken) {
      this.signOut(refused);
      return false;
    }
    try {
      const r = await refreshTokens(this.auth, s.refreshToken);
      this.set({
        idToken: r.IdToken,
        accessToken: r.AccessToken ?? s.accessToken,
        // Cognito returns no new refresh token on REFRESH_TOKEN_AUTH unless rotation is on.
        refreshToken: r.RefreshToken ?? s.refreshToken,
        expiresAt: expiryOf(r.IdToken, r.ExpiresIn),
        user: userFromIdToken(r.IdToken),
      });
      return true;
    } catch (e) {
      if (e instanceof AuthError && e.kind === 'network') return false;
      this.signOut(refused);
      return false;
    }
  }

  private set(session: Session): void {
    this.session = session;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {}
    this.schedule();
    for (const l of this.listeners) l(session);
  }

  private load(): Session | null {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Session;
      return typeof s.idToken === 'string' && typeof s.expiresAt === 'number' ? s : null;
    } catch {
      return null;
    }
  }

  /** Refresh ahead of expiry while the page is open; `idToken()` still checks in case the timer slept. */
  private schedule(): void {
    window.clearTimeout(this.timer);
    const s = this.session;
    if (!s?.refreshToken) return;
    const delay = Math.max(0, s.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    // setTimeout overflows past ~24.8 days; tokens live hours, so clamp to an hour and re-check.
    this.timer = window.setTimeout(
      () => {
        if (this.session && this.session.expiresAt - Date.now() <= REFRESH_MARGIN_MS) void this.refresh();
        else this.schedule();
      },
      Math.min(delay, 3_600_000),
    );
  }
}
