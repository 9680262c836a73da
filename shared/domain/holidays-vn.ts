/**
 * Vietnamese public holidays as data (docs/reminders.md: reminders skip them and do not count them as working days).
 *
 * Source: Bộ luật Lao động 2019, Điều 112 (1/1; Tết Âm lịch 5 ngày; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4;
 * 1/5; Quốc khánh 2/9 + 1 ngày liền kề; a holiday on a weekend is compensated on the next working day) and
 * the yearly notices for civil servants (thông báo nghỉ lễ, tết của Bộ Nội vụ / Bộ LĐ-TB&XH), which fix the
 * exact Tết days and swap days (làm bù on a Saturday).
 *
 * Confidence *(unconfirmed: written from memory of those notices, not checked against the texts)*:
 * - `announced`: the notice was published and this is what we remember it said (2023–2025; Tết 2026);
 * - `estimated`: not announced when written: the Labour Code's rule applied to the lunar calendar.
 * Every cycle can turn this calendar off (`reminderPolicy.nationalHolidays: false`) and add its own days
 * (`holidays`, `makeUpWorkingDays`), so a wrong entry is a configuration fix, not a code change.
 */

export type HolidayConfidence = 'announced' | 'estimated';

export interface HolidayEntry {
  /** First and last day off, inclusive (weekend days inside the range included). */
  from: string;
  to: string;
  name: { vi: string; en: string };
  confidence: HolidayConfidence;
}

export interface HolidayCalendarData {
  source: string;
  years: readonly number[];
  holidays: readonly HolidayEntry[];
  /** Saturdays worked to make up for a swapped weekday off (làm bù). */
  makeUpWorkingDays: readonly { date: string; note: string; confidence: HolidayConfidence }[];
}

const NEW_YEAR = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const TET = { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' };
const HUNG_KINGS = { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hung Kings' Commemoration" };
const APRIL_MAY = {
  vi: 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5',
  en: 'Reunification Day and Labour Day',
};
const NATIONAL_DAY = { vi: 'Quốc khánh 2/9', en: 'National Day' };

export const VN_PUBLIC_HOLIDAYS: HolidayCalendarData = {
  source:
    'Bộ luật Lao động 2019 Điều 112 + thông báo nghỉ lễ hằng năm cho cán bộ, công chức (ghi theo trí nhớ, chưa đối chiếu văn bản)',
  years: [2023, 2024, 2025, 2026, 2027],
  holidays: [
    // 2023: Tết = 22/01; Giỗ Tổ = 29/04 (Saturday) → off to 03/05; 02/09 is a Saturday → off 01–04/09.
    { from: '2023-01-01', to: '2023-01-02', name: NEW_YEAR, confidence: 'announced' },
    { from: '2023-01-20', to: '2023-01-26', name: TET, confidence: 'announced' },
    { from: '2023-04-29', to: '2023-05-03', name: HUNG_KINGS, confidence: 'announced' },
    { from: '2023-09-01', to: '2023-09-04', name: NATIONAL_DAY, confidence: 'announced' },
    // 2024: Tết = 10/02; Giỗ Tổ = 18/04; 29/04 swapped with Saturday 04/05.
    { from: '2024-01-01', to: '2024-01-01', name: NEW_YEAR, confidence: 'announced' },
    { from: '2024-02-08', to: '2024-02-14', name: TET, confidence: 'announced' },
    { from: '2024-04-18', to: '2024-04-18', name: HUNG_KINGS, confidence: 'announced' },
    { from: '2024-04-27', to: '2024-05-01', name: APRIL_MAY, confidence: 'announced' },
    { from: '2024-08-31', to: '2024-09-03', name: NATIONAL_DAY, confidence: 'announced' },
    // 2025: Tết = 29/01; Giỗ Tổ = 07/04; 02/05 swapped with Saturday 26/04.
    { from: '2025-01-01', to: '2025-01-01', name: NEW_YEAR, confidence: 'announced' },
    { from: '2025-01-25', to: '2025-02-02', name: TET, confidence: 'announced' },
    { from: '2025-04-07', to: '2025-04-07', name: HUNG_KINGS, confidence: 'announced' },
    { from: '2025-04-30', to: '2025-05-04', name: APRIL_MAY, confidence: 'announced' },
    { from: '2025-08-30', to: '2025-09-02', name: NATIONAL_DAY, confidence: 'announced' },
    // 2026: Tết = 17/02; Giỗ Tổ = 26/04 (Sunday) → compensated Monday 27/04.
    { from: '2026-01-01', to: '2026-01-01', name: NEW_YEAR, confidence: 'announced' },
    { from: '2026-02-14', to: '2026-02-22', name: TET, confidence: 'announced' },
    { from: '2026-04-26', to: '2026-04-27', name: HUNG_KINGS, confidence: 'estimated' },
    { from: '2026-04-30', to: '2026-05-01', name: APRIL_MAY, confidence: 'estimated' },
    { from: '2026-09-01', to: '2026-09-02', name: NATIONAL_DAY, confidence: 'estimated' },
    // 2027: Tết = 06/02 (Saturday); Giỗ Tổ = 16/04; 01/05 is a Saturday → compensated Monday 03/05.
    { from: '2027-01-01', to: '2027-01-01', name: NEW_YEAR, confidence: 'estimated' },
    { from: '2027-02-04', to: '2027-02-10', name: TET, confidence: 'estimated' },
    { from: '2027-04-16', to: '2027-04-16', name: HUNG_KINGS, confidence: 'estimated' },
    { from: '2027-04-30', to: '2027-05-03', name: APRIL_MAY, confidence: 'estimated' },
    { from: '2027-09-02', to: '2027-09-03', name: NATIONAL_DAY, confidence: 'estimated' },
  ],
  makeUpWorkingDays: [
    { date: '2024-05-04', note: 'làm bù cho thứ Hai 29/04/2024', confidence: 'announced' },
    { date: '2025-04-26', note: 'làm bù cho thứ Sáu 02/05/2025', confidence: 'announced' },
  ],
};
