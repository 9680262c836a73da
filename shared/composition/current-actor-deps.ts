import { userRepository } from '#adapters/dynamo/user-repository.ts';
import { systemClock } from '#adapters/runtime.ts';

/** What every API function needs to know who is calling: the stored profiles (strongly consistent) and the clock. */
export const currentActorDeps = { users: userRepository, clock: systemClock };
