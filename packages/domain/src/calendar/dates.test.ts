import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, ageOn, chinaDateOf, daysBetween, isIsoDate, isTimestamp, weekday } from './dates.ts';

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('20260101')).toBe(false);
  });

  it('adds calendar months clamped to the month end (rules.md §0.2)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-06-20', 1)).toBe('2026-06-20');
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('counts age from the birthday itself', () => {
    expect(ageOn('2008-05-11', '2026-05-10')).toBe(17);
    expect(ageOn('2008-05-11', '2026-05-11')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
  });

  it('knows the weekday', () => {
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-11-27')).toBe(5);
    expect(weekday('2026-11-29')).toBe(0);
  });

  it('reads timestamps with an offset and gives their date in China', () => {
    expect(isTimestamp('2026-05-20T09:30:00+08:00')).toBe(true);
    expect(isTimestamp('2026-05-20T09:30:00Z')).toBe(true);
    expect(isTimestamp('2026-05-20T09:30:00')).toBe(false);
    expect(isTimestamp('2026-05-20')).toBe(false);
    expect(isTimestamp('2026-02-30T09:30:00Z')).toBe(false);
    expect(chinaDateOf('2026-05-20T17:00:00Z')).toBe('2026-05-21');
    expect(chinaDateOf('2026-05-20T23:59:00+08:00')).toBe('2026-05-20');
  });
});
