/**
 * Revocation at once (docs/access.md, "Revocation"): disabling, deleting, demoting or moving a user holds on
 * their next request, reads and writes alike, without waiting for their ID token to expire. Real invited
 * users, signed in through the local issuer's Cognito API, so refresh tokens behave as they do in AWS.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_ENTITY } from '#infra/local/demo-data.ts';
import { ENTITY, newCycle, pdf } from './evidence-helpers.ts';
import { api, mintToken, stack, userRepository } from './helpers.ts';

const PASSWORD = 'Mật-khẩu-Thu-Hồi-2026!';

async function cognito(target: string, body: unknown) {
  const res = await fetch(stack.auth, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as any;
}

interface Person {
  userId: string;
  email: string;
  version: number;
  idToken: string;
  refreshToken: string;
}

/** Invites a user as the admin, then signs in with the mailed temporary password and chooses a password. */
async function invited(tag: string, placement: Record<string, unknown>): Promise<Person> {
  const email = `thu.hoi.${tag}+${Date.now()}@minhchung.local`;
  const created = await api('POST', '/v1/users', {
    as: 'admin',
    body: { email, name: `Người dùng ${tag}`, ...placement },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const messages = (await (await fetch(`${stack.auth}/local/messages`)).json()) as {
    to: string;
    body: string;
  }[];
  const temp = /mật khẩu tạm thời: (\S+?)\. /.exec(
    messages.filter((m) => m.to === email).at(-1)?.body ?? '',
  )?.[1];
  const first = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: temp },
  });
  const done = await cognito('RespondToAuthChallenge', {
    ClientId: stack.clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: first.Session,
    ChallengeResponses: { USERNAME: email, NEW_PASSWORD: PASSWORD },
  });
  return {
    userId: created.body.userId,
    email,
    version: created.body.version,
    idToken: done.AuthenticationResult.IdToken,
    refreshToken: done.AuthenticationResult.RefreshToken,
  };
}

const refresh = (p: Person) =>
  cognito('InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: stack.clientId,
    AuthParameters: { REFRESH_TOKEN: p.refreshToken },
  });

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** The same claims the person's token carried, signed now: a token issued after the change, old claims inside. */
const reissued = (token: string) => {
  const now = Math.floor(Date.now() / 1000);
  return mintToken({ ...claimsOf(token), iat: now, auth_time: now, exp: now + 3600 });
};

const refused = (res: { status: number; body: any }, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(401);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message.vi).toBeTruthy();
  expect(res.body.error.message.en).toBeTruthy();
};

const forbidden = (res: { status: number; body: any }, reason: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body.error.reason).toBe(reason);
};

const OWN_UNIT = 'phong-qlcn';

/**
 * `iat` has whole seconds, and a token of the very second of a change still acts (with the new reach): wait for
 * the next second so the tokens at hand are unambiguously older than the change.
 */
const nextSecond = () => new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));

