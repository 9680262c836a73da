import { describe, expect, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import {
  SEND_AT,
  toFields,
  toPolicy,
  validDateList,
  validDaysBefore,
} from '#web/pages/admin/people/reminder-policy-model.ts';

type ReminderPolicy = Output<'getCycle'>['reminderPolicy'];

const stored: ReminderPolicy = {
  enabled: true,
  sendAt: '08:00',
  daysBefore: [1, 7, 3],
  overdueEveryWorkingDays: 2,
  copyUnitHeadAfterDaysOverdue: 3,
  escalateToAdminAfterDaysOverdue: 7,
  skipWeekends: true,
  holidays: ['2023-09-02', '2023-01-01'],
};

describe('reminder policy form model', () => {
  test('the form shows the ladder from the farthest day, dates dd/mm/yyyy, national holidays on when unset', () => {
    expect(toFields(stored)).toEqual({
      enabled: true,
      sendAt: '08:00',
      daysBefore: ['7', '3', '1'],
      overdueEveryWorkingDays: 2,
      copyUnitHeadAfterDaysOverdue: 3,
      escalateToAdminAfterDaysOverdue: 7,
      skipWeekends: true,
      nationalHolidays: true,
      holidays: ['02/09/2023', '01/01/2023'],
      makeUpWorkingDays: [],
    });
    expect(toFields({ ...stored, nationalHolidays: false }).nationalHolidays).toBe(false);
  });

  test('saving trims the time, keeps each day and date once, sorted, and reads dd/mm/yyyy back to ISO', () => {
    const saved = toPolicy({
      ...toFields(stored),
      sendAt: ' 07:30 ',
      daysBefore: ['3', '10', '3', '1'],
      holidays: ['2/9/2023', '01/01/2023', '02/09/2023'],
      makeUpWorkingDays: ['09/09/2023'],
    });
    expect(saved.sendAt).toBe('07:30');
    expect(saved.daysBefore).toEqual([10, 3, 1]);
    expect(saved.holidays).toEqual(['2023-01-01', '2023-09-02']);
    expect(saved.makeUpWorkingDays).toEqual(['2023-09-09']);
    expect(toPolicy(toFields(stored))).toEqual({
      ...stored,
      daysBefore: [7, 3, 1],
      holidays: ['2023-01-01', '2023-09-02'],
      nationalHolidays: true,
      makeUpWorkingDays: [],
    });
  });

  test('each field checks what the server would refuse', () => {
    expect(['08:00', '23:59', '00:00'].every((v) => SEND_AT.test(v))).toBe(true);
    expect(['24:00', '8:00', '08:60', '0800'].some((v) => SEND_AT.test(v))).toBe(false);

    expect(validDaysBefore(undefined)).toBe(true);
    expect(validDaysBefore(['60', '0', '7'])).toBe(true);
    expect(validDaysBefore(['61'])).toBe(false);
    expect(validDaysBefore(['1.5'])).toBe(false);
    expect(validDaysBefore(Array.from({ length: 11 }, (_, i) => String(i)))).toBe(false);

    expect(validDateList(['01/01/2024', '29/02/2024'])).toBe(true);
    expect(validDateList(['29/02/2023'])).toBe(false);
    expect(validDateList(undefined)).toBe(true);
  });
});
