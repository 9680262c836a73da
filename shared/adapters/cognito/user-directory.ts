import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientOptions } from '#adapters/client-profile.ts';
import { guard } from '#adapters/guard.ts';
import { CLAIMS, ROLES } from '#domain/actor.ts';
import { ConflictError } from '#domain/errors.ts';
import { scopeClaim } from '#domain/user.ts';
import type { UserDirectory } from '#ports.ts';
import { cognitoEnv } from './env.ts';

let client: CognitoIdentityProviderClient | undefined;
function cognito(): CognitoIdentityProviderClient {
  if (!client) {
    const { AWS_REGION, COGNITO_ENDPOINT } = cognitoEnv();
    client = new CognitoIdentityProviderClient({
      region: AWS_REGION,
      ...(COGNITO_ENDPOINT ? { endpoint: COGNITO_ENDPOINT } : {}),
      ...clientOptions('request'),
    });
  }
  return client;
}

const IDP = 'dịch vụ đăng nhập (identity provider)';
const pool = () => cognitoEnv().USER_POOL_ID;

/** Attributes as Cognito stores them; an empty value clears an attribute. */
function attributes(u: {
  name?: string;
  entityId?: string;
  unitId?: string;
  scope?: Parameters<typeof scopeClaim>[0];
}) {
  return [
    ...(u.name ? [{ Name: 'name', Value: u.name }] : []),
    { Name: CLAIMS.entity, Value: u.entityId ?? '' },
    { Name: CLAIMS.unit, Value: u.unitId ?? '' },
    { Name: CLAIMS.scope, Value: scopeClaim(u.scope) ?? '' },
  ];
}

/** One role group at a time: the strongest group would otherwise win in the token. */
async function setRole(username: string, role: (typeof ROLES)[number]) {
  const current = await cognito().send(
    new AdminListGroupsForUserCommand({ UserPoolId: pool(), Username: username }),
  );
  for (const g of current.Groups ?? []) {
    if (g.GroupName && g.GroupName !== role && (ROLES as readonly string[]).includes(g.GroupName))
      await cognito().send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: pool(),
          Username: username,
          GroupName: g.GroupName,
        }),
      );
  }
  if (!(current.Groups ?? []).some((g) => g.GroupName === role))
    await cognito().send(
      new AdminAddUserToGroupCommand({ UserPoolId: pool(), Username: username, GroupName: role }),
    );
}

export const cognitoUserDirectory: UserDirectory = {
  async invite(u) {
    const res = await guard(IDP, async () => {
      try {
        return await cognito().send(
          new AdminCreateUserCommand({
            UserPoolId: pool(),
            Username: u.email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: u.email },
              { Name: 'email_verified', Value: 'true' },
              ...attributes(u).filter((a) => a.Value !== ''),
            ],
          }),
        );
      } catch (e) {
        if (
          e instanceof UsernameExistsException ||
          (e as { name?: string }).name === 'UsernameExistsException'
        )
          throw new ConflictError({
            vi: `Đã có tài khoản với thư điện tử ${u.email}.`,
            en: `An account with e-mail ${u.email} already exists.`,
          });
        throw e;
      }
    });
    const sub = res.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    await guard(IDP, () => setRole(u.email, u.role));
    return { userId: sub ?? u.email };
  },

  async update(email, u) {
    await guard(IDP, async () => {
      await cognito().send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: pool(),
          Username: email,
          UserAttributes: attributes(u),
        }),
      );
      // No sign-out: the API reads role and placement from the profile on every request and refuses tokens
      // older than the change (ACCESS_CHANGED), so a refresh brings claims that say the same (docs/access.md).
      await setRole(email, u.role);
    });
  },

  async setEnabled(email, enabled) {
    await guard(IDP, async () => {
      if (enabled) {
        await cognito().send(new AdminEnableUserCommand({ UserPoolId: pool(), Username: email }));
      } else {
        await cognito().send(new AdminDisableUserCommand({ UserPoolId: pool(), Username: email }));
        // Refresh tokens die here; ID tokens already issued are refused by the API from the profile.
        await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool(), Username: email }));
      }
    });
  },

  async mfaEnabled(email) {
    // UserMFASettingList names the factors that are on; a verified but switched-off token is not listed.
    const user = await guard(IDP, () =>
      cognito().send(new AdminGetUserCommand({ UserPoolId: pool(), Username: email })),
    );
    return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  },

  async resetMfa(email) {
    await guard(IDP, () =>
      cognito().send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: pool(),
          Username: email,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      ),
    );
  },
};
