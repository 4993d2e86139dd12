import { describe, expect, it } from 'vitest';
import { chinaToday } from './china-today.ts';

describe('chinaToday', () => {
  it('is already tomorrow in Beijing after 16:00 UTC', () => {
    expect(chinaToday(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });
});
