/**
 * `npm run smoke -- --stage dev|prod` finds a deployed stage by its stack name and reads these outputs
 * (infra/admin/smoke.ts): renaming one would break the smoke test only after a deploy, so it is pinned here.
 */
import { describe, expect, it } from 'vitest';
import { STACK_OUTPUTS, smokeStackName } from '#infra/admin/smoke.ts';
import { synth } from './synth.ts';

describe('what the smoke test reads from the stack', () => {
  const s = synth('dev');

  it('is the stack the app deploys for the stage', () => {
    expect(s.stack.stackName).toBe(smokeStackName('dev'));
  });

  it.each(STACK_OUTPUTS)('has the output %s at the top level', (name) => {
    expect(Object.keys(s.parentTemplate.findOutputs(name))).toEqual([name]);
  });
});
