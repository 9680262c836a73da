/** The self score's PUT body (web/src/components/score/self-score.ts). */
import { describe, expect, it } from 'vitest';
import { selfScoreBody } from '#web/components/score/self-score.ts';

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
});
