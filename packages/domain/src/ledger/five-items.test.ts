import { describe, expect, it } from 'vitest';
import { fiveItemsStatus } from './five-items.ts';

describe('five items', () => {
  it('tells clear, missing and stale items apart', () => {
    const s = fiveItemsStatus({ hukou: '2026-10-01T00:00:00Z', movedOn: '2025-11-26', workAddress: '2025-11-27', occupation: null, contact: '2026-11-27' }, '2026-11-27', 365);
    expect(s).toEqual({ clear: ['hukou', 'workAddress', 'contact'], missing: ['occupation'], stale: ['movedOn'], complete: false });
  });
  it('is complete when all five are clear', () => {
    const d = '2026-11-01';
    expect(fiveItemsStatus({ hukou: d, movedOn: d, workAddress: d, occupation: d, contact: d }, '2026-11-27').complete).toBe(true);
  });
});
