import { cognitoUserDirectory } from './cognito/user-directory.ts';
import { organizationRepository } from './dynamo/organization-repository.ts';
import { userRepository } from './dynamo/user-repository.ts';
import { systemClock, ulidIds } from './runtime.ts';

/** What the user-administration functions need, wired once per container. */
export const userAdminDeps = {
  users: userRepository,
  directory: cognitoUserDirectory,
  org: organizationRepository,
  clock: systemClock,
  ids: ulidIds,
};
