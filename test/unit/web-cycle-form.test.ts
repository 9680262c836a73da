/**
 * The cycle form's rules: a new cycle's proposed calendar, the order between dates checked on the field, and
 * which form field shows each of the server's issues.
 */
import { describe, expect, test } from 'vitest';
import { dateProblem, issuesByField, newCycleValues } from '#web/pages/admin/cycles/form-rules.ts';
import { createBody, parseDmy } from '#web/pages/admin/cycles/model.ts';

const DATES = {
  evidenceDue: '30/11/2024',
  selfAssessmentDue: '15/12/2024',
  appraisalStart: '05/01/2025',
  appraisalEnd: '15/02/2025',
  publication: '31/03/2025',
};

describe('a new cycle', () => {
  test('proposes the year’s calendar, every date real and in order, into the next year for appraisal', () => {
    const v = newCycleValues(2026);
    expect(v.year).toBe(2026);
    expect(v.nameVi).toBe('Kỳ đánh giá Chỉ số CCHC năm 2026');
    expect(v.dates.evidenceDue).toBe('30/11/2026');
    expect(v.dates.publication).toBe('31/03/2027');
    const iso = Object.values(v.dates).map(parseDmy);
    expect(iso.every(Boolean)).toBe(true);
    expect([...iso].sort()).toEqual(iso);
    expect(v.status).toBe('open');
    expect(createBody({ ...v, frameworkId: 'par', frameworkVersion: 1 }).uploadLimits?.maxFileBytes).toBe(
      50 * 1024 * 1024,
    );
  });
});

describe('dates of the cycle form', () => {
  test('a date must be a real dd/mm/yyyy date', () => {
    expect(dateProblem('publication', '31/02/2025', DATES)).toBe('setup.cycle.dateInvalid');
    expect(dateProblem('publication', '2025-03-31', DATES)).toBe('setup.cycle.dateInvalid');
    expect(dateProblem('publication', undefined, DATES)).toBe('setup.cycle.dateInvalid');
    expect(dateProblem('publication', '31/03/2025', DATES)).toBeUndefined();
  });

  test('self-assessment not before the evidence deadline, appraisal end not before its start', () => {
    const early = { ...DATES, selfAssessmentDue: '29/11/2024' };
    expect(dateProblem('selfAssessmentDue', early.selfAssessmentDue, early)).toBe(
      'setup.cycle.selfBeforeEvidence',
    );
    const sameDay = { ...DATES, selfAssessmentDue: '30/11/2024' };
    expect(dateProblem('selfAssessmentDue', sameDay.selfAssessmentDue, sameDay)).toBeUndefined();
    const backwards = { ...DATES, appraisalEnd: '04/01/2025' };
    expect(dateProblem('appraisalEnd', backwards.appraisalEnd, backwards)).toBe('setup.cycle.endBeforeStart');
    // Only the later date of a pair carries the order; an unreadable other date is that field's problem.
    expect(dateProblem('evidenceDue', early.evidenceDue, early)).toBeUndefined();
    const unreadable = { ...DATES, appraisalStart: 'sau Tết' };
    expect(dateProblem('appraisalEnd', unreadable.appraisalEnd, unreadable)).toBeUndefined();
  });
});

describe('the server’s issues on the cycle form', () => {
  test('grouped by the field that shows them; the rest listed apart', () => {
    const { fields, rest } = issuesByField([
      { field: 'body.dates.appraisalEnd', message: 'a' },
      { field: 'body.entityIds.2', message: 'b' },
      { field: 'body.entityIds.0', message: 'c' },
      { field: 'body.name.en', message: 'd' },
      { field: 'body.reminderPolicy', message: 'e' },
    ]);
    expect(fields).toEqual([
      { name: ['dates', 'appraisalEnd'], messages: ['a'] },
      { name: ['entityIds'], messages: ['b', 'c'] },
      { name: ['nameEn'], messages: ['d'] },
    ]);
    expect(rest).toEqual(['e']);
  });
});
