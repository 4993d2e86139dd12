import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('masking (reference-data §5)', () => {
  it('masks names by code point', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('买买提·艾力')).toBe('买****力');
    expect(maskName('𠀋三丰')).toBe('𠀋*丰');
  });
  it('masks ID numbers', () => {
    expect(maskIdNumber('42050619900307123X')).toBe('420506********123X');
    expect(maskIdNumber('42050619900307123X', 'public')).toBe('420***********123X');
    expect(maskIdNumber('420506900307123')).toBe('420506******123');
  });
  it('masks phones', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0717-6234567')).toBe('0717-***4567');
  });
  it('masks addresses below the township', () => {
    expect(maskAddress('湖北省宜昌市夷陵区小溪塔街道平湖路18号')).toBe('湖北省宜昌市夷陵区小溪塔街道****');
  });
});
