import { describe, expect, it } from 'vitest';
import { codeName, ethnicities, lookupCode } from './code-lists.ts';

describe('code lists', () => {
  it('has the 56 ethnic groups of GB/T 3304 with two-digit codes', () => {
    expect(ethnicities.filter((e) => Number(e.code) <= 56)).toHaveLength(56);
    expect(lookupCode('ethnicity', '土家族')).toBe('15');
    expect(lookupCode('ethnicity', '土家')).toBe('15');
    expect(lookupCode('ethnicity', '1')).toBe('01');
    expect(codeName('ethnicity', '15')).toBe('土家族');
  });
  it('matches the spellings departments export', () => {
    expect(lookupCode('education', '大专')).toBe('30');
    expect(lookupCode('education', '中专/职高/技校')).toBe('40');
    expect(lookupCode('politicalStatus', '共青团员')).toBe('03');
    expect(lookupCode('politicalStatus', '群众')).toBe('13');
    expect(lookupCode('gender', '女')).toBe('2');
    expect(lookupCode('occupationGroup', '工人')).toBe('6');
    expect(lookupCode('occupationGroup', '6')).toBe('6');
  });
  it('refuses values outside the list', () => {
    expect(lookupCode('politicalStatus', '积极分子')).toBeNull();
    expect(lookupCode('ethnicity', '火星族')).toBeNull();
  });
});
