import { describe, expect, it } from 'vitest';
import { divisionLevelOf, divisionPrefix, isWithinScope, parentDivisionCode, toDivisionCode12 } from './codes.ts';

describe('division codes', () => {
  it('normalises 2/4/6/9/12-digit codes', () => {
    expect(toDivisionCode12('42')).toBe('420000000000');
    expect(toDivisionCode12('4205')).toBe('420500000000');
    expect(toDivisionCode12('420506001')).toBe('420506001000');
    expect(toDivisionCode12('42050')).toBeNull();
    expect(toDivisionCode12('42a5')).toBeNull();
  });
  it('reads levels, prefixes and parents', () => {
    expect(divisionLevelOf('420000000000')).toBe('province');
    expect(divisionLevelOf('420500000000')).toBe('prefecture');
    expect(divisionLevelOf('420506000000')).toBe('county');
    expect(divisionLevelOf('420506001000')).toBe('township');
    expect(divisionLevelOf('420502001001')).toBe('village');
    expect(divisionPrefix('420506001000')).toBe('420506001');
    expect(parentDivisionCode('420502001001')).toBe('420502001000');
    expect(parentDivisionCode('420500000000')).toBe('420000000000');
    expect(parentDivisionCode('420000000000')).toBeNull();
  });
  it('tests scope by prefix', () => {
    expect(isWithinScope('420502001001', '4205')).toBe(true);
    expect(isWithinScope('420502001001', '420506')).toBe(false);
  });
});
