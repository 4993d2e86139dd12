import { describe, expect, it } from 'vitest';
import { CalendarOverrideError, CalendarYearMissingError, createWorkingDayCalendar, type CalendarOverride } from './working-days.ts';

/** Test vectors of reference-data.md §7 (State Council notices for 2025 and 2026). */
describe('working-day calendar over chinese-days', () => {
  const calendar = createWorkingDayCalendar();

  it('has the 2025 schedule: 28 holiday dates and five make-up Saturdays/Sundays', () => {
    expect(calendar.holidaysOf(2025)).toHaveLength(28);
    expect(calendar.makeUpWorkdaysOf(2025)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    for (const d of calendar.makeUpWorkdaysOf(2025)) expect(calendar.isWorkingDay(d)).toBe(true);
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
  });

  it('has the 2026 schedule: 33 holiday dates and six make-up days', () => {
    expect(calendar.holidaysOf(2026)).toHaveLength(33);
    expect(calendar.makeUpWorkdaysOf(2026)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(calendar.sourceOf(2026)).toBe('chinese-days');
  });

  it('finds the fifth working day after a date as chinese-days does', () => {
    // 9/29, 9/30, 10/8, 10/9, then the make-up Saturday 10/10.
    expect(calendar.nthWorkingDayAfter('2026-09-28', 5)).toBe('2026-10-10');
    // 2/11, 2/12, 2/13, the make-up Saturday 2/14, then 2/24.
    expect(calendar.nthWorkingDayAfter('2026-02-10', 5)).toBe('2026-02-24');
  });

  it('counts working days inclusively over a notice period', () => {
    expect(calendar.workingDaysInclusive('2026-09-28', '2026-10-10')).toBe(6);
    expect(calendar.workingDaysInclusive('2026-11-23', '2026-11-27')).toBe(5);
    expect(calendar.workingDaysInclusive('2026-11-23', '2026-11-26')).toBe(4);
    expect(calendar.workingDaysInclusive('2026-11-27', '2026-11-23')).toBe(0);
  });

  it('refuses a year it has no data for instead of guessing', () => {
    expect(calendar.hasYear(2027)).toBe(false);
    expect(() => calendar.isWorkingDay('2027-01-01')).toThrow(CalendarYearMissingError);
    expect(() => calendar.nthWorkingDayAfter('2026-12-28', 5)).toThrow(/没有 2027 年的法定节假日和调休安排数据/);
    expect(() => calendar.workingDaysInclusive('2026-12-28', '2027-01-05')).toThrow(CalendarYearMissingError);
  });

  it('takes an administrator-entered year from the State Council notice', () => {
    const notice: CalendarOverride = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      makeUpWorkdays: ['2027-01-09'],
      source: '测试用通知',
    };
    const withOverride = createWorkingDayCalendar({ overrides: [notice] });
    expect(withOverride.sourceOf(2027)).toBe('override');
    expect(withOverride.isWorkingDay('2027-01-01')).toBe(false);
    expect(withOverride.isWorkingDay('2027-01-04')).toBe(true);
    expect(withOverride.isWorkingDay('2027-01-09')).toBe(true);
    // 12/29, 12/30, 12/31, then 1/4 and 1/5 (1/1–1/3 off).
    expect(withOverride.nthWorkingDayAfter('2026-12-28', 5)).toBe('2027-01-05');
  });

  it('lets an override correct a year the package knows', () => {
    const corrected = createWorkingDayCalendar({ overrides: [{ year: 2026, holidays: ['2026-01-01'], makeUpWorkdays: [], source: '更正' }] });
    expect(corrected.sourceOf(2026)).toBe('override');
    expect(corrected.isWorkingDay('2026-10-07')).toBe(true);
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false);
  });

  it('refuses overrides that cannot be a notice', () => {
    const bad = (o: Partial<CalendarOverride>) => () => createWorkingDayCalendar({ overrides: [{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '通知', ...o }] });
    expect(bad({ makeUpWorkdays: ['2027-01-05'] })).toThrow(/不是周六或周日/);
    expect(bad({ holidays: ['2027-02-30'] })).toThrow(CalendarOverrideError);
    expect(bad({ holidays: ['2025-05-01'] })).toThrow(/不属于 2027 年/);
    expect(bad({ holidays: [] })).toThrow(/至少应包含一个放假日/);
    expect(bad({ source: ' ' })).toThrow(/通知/);
  });
});
