/** The self score's PUT body: the score (or a computed criterion's inputs) and the explanation, at the loaded version. */
import type { Body } from '../../api/types.ts';
import type { InputsValue } from '../evidence/inputs-value.ts';

export function selfScoreBody(p: {
  version: number | undefined;
  isComputed: boolean;
  inputs: InputsValue;
  points: number | null;
  explanation: string;
  /** The stored explanation: clearing it sends `null`, leaving none sends nothing. */
  storedExplanation: string | undefined;
}): Body<'setSelfScore'> {
  const { inputs } = p;
  return {
    version: p.version,
    ...(p.isComputed
      ? {
          inputs: {
            numerator: {
              value: inputs.numerator ?? 0,
              ...(inputs.numeratorEvidenceId ? { evidenceId: inputs.numeratorEvidenceId } : {}),
            },
            denominator: {
              value: inputs.denominator ?? 0,
              ...(inputs.denominatorEvidenceId ? { evidenceId: inputs.denominatorEvidenceId } : {}),
            },
          },
        }
      : { selfScore: p.points ?? undefined }),
    explanation: p.explanation.trim() ? p.explanation.trim() : p.storedExplanation ? null : undefined,
  };
}

/** What the form still needs before saving: a score (or both inputs), then the explanation the rule asks for. */
export function selfScoreProblem(p: {
  isComputed: boolean;
  inputs: InputsValue;
  points: number | null;
  explanationRequired: boolean;
  explanation: string;
}): 'ev.computed.required' | 'score.scoreRequired' | 'score.explanationRequired' | undefined {
  if (p.isComputed) {
    if (p.inputs.numerator === null || p.inputs.denominator === null) return 'ev.computed.required';
  } else if (p.points === null) return 'score.scoreRequired';
  if (p.explanationRequired && !p.explanation.trim()) return 'score.explanationRequired';
  return undefined;
}
