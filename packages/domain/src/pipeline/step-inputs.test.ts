import { describe, expect, it } from 'vitest';
import { type AnyStepInput, stepDate, stepSchemas } from './step-inputs.ts';

describe('the date a step is recorded on', () => {
  const parse = <N extends keyof typeof stepSchemas>(step: N, fields: unknown) => stepSchemas[step].parse(fields) as AnyStepInput;

  it('is the step’s own date field', () => {
    expect(stepDate(2, parse(2, { on: '2022-03-20', by: '支部书记' }), {} as never)).toBe('2022-03-20');
    expect(stepDate(11, parse(11, { start: '2023-07-01', end: '2023-07-03', days: 3, hours: 24, organizerLevel: 'baseCommittee', passed: true }), {} as never)).toBe('2023-07-03');
  });

  it('is the latest mentor’s start at step 5, which has no date of its own (never today)', () => {
    const input = parse(5, { mentors: [{ name: '甲', isFullMember: true, from: '2022-05-20' }, { name: '乙', isFullMember: true, from: '2022-05-15' }] });
    expect(stepDate(5, input, {} as never)).toBe('2022-05-20');
  });
});
