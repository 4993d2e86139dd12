import { describe, expect, it } from 'vitest';
import { blankSpotAdvice, checkUscc, sizeBandOf, withUsccCheck } from './orgs.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43', // the standard's published example
    '91110000600037341L',
  ])('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalises lower case and full-width characters', () => {
    expect(checkUscc(' ９１350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y44', 'checkDigit'],
    ['91350100MO00100Y43', 'characters'],
  ])('rejects %s (%s)', (code, problem) => {
    const result = checkUscc(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
  });

  it('completes a body with its check character', () => {
    expect(withUsccCheck('91350100M000100Y4')).toBe('91350100M000100Y43');
  });
});

describe('blank spot helpers', () => {
  it('advises by party members among the staff', () => {
    expect([0, 1, 2, 3, 10].map(blankSpotAdvice)).toEqual(['instructor', 'jointOrAttached', 'jointOrAttached', 'standalone', 'standalone']);
  });
  it('bands by employees', () => {
    expect([0, 9, 10, 49, 50, 99, 100, 299, 300].map(sizeBandOf)).toEqual(['micro', 'micro', 'small', 'small', 'medium', 'medium', 'large', 'large', 'huge']);
  });
});
