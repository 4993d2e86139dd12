import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber, upgradeIdNumber15To18 } from './idnumber.ts';

const TODAY = '2026-11-27';

describe('GB 11643 ID numbers (reference-data §1.4 vectors)', () => {
  it.each([
    ['42050619900307123X', '1990-03-07', 'male'],
    ['420502198511200464', '1985-11-20', 'female'],
    ['420528200002290039', '2000-02-29', 'male'],
    ['11010519491231002X', '1949-12-31', 'female'],
  ])('accepts %s', (id, birthDate, sex) => {
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: true, value: id, birthDate, sex, upgradedFrom15: false });
  });

  it.each([
    ['420506199003071230', 'checkDigit'],
    ['420506199002301232', 'birthDate'],
    ['990000199003071235', 'province'],
    ['420506190002290018', 'birthDate'],
    ['420506209901010013', 'futureBirthDate'],
    ['42050619900307123', 'format'],
    ['4205061990030712XX', 'format'],
    ['', 'format'],
  ])('rejects %s (%s)', (id, problem) => {
    const result = parseIdNumber(id, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message).toMatch(/公民身份号码/);
    }
  });

  it('normalises lower-case x, spaces and full-width digits', () => {
    expect(parseIdNumber(' 42050619900307123x ', TODAY)).toMatchObject({ ok: true, value: '42050619900307123X' });
    expect(parseIdNumber('４２０５０６１９９００３０７１２３Ｘ', TODAY)).toMatchObject({ ok: true, value: '42050619900307123X' });
  });

  it('upgrades 15-digit numbers to 18 (420506900307123 → 42050619900307123X)', () => {
    expect(upgradeIdNumber15To18('420506900307123')).toBe('42050619900307123X');
    expect(parseIdNumber('420506900307123', TODAY)).toMatchObject({ ok: true, value: '42050619900307123X', upgradedFrom15: true, sex: 'male' });
  });

  it('computes check characters by ISO 7064 MOD 11-2', () => {
    expect(idCheckChar('42050219851120046')).toBe('4');
    expect(idCheckChar('42052820000229003')).toBe('9');
  });
});
