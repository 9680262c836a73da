/** The self score's PUT body (web/src/common/score/self-score.ts). */
import { describe, expect, it } from 'vitest';
import { selfScoreBody, selfScoreProblem } from '#web/common/score/self-score.ts';

const base = {
  version: 3,
  isComputed: false,
  inputs: { numerator: null, denominator: null },
  points: 2.5,
  explanation: '  lý do  ',
  storedExplanation: undefined,
};

describe('self score body', () => {
  it('sends the score and the trimmed explanation at the loaded version', () => {
    expect(selfScoreBody(base)).toEqual({ version: 3, selfScore: 2.5, explanation: 'lý do' });
  });

  it('clears a stored explanation with null, and sends none when there was none', () => {
    expect(selfScoreBody({ ...base, explanation: ' ', storedExplanation: 'cũ' }).explanation).toBeNull();
    expect(selfScoreBody({ ...base, explanation: '' })).not.toHaveProperty('explanation', null);
    expect(selfScoreBody({ ...base, explanation: '' }).explanation).toBeUndefined();
  });

  it('sends a computed criterion its inputs (with the cited evidence) instead of a score', () => {
    const body = selfScoreBody({
      ...base,
      isComputed: true,
      inputs: { numerator: 4, denominator: null, numeratorEvidenceId: 'ev1' },
    });
    expect(body).toMatchObject({
      inputs: { numerator: { value: 4, evidenceId: 'ev1' }, denominator: { value: 0 } },
    });
    expect(body).not.toHaveProperty('selfScore');
  });

  it('asks for the score (or both inputs) first, then the explanation the rule requires', () => {
    const form = {
      isComputed: false,
      inputs: base.inputs,
      points: null,
      explanationRequired: true,
      explanation: '',
    };
    expect(selfScoreProblem(form)).toBe('score.scoreRequired');
    expect(selfScoreProblem({ ...form, points: 1 })).toBe('score.explanationRequired');
    expect(selfScoreProblem({ ...form, points: 1, explanation: 'x' })).toBeUndefined();
    expect(selfScoreProblem({ ...form, isComputed: true, inputs: { numerator: 1, denominator: null } })).toBe(
      'ev.computed.required',
    );
  });
});
