/**
 * Two-step sign-in end to end (docs/access.md, "MFA"): the local issuer's TOTP calls as the web app makes them
 * (AssociateSoftwareToken → VerifySoftwareToken → SetUserMFAPreference, then the SOFTWARE_TOKEN_MFA challenge
 * at every sign-in) with real RFC 6238 codes, and the API's rule that an admin acts only after the directory
 * confirmed TOTP since their sign-in. MFA_SETUP is exercised on an issuer whose pool requires MFA.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#infra/local/engines.ts';
import { LOCAL_CLIENT_ID, LOCAL_POOL_ID, startIssuer } from '#infra/local/issuer.ts';
import { totp } from '#infra/local/totp.ts';
import { api, cognito, inviteAndSignIn, stack, userRepository } from './helpers.ts';

const PASSWORD = 'MinhChung@2026';
/** Whole seconds: wait for the next one, so a sign-in is unambiguously later than a check. */
const nextSecond = () => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** The Cognito error type a call fails with (its `__type`), or 'ok'. */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { type?: string }) => e.type ?? String(e),
  );

const mfaRefused = (res: { status: number; body: any }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body.error.reason).toBe('MFA_REQUIRED');
  expect(res.body.error.message.vi).toContain('xác thực hai bước');
  expect(res.body.error.message.en).toContain('two-step');
};

const passwordStep = (email: string) =>
  cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.clientId,
    AuthParameters: { USERNAME: email, PASSWORD },
  });

const answerCode = (email: string, session: string, code: string) =>
  cognito('RespondToAuthChallenge', {
    ClientId: stack.clientId,
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: session,
    ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
  });

/** A code that is none of the accepted ones (current step ± 1). */
const wrongCode = (secret: string) => {
  const near = new Set([-30_000, 0, 30_000].map((d) => totp(secret, Date.now() + d)));
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, '0');
    if (!near.has(c)) return c;
  }
};

async function enrol(accessToken: string): Promise<string> {
  const { SecretCode } = await cognito('AssociateSoftwareToken', { AccessToken: accessToken });
  expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);
  expect(
    await failure(
      cognito('VerifySoftwareToken', { AccessToken: accessToken, UserCode: wrongCode(SecretCode) }),
    ),
  ).toBe('EnableSoftwareTokenMFAException');
  const verified = await cognito('VerifySoftwareToken', {
    AccessToken: accessToken,
    UserCode: totp(SecretCode),
    FriendlyDeviceName: 'Điện thoại',
  });
  expect(verified.Status).toBe('SUCCESS');
  await cognito('SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  return SecretCode;
}

const adminGetUser = (email: string) =>
  cognito('AdminGetUser', { UserPoolId: LOCAL_POOL_ID, Username: email });

