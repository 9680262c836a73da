/**
 * User administration end to end: the use cases call the real Cognito SDK client, pointed at the local
 * issuer (which speaks Cognito's admin API), and mirror profiles in DynamoDB Local with audit entries.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { api, stack } from './helpers.ts';

async function cognito(target: string, body: unknown) {
  const res = await fetch(stack.auth, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const signIn = (email: string, password: string) =>
  cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: stack.clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });

async function temporaryPassword(email: string): Promise<string> {
  const messages = (await (await fetch(`${stack.auth}/local/messages`)).json()) as {
    to: string;
    body: string;
  }[];
  const m = messages.filter((x) => x.to === email).at(-1);
  return /mật khẩu tạm thời: (\S+)\./.exec(m?.body ?? '')?.[1] ?? '';
}

describe('user administration', () => {
  const email = `chuyen.vien.moi+${Date.now()}@minhchung.local`;
  const invite = {
    email,
    name: 'Nguyễn Thị Mới',
    role: 'member',
    entityId: 'so-khcn-ninh-thuan',
    unitId: 'van-phong-so',
  };

  it('invite → temporary password → forced change → signed in with the right claims', async () => {
    const created = await api('POST', '/v1/users', { as: 'admin', body: invite });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'member', enabled: true, version: 1 });

    const again = await api('POST', '/v1/users', { as: 'admin', body: invite });
    expect(again.status).toBe(409);

    const temp = await temporaryPassword(email);
    expect(temp).not.toBe('');
    const first = await signIn(email, temp);
    expect(first.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const weak = await cognito('RespondToAuthChallenge', {
      ClientId: stack.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.body.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'short' },
    });
    expect(weak.body.__type).toBe('InvalidPasswordException');
    const done = await cognito('RespondToAuthChallenge', {
      ClientId: stack.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.body.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'Mật-khẩu-Mới-2026!' },
    });
    const token = done.body.AuthenticationResult.IdToken as string;
    const me = await api('GET', '/v1/me', { token });
    expect(me.body).toMatchObject({ role: 'member', entityId: 'so-khcn-ninh-thuan', unitId: 'van-phong-so' });
  });

  it('role change applies to the next token, a stale version is a 409 with the current user, and it is audited', async () => {
    const list = await api('GET', `/v1/users?entityId=so-khcn-ninh-thuan&limit=100`, { as: 'admin' });
    const user = list.body.items.find((u: { email: string }) => u.email === email);
    expect(user).toBeDefined();

    const promoted = await api('PATCH', `/v1/users/${user.userId}`, {
      as: 'admin',
      body: { version: user.version, role: 'leader', entityId: 'so-khcn-ninh-thuan', unitId: 'van-phong-so' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'leader', version: user.version + 1 });

    const stale = await api('PATCH', `/v1/users/${user.userId}`, {
      as: 'admin',
      body: { version: user.version, role: 'member', entityId: 'so-khcn-ninh-thuan', unitId: 'van-phong-so' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.role).toBe('leader');

    const signedIn = await signIn(email, 'Mật-khẩu-Mới-2026!');
    const me = await api('GET', '/v1/me', { token: signedIn.body.AuthenticationResult.IdToken });
    expect(me.body.role).toBe('leader');

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
    const mine = (audit.Items ?? []).filter((i) => i.subject === `user/${user.userId}`).map((i) => i.action);
    expect(mine).toEqual(expect.arrayContaining(['user.invite', 'user.update']));
  });

  it('disabling refuses sign-in and revokes refresh tokens', async () => {
    const session = await signIn(email, 'Mật-khẩu-Mới-2026!');
    const refresh = session.body.AuthenticationResult.RefreshToken;
    const list = await api('GET', `/v1/users?entityId=so-khcn-ninh-thuan&limit=100`, { as: 'admin' });
    const user = list.body.items.find((u: { email: string }) => u.email === email);
    const off = await api('PUT', `/v1/users/${user.userId}/enabled`, {
      as: 'admin',
      body: { version: user.version, enabled: false },
    });
    expect(off.status).toBe(200);
    expect((await signIn(email, 'Mật-khẩu-Mới-2026!')).body.__type).toBe('NotAuthorizedException');
    const refreshed = await cognito('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: stack.clientId,
      AuthParameters: { REFRESH_TOKEN: refresh },
    });
    expect(refreshed.body.__type).toBe('NotAuthorizedException');
  });

  it('refuses bad placements with field messages, and non-admins', async () => {
    const bad = await api('POST', '/v1/users', {
      as: 'admin',
      body: { email: 'x@minhchung.local', name: 'X', role: 'member', entityId: 'so-khcn-ninh-thuan' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toContain('body.unitId');
    const wrongUnit = await api('POST', '/v1/users', {
      as: 'admin',
      body: {
        email: 'y@minhchung.local',
        name: 'Y',
        role: 'member',
        entityId: 'so-khcn-ninh-thuan',
        unitId: 'khong-co',
      },
    });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.error.issues[0].field).toBe('body.unitId');
    expect((await api('POST', '/v1/users', { as: 'leader', body: invite })).status).toBe(403);
    const leaderList = await api('GET', '/v1/users?limit=100', { as: 'leader' });
    expect(leaderList.status).toBe(200);
    for (const u of leaderList.body.items) expect(u.entityId).toBe('so-khcn-ninh-thuan');
  });
});
