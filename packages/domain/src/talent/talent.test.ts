import { describe, expect, it } from 'vitest';
import { ageOn, followUpStatus } from './talent.ts';

describe('cultivation follow-up', () => {
  it('is due a cadence after the last contact, or after the start', () => {
    expect(followUpStatus('2026-11-01', '2026-01-01', 30, '2026-11-27')).toEqual({ nextDueOn: '2026-12-01', overdueDays: 0 });
    expect(followUpStatus(null, '2026-10-01', 30, '2026-11-27')).toEqual({ nextDueOn: '2026-10-31', overdueDays: 27 });
    expect(followUpStatus('2026-10-28', '2026-01-01', 30, '2026-11-27')).toEqual({ nextDueOn: '2026-11-27', overdueDays: 0 });
  });
  it('counts age in whole years', () => {
    expect(ageOn('1991-11-28', '2026-11-27')).toBe(34);
    expect(ageOn('1991-11-27', '2026-11-27')).toBe(35);
  });
});
