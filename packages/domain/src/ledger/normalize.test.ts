import { describe, expect, it } from 'vitest';
import { cleanText, parseDateValue, parseDirection, splitPhones, toHalfWidth } from './normalize.ts';

describe('import value normalisation', () => {
  it.each([
    ['2023-05-01', '2023-05-01'],
    ['2023/5/1', '2023-05-01'],
    ['2023.5.1', '2023-05-01'],
    ['2023年5月1日', '2023-05-01'],
    ['20230501', '2023-05-01'],
    ['２０２３年５月１日', '2023-05-01'],
    ['2023-05', '2023-05-01'],
    ['2023年5月', '2023-05-01'],
    [45047, '2023-05-01'],
    ['45047', '2023-05-01'],
    [new Date(Date.UTC(2023, 4, 1)), '2023-05-01'],
    ['2023-05-01 08:30:00', '2023-05-01'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseDateValue(raw)).toBe(expected);
  });

  it.each(['2023-02-30', '2023.13.1', 'abc', '05/01/2023', '1800-01-01'])('refuses %s', (raw) => {
    expect(parseDateValue(raw)).toBeNull();
  });

  it('folds full-width characters and spaces', () => {
    expect(toHalfWidth('ＡＢＣ１２３　')).toBe('ABC123');
    expect(cleanText('  宜昌  市 ')).toBe('宜昌 市');
    expect(cleanText(null)).toBe('');
  });

  it('reads directions and phone lists', () => {
    expect(parseDirection('流入人口')).toBe('inbound');
    expect(parseDirection('外出务工')).toBe('outbound');
    expect(parseDirection('其他')).toBeNull();
    expect(splitPhones('13812345678/0717-6234567')).toEqual(['13812345678', '0717-6234567']);
    expect(splitPhones('13812345678，13912345678')).toEqual(['13812345678', '13912345678']);
    expect(splitPhones('13812345678 13912345678')).toEqual(['13812345678', '13912345678']);
    expect(splitPhones('138 1234 5678')).toEqual(['138 1234 5678']);
  });
});
