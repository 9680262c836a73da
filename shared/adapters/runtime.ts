import { monotonicFactory } from 'ulid';
import type { Clock, IdGenerator } from '#ports.ts';

export const systemClock: Clock = { now: () => new Date() };

// Monotonic: ids minted in the same millisecond still sort in creation order. Pure: a function that mints no
// ids leaves ulid out of its bundle.
const nextUlid = /* @__PURE__ */ monotonicFactory();
export const ulidIds: IdGenerator = { next: () => nextUlid() };