describe('revocation at once', () => {
  let cycleId = '';
  const crit = (code: string) => `/v1/cycles/${cycleId}/entities/${ENTITY}/criteria/${code}`;
  const upload = (token: string, label: string) =>
    api('POST', `${crit('1.2')}/uploads`, {
      token,
      body: { fileName: `${label}.pdf`, contentType: 'application/pdf', sizeBytes: pdf(label).length },
    });
  const comment = (token: string, body: string) =>
    api('POST', `${crit('1.2')}/comments`, { token, body: { body } });
  const comments = async () =>
    (await api('GET', `${crit('1.2')}/comments`, { as: 'admin' })).body.items as { body: string }[];

  beforeAll(async () => {
    cycleId = await newCycle(2091);
  });

  it('disabling a member: their token’s next read, comment and upload are 401; nothing is written', async () => {
    const m = await invited('khoa', { role: 'member', entityId: ENTITY, unitId: OWN_UNIT });
    // Control: the token works before the change.
    expect(
      (await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/readiness`, { token: m.idToken })).status,
    ).toBe(200);
    expect((await comment(m.idToken, 'Trước khi khoá')).status).toBe(201);
    expect((await upload(m.idToken, 'truoc-khi-khoa')).status).toBe(201);

    await nextSecond();
    const off = await api('PUT', `/v1/users/${m.userId}/enabled`, {
      as: 'admin',
      body: { version: m.version, enabled: false },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.sessionsValidFrom).toBeDefined();

    const before = await comments();
    refused(
      await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/readiness`, { token: m.idToken }),
      'ACCOUNT_DISABLED',
    );
    refused(await comment(m.idToken, 'Sau khi khoá'), 'ACCOUNT_DISABLED');
    refused(await upload(m.idToken, 'sau-khi-khoa'), 'ACCOUNT_DISABLED');
    refused(await api('GET', '/v1/me', { token: m.idToken }), 'ACCOUNT_DISABLED');
    expect(await comments()).toEqual(before);
    const search = await api('GET', `/v1/cycles/${cycleId}/evidence?entityId=${ENTITY}&q=sau-khi-khoa`, {
      as: 'admin',
    });
    expect(search.body.items).toEqual([]);
    // Nor can a refresh mint a new one.
    expect((await refresh(m)).__type).toBe('NotAuthorizedException');

    // Enabled again: the tokens from before the disable stay dead; a new sign-in works.
    const on = await api('PUT', `/v1/users/${m.userId}/enabled`, {
      as: 'admin',
      body: { version: off.body.version, enabled: true },
    });
    expect(on.status).toBe(200);
    refused(await api('GET', '/v1/me', { token: m.idToken }), 'ACCESS_CHANGED');
    const again = await cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: stack.clientId,
      AuthParameters: { USERNAME: m.email, PASSWORD },
    });
    expect((await api('GET', '/v1/me', { token: again.AuthenticationResult.IdToken })).status).toBe(200);
  });

  it('demoting a leader to member: the same token is refused at once; claims of a later token grant nothing; a refresh brings the new role', async () => {
    const l = await invited('ha-cap', { role: 'leader', entityId: ENTITY, unitId: 'van-phong-so' });
    const leaderOnly = (token: string) => api('GET', `/v1/users?entityId=${ENTITY}&limit=5`, { token });
    expect((await leaderOnly(l.idToken)).status).toBe(200);

    await nextSecond();
    const demoted = await api('PATCH', `/v1/users/${l.userId}`, {
      as: 'admin',
      body: { version: l.version, role: 'member', entityId: ENTITY, unitId: 'van-phong-so' },
    });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);

    const same = await leaderOnly(l.idToken);
    refused(same, 'ACCESS_CHANGED');
    expect(same.body.error.message).toEqual({
      vi: 'Quyền truy cập của bạn vừa thay đổi, vui lòng đăng nhập lại.',
      en: 'Your access has changed, please sign in again.',
    });
    // A token issued after the change that still says "leader": the role comes from the profile.
    forbidden(await leaderOnly(await reissued(l.idToken)), 'ROLE_NOT_ALLOWED');

    // The refresh token is still valid: it brings claims that say member, and they act as a member.
    const fresh = await refresh(l);
    const idToken = fresh.AuthenticationResult.IdToken as string;
    expect(claimsOf(idToken)['cognito:groups']).toEqual(['member']);
    expect((await api('GET', '/v1/me', { token: idToken })).body.role).toBe('member');
    forbidden(await leaderOnly(idToken), 'ROLE_NOT_ALLOWED');
  });

  it('moving a member to another unit, then another entity: the next request sees the new placement', async () => {
    const m = await invited('chuyen', { role: 'member', entityId: ENTITY, unitId: OWN_UNIT });
    expect((await api('GET', '/v1/me', { token: m.idToken })).body.unitId).toBe(OWN_UNIT);

    await nextSecond();
    const moved = await api('PATCH', `/v1/users/${m.userId}`, {
      as: 'admin',
      body: { version: m.version, role: 'member', entityId: ENTITY, unitId: 'van-phong-so' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    refused(await api('GET', '/v1/me', { token: m.idToken }), 'ACCESS_CHANGED');
    // Old unit in the claims, new unit in effect.
    const later = await reissued(m.idToken);
    expect(claimsOf(later)['custom:unit_id']).toBe(OWN_UNIT);
    expect((await api('GET', '/v1/me', { token: later })).body).toMatchObject({
      entityId: ENTITY,
      unitId: 'van-phong-so',
    });
    const fresh = (await refresh(m)).AuthenticationResult.IdToken as string;
    expect(claimsOf(fresh)['custom:unit_id']).toBe('van-phong-so');

    await nextSecond();
    const away = await api('PATCH', `/v1/users/${m.userId}`, {
      as: 'admin',
      body: {
        version: moved.body.version,
        role: 'member',
        entityId: DEMO_OTHER_ENTITY.entityId,
        unitId: 'tttt-van-phong',
      },
    });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    refused(
      await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/readiness`, { token: fresh }),
      'ACCESS_CHANGED',
    );
    forbidden(
      await api('GET', `/v1/cycles/${cycleId}/entities/${ENTITY}/readiness`, {
        token: await reissued(fresh),
      }),
      'OTHER_ENTITY',
    );
  });

  it('a renamed user keeps their session (only role, entity, unit and scope changes end it)', async () => {
    const m = await invited('doi-ten', { role: 'member', entityId: ENTITY, unitId: OWN_UNIT });
    const renamed = await api('PATCH', `/v1/users/${m.userId}`, {
      as: 'admin',
      body: { version: m.version, name: 'Tên Mới', role: 'member', entityId: ENTITY, unitId: OWN_UNIT },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.sessionsValidFrom).toBeUndefined();
    expect((await api('GET', '/v1/me', { token: m.idToken })).status).toBe(200);
  });

  it('deleting a user’s profile: their token is nobody’s (401)', async () => {
    const m = await invited('xoa', { role: 'member', entityId: ENTITY, unitId: OWN_UNIT });
    expect((await api('GET', '/v1/me', { token: m.idToken })).status).toBe(200);
    await userRepository();
    const { documentClient, tableName } = await import('#adapters/dynamo/client.ts');
    const { keys } = await import('#adapters/dynamo/keys.ts');
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.user(m.userId) }));
    refused(await api('GET', '/v1/me', { token: m.idToken }), 'UNAUTHENTICATED');
    refused(await comment(m.idToken, 'Đã xoá'), 'UNAUTHENTICATED');
  });

  it('a token without exp, or without iat, is refused (401)', async () => {
    const m = await invited('khong-han', { role: 'member', entityId: ENTITY, unitId: OWN_UNIT });
    const { exp: _e, ...noExp } = claimsOf(m.idToken);
    const { iat: _i, ...noIat } = claimsOf(m.idToken);
    refused(
      await api('GET', '/v1/me', { token: await mintToken({ ...noExp, exp: undefined }) }),
      'UNAUTHENTICATED',
    );
    refused(
      await api('GET', '/v1/me', { token: await mintToken({ ...noIat, iat: undefined }) }),
      'UNAUTHENTICATED',
    );
    refused(await upload(await mintToken({ ...noExp, exp: undefined }), 'khong-han'), 'UNAUTHENTICATED');
  });
});
