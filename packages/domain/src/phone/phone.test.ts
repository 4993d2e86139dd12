import { describe, expect, it } from 'vitest';
import { parsePhone } from './phone.ts';

describe('phone numbers', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['+86 138 1234 5678', 'mobile', '13812345678'],
    ['19912345678', 'mobile', '19912345678'],
    ['16212345678', 'mobile', '16212345678'],
    ['0717-6234567', 'landline', '0717-6234567'],
    ['010-12345678', 'landline', '010-12345678'],
    ['07176234567', 'landline', '0717-6234567'],
  ])('accepts %s', (raw, kind, value) => {
    expect(parsePhone(raw)).toEqual({ ok: true, kind, value });
  });

  it.each(['14012345678', '12012345678', '400-810-8888', '12345', '010-1234567', 'abc'])('rejects %s', (raw) => {
    const result = parsePhone(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/[号码]/);
  });
});
