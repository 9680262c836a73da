/** A leader's "Nộp tự đánh giá" (web/src/pages/home/submit-model.ts): what is offered, ticked and named. */
import { describe, expect, it } from 'vitest';
import type { CriterionReadiness } from '#web/api/types.ts';
import { pendingForUnit, submitChoice, withTick } from '#web/pages/home/submit-model.ts';

const criterion = (code: string, over: Partial<CriterionReadiness> = {}): CriterionReadiness => ({
  code,
  role: 'regular',
  maxPoints: 1,
  slots: [],
  slotsFilled: 0,
  coverage: 0,
  explanationGiven: false,
  appraised: false,
  sentBack: false,
  ready: false,
  complete: false,
  completeByExplanation: false,
  pastDue: false,
  lateUnscored: false,
  projectedPoints: 0,
  atRiskPoints: 0,
  unitIds: ['phong-a'],
  ...over,
});

describe('submit card', () => {
  const criteria = [
    criterion('1.1', { ready: true }),
    criterion('1.2', { ready: true, state: 'draft' }),
    criterion('1.3', { state: 'changes_requested' }),
    criterion('1.4', { ready: true, state: 'submitted' }),
    criterion('1.5', { ready: true, unitIds: ['phong-b'] }),
  ];

  it("offers the unit's criteria still with it: none submitted yet, draft or sent back", () => {
    expect(pendingForUnit(criteria, 'phong-a').map((c) => c.code)).toEqual(['1.1', '1.2', '1.3']);
    expect(pendingForUnit(criteria, 'phong-b').map((c) => c.code)).toEqual(['1.5']);
  });

  it('submits the ready ones still ticked and names the ones not ready', () => {
    const pending = pendingForUnit(criteria, 'phong-a');
    expect(submitChoice(pending, new Set())).toEqual({ chosen: ['1.1', '1.2'], notReady: ['1.3'] });
    const unticked = withTick(new Set(), '1.1', false);
    expect(submitChoice(pending, unticked).chosen).toEqual(['1.2']);
    expect(submitChoice(pending, withTick(unticked, '1.1', true)).chosen).toEqual(['1.1', '1.2']);
    expect(unticked).toEqual(new Set(['1.1']));
  });
});
