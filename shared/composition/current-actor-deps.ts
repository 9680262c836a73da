import * as users from '#adapters/dynamo/user-repository.ts';
import { systemClock } from '#adapters/runtime.ts';
import type { CurrentActorDeps } from '#usecases/current-actor.ts';

/**
 * What every API function needs to know who is calling: the stored profile (strongly consistent) and the clock.
 * Only the read, not the whole user repository: its writes would ship in every function.
 */
export const currentActorDeps: CurrentActorDeps = { users: { get: users.get }, clock: systemClock };
