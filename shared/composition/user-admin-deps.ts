import { cognitoUserDirectory } from '#adapters/cognito/user-directory.ts';
import { organizationRepository } from '#adapters/dynamo/organization-repository.ts';
import { userRepository } from '#adapters/dynamo/user-repository.ts';
import { systemClock, ulidIds } from '#adapters/runtime.ts';

/** What the user-administration functions need, wired once per container. */
export const userAdminDeps = {
  users: userRepository,
  directory: cognitoUserDirectory,
  org: organizationRepository,
  clock: systemClock,
  ids: ulidIds,
};
