import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { AppFunction } from './app-function.ts';

/**
 * Applies a stage's reserved concurrency (stage-config.ts, docs/operations.md) to the functions it names. Every
 * name must be one of `functions` (a renamed function must not silently lose its reservation), and every number a
 * whole number of at least 1: a reservation of 0 is Lambda's way of stopping a function.
 */
export function reserveConcurrency(
  functions: readonly AppFunction[],
  reserved: Readonly<Record<string, number>>,
): void {
  const byName = new Map(functions.map((f) => [f.fn, f]));
  for (const [fn, n] of Object.entries(reserved)) {
    const target = byName.get(fn);
    if (!target) throw new Error(`Reserved concurrency names ${fn}, which is not a background function`);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`Reserved concurrency of ${fn} must be a whole number of at least 1, got ${n}`);
    (target.node.defaultChild as CfnFunction).reservedConcurrentExecutions = n;
  }
}
