/** The two inputs of a computed criterion as the form holds them (plain data, shared with pure modules). */
export interface InputsValue {
  numerator: number | null;
  denominator: number | null;
  numeratorEvidenceId?: string;
  denominatorEvidenceId?: string;
}
