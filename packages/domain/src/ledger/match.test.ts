import { describe, expect, it } from 'vitest';
import { decideMatch, scoreMatch, type MatchSubject } from './match.ts';

const base: MatchSubject = { name: '张三', namePinyin: 'zhangsan', nameInitials: 'zs', birthDate: '1990-03-07', gender: '1', phoneHashes: ['h1'], hukouCounty: '420506' };

describe('matching without an ID number', () => {
  it('links a sure match: same name, birth date and phone', () => {
    const s = scoreMatch({ ...base }, { ...base });
    expect(s.score).toBe(1);
    expect(s.parts.map((p) => p.field)).toEqual(['name', 'birthDate', 'phone', 'hukou']);
    expect(decideMatch(s.score)).toBe('link');
  });
  it('queues an unsure match for review with its reasons', () => {
    const s = scoreMatch({ ...base, phoneHashes: [], hukouCounty: null }, { ...base, birthDate: '1990-03-20' });
    expect(s).toEqual({ score: 0.5, parts: [expect.objectContaining({ detail: '姓名相同' }), expect.objectContaining({ detail: '出生年月相同' })] });
    expect(decideMatch(s.score)).toBe('review');
  });
  it('counts a gender conflict against a match', () => {
    const s = scoreMatch({ ...base, gender: '2' }, base);
    expect(s.score).toBe(0.7);
    expect(decideMatch(0.49)).toBe('new');
  });
  it('gives less for a homophone than for the same characters', () => {
    expect(scoreMatch({ ...base, name: '章三', phoneHashes: [], hukouCounty: null, birthDate: null }, base).score).toBe(0.25);
  });
});