describe('an admin enrols an authenticator, and signs in with it from then on', () => {
  it('password only → 403 MFA_REQUIRED; enrolled and checked → acts; each new sign-in asks for a code', async () => {
    const admin = await inviteAndSignIn('quan.tri.mfa', { role: 'admin' });
    mfaRefused(await api('GET', '/v1/users', { token: admin.idToken }));
    expect((await api('GET', '/v1/me', { token: admin.idToken })).status).toBe(200);

    // Enrolment needs the user's own access token with Cognito's user-API scope.
    expect(claimsOf(admin.accessToken).scope).toBe('aws.cognito.signin.user.admin');
    expect(await failure(cognito('AssociateSoftwareToken', { AccessToken: `${admin.accessToken}x` }))).toBe(
      'NotAuthorizedException',
    );
    expect(await failure(cognito('AssociateSoftwareToken', { AccessToken: admin.idToken }))).toBe(
      'NotAuthorizedException',
    );
    const secret = await enrol(admin.accessToken);
    expect(await adminGetUser(admin.email)).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });

    // The API trusts no client: only its own check with the directory lets the admin act.
    mfaRefused(await api('GET', '/v1/users', { token: admin.idToken }));
    const check = await api('POST', '/v1/me/mfa', { token: admin.idToken });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body).toMatchObject({ enabled: true, required: true });
    expect((await api('GET', '/v1/users', { token: admin.idToken })).status).toBe(200);
    const users = await userRepository();
    expect((await users.get(admin.userId))?.mfa).toEqual({ enabled: true, checkedAt: check.body.checkedAt });

    // Next sign-in (a later second than the check: a sign-in in the very second of a check passes, as `iat`
    // does for revocation): the password is not enough.
    await nextSecond();
    const first = await passwordStep(admin.email);
    expect(first.AuthenticationResult).toBeUndefined();
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    // A wrong code is refused, and the session is spent: the same session with the right code is too.
    expect(await failure(answerCode(admin.email, first.Session, wrongCode(secret)))).toBe(
      'CodeMismatchException',
    );
    expect(await failure(answerCode(admin.email, first.Session, totp(secret)))).toBe(
      'NotAuthorizedException',
    );
    const again = await passwordStep(admin.email);
    const done = await answerCode(admin.email, again.Session, totp(secret));
    const token = done.AuthenticationResult.IdToken as string;
    // A new sign-in is checked again before it acts (the web app does this right after signing in).
    mfaRefused(await api('GET', '/v1/users', { token }));
    expect((await api('POST', '/v1/me/mfa', { token })).body.enabled).toBe(true);
    expect((await api('GET', '/v1/users', { token })).status).toBe(200);

    // A refresh keeps the sign-in's auth_time: no new check needed.
    const refreshed = await cognito('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: stack.clientId,
      AuthParameters: { REFRESH_TOKEN: done.AuthenticationResult.RefreshToken },
    });
    const fresh = refreshed.AuthenticationResult.IdToken as string;
    expect(claimsOf(fresh).auth_time).toBe(claimsOf(token).auth_time);
    expect((await api('GET', '/v1/users', { token: fresh })).status).toBe(200);
  });

  it('switching TOTP off behind the app and signing in without a code is caught at the next check', async () => {
    const admin = await inviteAndSignIn('quan.tri.tu.tat', { role: 'admin' });
    await enrol(admin.accessToken);
    expect((await api('POST', '/v1/me/mfa', { token: admin.idToken })).body.enabled).toBe(true);
    expect((await api('GET', '/v1/users', { token: admin.idToken })).status).toBe(200);
    // Cognito lets a user turn their own TOTP off with their access token…
    await cognito('SetUserMFAPreference', {
      AccessToken: admin.accessToken,
      SoftwareTokenMfaSettings: { Enabled: false },
    });
    await nextSecond();
    const plain = await passwordStep(admin.email);
    expect(plain.ChallengeName).toBeUndefined();
    // …but the profile's "on" predates this sign-in, and the check now says off.
    const token = plain.AuthenticationResult.IdToken as string;
    mfaRefused(await api('GET', '/v1/users', { token }));
    expect((await api('POST', '/v1/me/mfa', { token })).body).toMatchObject({
      enabled: false,
      required: true,
    });
    mfaRefused(await api('GET', '/v1/users', { token }));
  });

  it('members may enrol too (optional): their sign-in asks for a code; nothing of theirs needs it', async () => {
    const member = await inviteAndSignIn('chuyen.vien.mfa', {
      role: 'member',
      entityId: 'so-khcn-ninh-thuan',
      unitId: 'phong-qlcn',
    });
    expect((await api('GET', '/v1/cycles', { token: member.idToken })).status).toBe(200);
    expect((await api('POST', '/v1/me/mfa', { token: member.idToken })).body).toMatchObject({
      enabled: false,
      required: false,
    });
    const secret = await enrol(member.accessToken);
    expect((await api('POST', '/v1/me/mfa', { token: member.idToken })).body.enabled).toBe(true);
    const first = await passwordStep(member.email);
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const done = await answerCode(member.email, first.Session, totp(secret));
    expect((await api('GET', '/v1/cycles', { token: done.AuthenticationResult.IdToken })).status).toBe(200);
  });
});

