/**
 * What every authenticated call does on a 401 (docs/access.md, "Revocation"): refresh once — fresh tokens carry
 * the user's current role and placement — and retry once. When that is refused, the session ends for the
 * reason the API gave, which the sign-in page shows. Pure: no window, no React, so it is tested on its own.
 */

/**
 * Why a session ended: the user signed out, it expired, the API said their access changed (a role or placement
 * change, or a re-enabled account: they sign in again) or that the account is disabled.
 */
export type EndReason = 'signed-out' | 'expired' | 'access-changed' | 'disabled';

/** The reason a 401's error code gives. */
export function endReasonOf(code: string | undefined): EndReason {
  return code === 'ACCESS_CHANGED' ? 'access-changed' : code === 'ACCOUNT_DISABLED' ? 'disabled' : 'expired';
}

/** The error code of a response (`ACCESS_CHANGED`, `ACCOUNT_DISABLED`, `UNAUTHENTICATED`, …), if its body says one. */
export async function codeOf(res: Response): Promise<string | undefined> {
  const body = (await res
    .clone()
    .json()
    .catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}

/** The reason of a 403 (`MFA_REQUIRED`, `ROLE_NOT_ALLOWED`, …), if its body says one. */
export async function reasonOf(res: Response): Promise<string | undefined> {
  const body = (await res
    .clone()
    .json()
    .catch(() => undefined)) as { error?: { reason?: unknown } } | undefined;
  return typeof body?.error?.reason === 'string' ? body.error.reason : undefined;
}

/**
 * What every call does on a 403 `MFA_REQUIRED` (docs/access.md, "MFA"): the API has not yet heard from the
 * directory since this sign-in, so the app asks it to check (`check`, shared by concurrent calls) and, if TOTP
 * is on, sends the request once more. Otherwise the answer stands and the app sends the admin to enrol.
 */
export async function sendWithMfaCheck(
  send: () => Promise<Response>,
  check: () => Promise<boolean>,
): Promise<{ res: Response; mfaRequired: boolean }> {
  const res = await send();
  if (res.status !== 403 || (await reasonOf(res)) !== 'MFA_REQUIRED') return { res, mfaRequired: false };
  if (!(await check())) return { res, mfaRequired: true };
  const again = await send();
  return {
    res: again,
    mfaRequired: again.status === 403 && (await reasonOf(again)) === 'MFA_REQUIRED',
  };
}

export interface RetrySession {
  /** A valid ID token, or undefined when signed out. */
  idToken(): Promise<string | undefined>;
  /** Exchanges the refresh token; false (and the session ended with `refused`) when that is refused. */
  refresh(refused: EndReason): Promise<boolean>;
}

/** The response to `send` with the session's token, retried once after a refresh; or why the session ended. */
export async function sendWithSession(
  session: RetrySession,
  send: (idToken: string) => Promise<Response>,
): Promise<Response | { ended: EndReason }> {
  const token = await session.idToken();
  if (!token) return { ended: 'expired' };
  const res = await send(token);
  if (res.status !== 401) return res;
  const reason = endReasonOf(await codeOf(res));
  if (!(await session.refresh(reason))) return { ended: reason };
  const fresh = await session.idToken();
  if (!fresh) return { ended: reason };
  const again = await send(fresh);
  return again.status === 401 ? { ended: endReasonOf(await codeOf(again)) } : again;
}
