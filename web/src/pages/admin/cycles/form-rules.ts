/**
 * The cycle form's rules, beside the conversions of model.ts: the values a new cycle starts from, the order
 * the dates must keep (checked on the field, before the server sees them), and which field shows each of the
 * server's issues (the rest are listed under the form).
 */
import { FILE_KINDS } from '#domain/file-types.ts';
import { type CycleFormValues, type DateKey, formFieldOf, parseDmy } from './model.ts';

/** A new cycle of `year`: the PAR index's usual calendar (evidence by 30/11, publication 31/03 next year). */
export function newCycleValues(year: number): CycleFormValues {
  return {
    nameVi: `Kỳ đánh giá Chỉ số CCHC năm ${year}`,
    nameEn: `PAR Index assessment ${year}`,
    year,
    tracked: [],
    entityIds: [],
    dates: {
      evidenceDue: `30/11/${year}`,
      selfAssessmentDue: `15/12/${year}`,
      appraisalStart: `05/01/${year + 1}`,
      appraisalEnd: `15/02/${year + 1}`,
      publication: `31/03/${year + 1}`,
    },
    evidencePolicy: 'available',
    maxFileMb: 50,
    allowedKinds: [...FILE_KINDS],
    status: 'open',
  };
}

export type DateProblem =
  | 'setup.cycle.dateInvalid'
  | 'setup.cycle.selfBeforeEvidence'
  | 'setup.cycle.endBeforeStart';

/** The date each date must not come before (only these two orders are checked here; the server checks all). */
export const DATE_AFTER: Partial<Record<DateKey, DateKey>> = {
  selfAssessmentDue: 'evidenceDue',
  appraisalEnd: 'appraisalStart',
};

/**
 * What is wrong with the date typed into `key` (`value`), given the form's other dates: not a real
 * dd/mm/yyyy date, or before the date it must follow (an invalid other date is that field's own problem).
 */
export function dateProblem(
  key: DateKey,
  value: string | undefined,
  dates: Partial<Record<DateKey, string>> | undefined,
): DateProblem | undefined {
  if (!parseDmy(value)) return 'setup.cycle.dateInvalid';
  const before = DATE_AFTER[key];
  const own = parseDmy(dates?.[key]);
  const other = before ? parseDmy(dates?.[before]) : undefined;
  if (!before || !own || !other || own >= other) return undefined;
  return key === 'selfAssessmentDue' ? 'setup.cycle.selfBeforeEvidence' : 'setup.cycle.endBeforeStart';
}

export interface FieldMessages<M> {
  name: (string | number)[];
  messages: M[];
}

/** The server's issues grouped by the form field that shows them; those no field shows are `rest`. */
export function issuesByField<M>(issues: readonly { field: string; message: M }[]): {
  fields: FieldMessages<M>[];
  rest: M[];
} {
  const fields = new Map<string, FieldMessages<M>>();
  const rest: M[] = [];
  for (const i of issues) {
    const name = formFieldOf(i.field);
    if (!name) {
      rest.push(i.message);
      continue;
    }
    const k = name.join('.');
    const f = fields.get(k) ?? { name, messages: [] };
    f.messages.push(i.message);
    fields.set(k, f);
  }
  return { fields: [...fields.values()], rest };
}
