import type { Clock, IdGenerator } from '#ports.ts';

/** A clock that stands still until told: time-dependent rules tested to the millisecond. */
export interface MemoryClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function memoryClock(iso = '2026-01-05T02:00:00.000Z'): MemoryClock {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(next) {
      now = new Date(next);
    },
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/**
 * Ids shaped like ULIDs (26 characters) that sort in the order they were made, as monotonic ULIDs do: lists
 * "oldest first by id" read the same as with `ulidIds`, and a test can predict every id.
 */
export function sequentialIds(prefix = '01J'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}${String(++n).padStart(26 - prefix.length, '0')}` };
}
