/**
 * The web app on a 401 (web/src/auth/session-retry.ts): one refresh and one retry. When the API says the user's
 * access changed, fresh tokens (current role and placement) carry on; when the refresh is refused, the session
 * ends with the reason the API gave, which the sign-in page shows.
 */
import { describe, expect, it } from 'vitest';
import { type EndReason, sendWithSession } from '#web/auth/session-retry.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refusal = (code: string) => json(401, { error: { code, message: { vi: 'Không được.', en: 'No.' } } });

/** A session holding `old`; a refresh gives `fresh`, or is refused (and then ends the session, as SessionStore does). */
function fakeSession(refreshGives: string | null) {
  const log: string[] = [];
  let current: string | undefined = 'old';
  return {
    log,
    session: {
      idToken: async () => current,
      refresh: async (refused: EndReason) => {
        log.push(`refresh(${refused})`);
        if (refreshGives === null) {
          current = undefined;
          log.push(`signOut(${refused})`);
          return false;
        }
        current = refreshGives;
        return true;
      },
    },
  };
}

const api = (answers: Record<string, () => Response>, log: string[]) => async (token: string) => {
  log.push(`api(${token})`);
  return answers[token]!();
};

describe('web: a 401 gets one refresh and one retry, then ends the session for the reason given', () => {
  it('ACCESS_CHANGED with a refresh token still valid: fresh claims, the retry succeeds', async () => {
    const { session, log } = fakeSession('fresh');
    const res = await sendWithSession(
      session,
      api({ old: () => refusal('ACCESS_CHANGED'), fresh: () => json(200, { role: 'member' }) }, log),
    );
    expect(res).toBeInstanceOf(Response);
    expect(await (res as Response).json()).toEqual({ role: 'member' });
    expect(log).toEqual(['api(old)', 'refresh(access-changed)', 'api(fresh)']);
  });

  it('ACCESS_CHANGED and the refresh is refused: ended as "access-changed"', async () => {
    const { session, log } = fakeSession(null);
    const res = await sendWithSession(session, api({ old: () => refusal('ACCESS_CHANGED') }, log));
    expect(res).toEqual({ ended: 'access-changed' });
    expect(log).toEqual(['api(old)', 'refresh(access-changed)', 'signOut(access-changed)']);
  });

  it('ACCOUNT_DISABLED: the refresh is refused too; ended as "disabled"', async () => {
    const { session } = fakeSession(null);
    expect(await sendWithSession(session, api({ old: () => refusal('ACCOUNT_DISABLED') }, []))).toEqual({
      ended: 'disabled',
    });
  });

  it('a 401 again after a refresh that worked ends the session for that second reason', async () => {
    const { session } = fakeSession('fresh');
    const res = await sendWithSession(
      session,
      api({ old: () => refusal('UNAUTHENTICATED'), fresh: () => refusal('ACCOUNT_DISABLED') }, []),
    );
    expect(res).toEqual({ ended: 'disabled' });
  });

  it('a 401 without a readable body is an expiry; other statuses pass through untouched', async () => {
    const { session } = fakeSession(null);
    expect(await sendWithSession(session, async () => new Response('Unauthorized', { status: 401 }))).toEqual(
      {
        ended: 'expired',
      },
    );
    const ok = await sendWithSession(fakeSession(null).session, async () =>
      json(403, { error: { code: 'FORBIDDEN' } }),
    );
    expect((ok as Response).status).toBe(403);
  });
});
