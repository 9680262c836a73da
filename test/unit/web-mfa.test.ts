/**
 * Two-step sign-in in the web app (docs/access.md, "MFA"): the Cognito answers it understands (the TOTP
 * challenge, wrong codes while signing in and while enrolling), how a code is answered when Cognito spent or
 * dropped the session, and what every API call does on 403 MFA_REQUIRED (check with the directory, retry once,
 * else send the admin to enrol).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthError,
  type AuthResult,
  answerMfaCode,
  associateSoftwareToken,
  setTotpPreference,
  signInWithPassword,
  verifySoftwareToken,
} from '#web/auth/cognito.ts';
import { answerWithCode, type CodeAttempt } from '#web/auth/mfa-code.ts';
import { sendWithMfaCheck } from '#web/auth/session-retry.ts';
import { cleanCode, issuerLabel } from '#web/auth/totp.ts';
import { en, vi as viMessages } from '#web/i18n/messages.ts';

const AUTH = { endpoint: 'http://localhost:9229', clientId: 'minhchung-web-local', region: 'ap-southeast-1' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const TOKENS: AuthResult = { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh', ExpiresIn: 3600 };

/** Cognito's answers (status, body) by X-Amz-Target, and the bodies the app sent. */
function cognitoAnswers(answers: Record<string, [number, unknown]>) {
  const sent: { target: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const target = String((init.headers as Record<string, string>)['x-amz-target'])
      .split('.')
      .pop()!;
    sent.push({ target, body: JSON.parse(String(init.body)) });
    const [status, body] = answers[target]!;
    return json(status, body);
  });
  return sent;
}
const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AuthError ? e.kind : String(e)),
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web: Cognito calls of two-step sign-in', () => {
  it('a password sign-in of an enrolled user stops at SOFTWARE_TOKEN_MFA; MFA_SETUP is a step too', async () => {
    cognitoAnswers({ InitiateAuth: [200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1' }] });
    expect(await signInWithPassword(AUTH, ' a@b.vn ', 'pw')).toEqual({
      challenge: 'SOFTWARE_TOKEN_MFA',
      session: 's1',
    });
    cognitoAnswers({ InitiateAuth: [200, { ChallengeName: 'MFA_SETUP', Session: 's2' }] });
    expect(await signInWithPassword(AUTH, 'a@b.vn', 'pw')).toEqual({ challenge: 'MFA_SETUP', session: 's2' });
    // A challenge the app cannot answer stays "ask your administrator".
    cognitoAnswers({ InitiateAuth: [200, { ChallengeName: 'SMS_MFA', Session: 's3' }] });
    expect(await kindOf(signInWithPassword(AUTH, 'a@b.vn', 'pw'))).toBe('challenge');
  });

  it('answers the code as Cognito expects it; a wrong code is code-mismatch, a dead session challenge-expired', async () => {
    const sent = cognitoAnswers({
      RespondToAuthChallenge: [200, { AuthenticationResult: TOKENS }],
    });
    expect(await answerMfaCode(AUTH, ' a@b.vn ', 's1', '123456')).toEqual(TOKENS);
    expect(sent[0]!.body).toEqual({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: AUTH.clientId,
      Session: 's1',
      ChallengeResponses: { USERNAME: 'a@b.vn', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
    cognitoAnswers({
      RespondToAuthChallenge: [400, { __type: 'CodeMismatchException', message: 'Invalid code' }],
    });
    expect(await kindOf(answerMfaCode(AUTH, 'a@b.vn', 's1', '000000'))).toBe('code-mismatch');
    cognitoAnswers({
      RespondToAuthChallenge: [400, { __type: 'NotAuthorizedException', message: 'Invalid session' }],
    });
    expect(await kindOf(answerMfaCode(AUTH, 'a@b.vn', 's1', '123456'))).toBe('challenge-expired');
  });

  it('enrols with the access token: associate, verify (a wrong first code is code-mismatch), turn on', async () => {
    const sent = cognitoAnswers({
      AssociateSoftwareToken: [200, { SecretCode: 'GEZDGNBVGY3TQOJQ' }],
      VerifySoftwareToken: [200, { Status: 'SUCCESS' }],
      SetUserMFAPreference: [200, {}],
    });
    expect(await associateSoftwareToken(AUTH, { accessToken: 'at' })).toEqual({ secret: 'GEZDGNBVGY3TQOJQ' });
    expect(await verifySoftwareToken(AUTH, { accessToken: 'at' }, '123456', 'Điện thoại')).toEqual({});
    await setTotpPreference(AUTH, 'at', true);
    expect(sent.map((s) => s.body)).toEqual([
      { AccessToken: 'at' },
      { AccessToken: 'at', UserCode: '123456', FriendlyDeviceName: 'Điện thoại' },
      { AccessToken: 'at', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    ]);
    cognitoAnswers({
      VerifySoftwareToken: [400, { __type: 'EnableSoftwareTokenMFAException', message: 'Code mismatch' }],
    });
    expect(await kindOf(verifySoftwareToken(AUTH, { accessToken: 'at' }, '000000', 'x'))).toBe(
      'code-mismatch',
    );
    cognitoAnswers({ VerifySoftwareToken: [200, { Status: 'ERROR' }] });
    expect(await kindOf(verifySoftwareToken(AUTH, { accessToken: 'at' }, '000000', 'x'))).toBe(
      'code-mismatch',
    );
    // Inside an MFA_SETUP sign-in the session carries the enrolment along.
    const setup = cognitoAnswers({
      AssociateSoftwareToken: [200, { SecretCode: 'K', Session: 's2' }],
      VerifySoftwareToken: [200, { Status: 'SUCCESS', Session: 's3' }],
    });
    expect(await associateSoftwareToken(AUTH, { session: 's1' })).toEqual({ secret: 'K', session: 's2' });
    expect(await verifySoftwareToken(AUTH, { session: 's2' }, '123456', 'x')).toEqual({ session: 's3' });
    expect(setup[0]!.body).toEqual({ Session: 's1' });
  });
});

describe('web: a code is answered without retyping the password when Cognito spent or dropped the session', () => {
  const ops = (script: (string | AuthResult | Error)[]) => {
    const log: string[] = [];
    let sessions = 1;
    return {
      log,
      ops: {
        respond: async (session: string, code: string) => {
          log.push(`respond(${session},${code})`);
          const next = script.shift();
          if (next instanceof Error) throw next;
          return next as AuthResult;
        },
        restart: async () => {
          log.push('restart');
          sessions++;
          return `s${sessions}`;
        },
      },
    };
  };

  it('a fresh session answers directly', async () => {
    const { ops: o, log } = ops([TOKENS]);
    expect(await answerWithCode({ session: 's1', spent: false }, '111111', o)).toEqual(TOKENS);
    expect(log).toEqual(['respond(s1,111111)']);
  });

  it('after a wrong code the next one goes with a new session', async () => {
    const { ops: o, log } = ops([new AuthError('code-mismatch', 'wrong'), TOKENS]);
    const attempt: CodeAttempt = { session: 's1', spent: false };
    expect(await answerWithCode(attempt, '000000', o).catch((e: AuthError) => e.kind)).toBe('code-mismatch');
    expect(attempt.spent).toBe(true);
    expect(await answerWithCode(attempt, '222222', o)).toEqual(TOKENS);
    expect(log).toEqual(['respond(s1,000000)', 'restart', 'respond(s2,222222)']);
  });

  it('an expired session: the same code once more with a new session', async () => {
    const { ops: o, log } = ops([new AuthError('challenge-expired', 'expired'), TOKENS]);
    expect(await answerWithCode({ session: 's1', spent: false }, '333333', o)).toEqual(TOKENS);
    expect(log).toEqual(['respond(s1,333333)', 'restart', 'respond(s2,333333)']);
  });

  it('MFA switched off meanwhile: the password alone gave tokens', async () => {
    const o = { respond: vi.fn(), restart: async () => TOKENS };
    expect(await answerWithCode({ session: 's1', spent: true }, '444444', o)).toEqual(TOKENS);
    expect(o.respond).not.toHaveBeenCalled();
  });
});

describe('web: 403 MFA_REQUIRED → the directory is asked, the request sent once more, or the admin enrols', () => {
  const mfa = () =>
    json(403, {
      error: { code: 'FORBIDDEN', reason: 'MFA_REQUIRED', message: { vi: 'Cần xác thực.', en: 'MFA.' } },
    });
  const run = async (answers: (() => Response)[], enabled: boolean) => {
    const log: string[] = [];
    const r = await sendWithMfaCheck(
      async () => {
        log.push('send');
        return answers.shift()!();
      },
      async () => {
        log.push('check');
        return enabled;
      },
    );
    return { ...r, log, status: r.res.status };
  };

  it('TOTP on (a new sign-in): checked, then the retry succeeds', async () => {
    const r = await run([mfa, () => json(200, {})], true);
    expect(r).toMatchObject({ status: 200, mfaRequired: false, log: ['send', 'check', 'send'] });
  });

  it('TOTP off: no retry, the admin is sent to enrol', async () => {
    const r = await run([mfa], false);
    expect(r).toMatchObject({ status: 403, mfaRequired: true, log: ['send', 'check'] });
  });

  it('still refused after a check that said on: sent to enrol (no loop)', async () => {
    const r = await run([mfa, mfa], true);
    expect(r).toMatchObject({ status: 403, mfaRequired: true, log: ['send', 'check', 'send'] });
  });

  it('other 403s and successes pass untouched', async () => {
    const other = () =>
      json(403, { error: { code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', message: { vi: 'x', en: 'x' } } });
    expect(await run([other], true)).toMatchObject({ status: 403, mfaRequired: false, log: ['send'] });
    expect(await run([() => json(200, {})], true)).toMatchObject({ status: 200, log: ['send'] });
  });
});

describe('web: small rules', () => {
  it('codes as typed or pasted; the app label names the stage outside production', () => {
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('123-456')).toBe('123456');
    for (const bad of ['12345', '1234567', 'abcdef', '']) expect(cleanCode(bad)).toBeUndefined();
    expect(issuerLabel('prod')).toBe('Minh Chứng');
    expect(issuerLabel('dev')).toBe('Minh Chứng (dev)');
  });

  it('the words of the code step and the Security page exist in both languages, Vietnamese first', () => {
    for (const key of ['mfa.code.wrong', 'security.mfa.mustEnrol', 'people.users.mfaResetExplain'] as const) {
      expect(viMessages[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
      expect(viMessages[key]).not.toBe(en[key]);
    }
    expect(viMessages['mfa.code.wrong']).toContain('Mã chưa đúng');
  });
});