describe("an admin resets a user's MFA (lost phone)", () => {
  it('turns TOTP off in the directory and the profile, audited; the user signs in with the password', async () => {
    const member = await inviteAndSignIn('mat.dien.thoai', {
      role: 'member',
      entityId: 'so-khcn-ninh-thuan',
      unitId: 'phong-qlcn',
    });
    await enrol(member.accessToken);
    const checked = await api('POST', '/v1/me/mfa', { token: member.idToken });
    expect(checked.body.enabled).toBe(true);
    const users = await userRepository();
    const before = (await users.get(member.userId))!;

    const stale = await api('POST', `/v1/users/${member.userId}/mfa-reset`, {
      as: 'admin',
      body: { version: before.version - 1 },
    });
    expect(stale.status).toBe(409);
    expect((await adminGetUser(member.email)).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    const refused = await api('POST', `/v1/users/${member.userId}/mfa-reset`, {
      as: 'leader',
      body: { version: before.version },
    });
    expect(refused.status).toBe(403);

    const reset = await api('POST', `/v1/users/${member.userId}/mfa-reset`, {
      as: 'admin',
      body: { version: before.version },
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.mfa.enabled).toBe(false);
    expect(reset.body.version).toBe(before.version + 1);
    expect((await adminGetUser(member.email)).UserMFASettingList).toBeUndefined();
    const plain = await passwordStep(member.email);
    expect(plain.ChallengeName).toBeUndefined();
    expect(plain.AuthenticationResult.IdToken).toBeTruthy();

    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: stack.dynamo,
        region: 'ap-southeast-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }),
    );
    const audit = await ddb.send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'AUDIT' },
      }),
    );
    const mine = (audit.Items ?? []).filter((i) => i.subject === `user/${member.userId}`);
    expect(mine.map((i) => i.action)).toEqual(expect.arrayContaining(['user.mfa-on', 'user.mfa-reset']));
    const resetEntry = mine.find((i) => i.action === 'user.mfa-reset')!;
    expect(resetEntry.actor.userId).toBe('u-admin');
    expect(resetEntry.before.mfa.enabled).toBe(true);
    expect(resetEntry.after.mfa.enabled).toBe(false);
  });

  it('a disabled user’s access tokens no longer enrol (global sign-out revokes them for the user APIs)', async () => {
    const member = await inviteAndSignIn('bi.khoa', {
      role: 'member',
      entityId: 'so-khcn-ninh-thuan',
      unitId: 'phong-qlcn',
    });
    await nextSecond();
    const off = await api('PUT', `/v1/users/${member.userId}/enabled`, {
      as: 'admin',
      body: { version: member.version, enabled: false },
    });
    expect(off.status).toBe(200);
    expect(await failure(cognito('AssociateSoftwareToken', { AccessToken: member.accessToken }))).toBe(
      'NotAuthorizedException',
    );
  });
});

describe('a pool that requires MFA: MFA_SETUP at the first sign-in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-mfa-on-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets up TOTP inside the sign-in (session-based), then asks for a code; TOTP cannot be switched off', async () => {
    const issuer = await startIssuer({
      port: await freePort(),
      users: [],
      password: PASSWORD,
      keyFile: join(dir, 'key.pem'),
      mfa: 'ON',
    });
    try {
      const call = async (op: string, body: unknown) => {
        const res = await fetch(issuer.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
          },
          body: JSON.stringify(body),
        });
        const answer = (await res.json()) as any;
        if (!res.ok) throw Object.assign(new Error(op), { type: answer.__type });
        return answer;
      };
      const email = 'bat.buoc@minhchung.local';
      await call('AdminCreateUser', { UserPoolId: LOCAL_POOL_ID, Username: email });
      const temp = /mật khẩu tạm thời: (\S+?)\. /.exec(issuer.messages().at(-1)!.body)![1];
      const first = await call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: LOCAL_CLIENT_ID,
        AuthParameters: { USERNAME: email, PASSWORD: temp },
      });
      const chosen = await call('RespondToAuthChallenge', {
        ClientId: LOCAL_CLIENT_ID,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: PASSWORD },
      });
      expect(chosen.ChallengeName).toBe('MFA_SETUP');
      const assoc = await call('AssociateSoftwareToken', { Session: chosen.Session });
      expect(
        await failure(
          call('VerifySoftwareToken', { Session: assoc.Session, UserCode: wrongCode(assoc.SecretCode) }),
        ),
      ).toBe('CodeMismatchException');
      // The failed verification spent the session: start again with the (new) password.
      const again = await call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: LOCAL_CLIENT_ID,
        AuthParameters: { USERNAME: email, PASSWORD },
      });
      expect(again.ChallengeName).toBe('MFA_SETUP');
      const assoc2 = await call('AssociateSoftwareToken', { Session: again.Session });
      const verified = await call('VerifySoftwareToken', {
        Session: assoc2.Session,
        UserCode: totp(assoc2.SecretCode),
      });
      expect(verified.Status).toBe('SUCCESS');
      const done = await call('RespondToAuthChallenge', {
        ClientId: LOCAL_CLIENT_ID,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: email },
      });
      expect(done.AuthenticationResult.IdToken).toBeTruthy();
      const next = await call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: LOCAL_CLIENT_ID,
        AuthParameters: { USERNAME: email, PASSWORD },
      });
      expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      expect(
        await failure(
          call('SetUserMFAPreference', {
            AccessToken: done.AuthenticationResult.AccessToken,
            SoftwareTokenMfaSettings: { Enabled: false },
          }),
        ),
      ).toBe('InvalidParameterException');
    } finally {
      await issuer.close();
    }
  });
});
