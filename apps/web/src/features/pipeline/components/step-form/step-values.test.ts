import { stepSchemas } from '@xinxue/domain/pipeline/step-inputs';
import { describe, expect, it } from 'vitest';
import { cleanPath } from './step-form.test-data';
import { clean, initialValues, namePath, toStepInput } from './step-values';

describe('form values → step input', () => {
  it('drops what an untouched form leaves behind, keeps false and 0', () => {
    expect(clean({ a: '', b: null, c: undefined, d: false, e: 0, f: '  x ', g: { h: '' }, i: [null, { j: '' }, 'k'] })).toEqual({ d: false, e: 0, f: 'x', i: ['k'] });
  });

  it('sends a recommendation without votes when none were typed, with them when all were', () => {
    const input = toStepInput(3, { recommendations: [{ method: 'byMembers', on: '2022-05-05', votes: { for: null, against: null, total: null } }, { method: 'democraticVote', on: '2022-05-06', votes: { for: 30, against: 2, total: 35 } }], on: '2022-05-10', decidedBy: 'branchCommittee', opinions: [] });
    expect(input).toEqual({ recommendations: [{ method: 'byMembers', on: '2022-05-05' }, { method: 'democraticVote', on: '2022-05-06', votes: { for: 30, against: 2, total: 35 } }], on: '2022-05-10', decidedBy: 'branchCommittee' });
    expect(stepSchemas[3].safeParse(input).success).toBe(true);
  });

  it('gives each notice its objections list and leaves out the extension months unless the outcome is to extend', () => {
    expect(toStepInput(7, { committeeProposalOn: '2023-06-01', on: '2023-06-10', notices: [{ place: 'origin', start: '2023-05-20', end: '2023-05-26' }] }).notices).toEqual([{ place: 'origin', start: '2023-05-20', end: '2023-05-26', objections: [] }]);
    expect(toStepInput(23, { outcome: 'confirm', extensionMonths: 6 })).not.toHaveProperty('extensionMonths');
    expect(toStepInput(23, { outcome: 'extend', extensionMonths: 6 })).toHaveProperty('extensionMonths', 6);
  });

  it('the initial values of every step plus the clean path parse; an empty form does not (the first field is named)', () => {
    for (let step = 2; step <= 25; step++) {
      const values = { ...initialValues(step), ...cleanPath[step]![0] };
      const parsed = stepSchemas[step as keyof typeof stepSchemas].safeParse(toStepInput(step, values));
      expect(parsed.success, `step ${step}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
    }
    const empty = stepSchemas[2].safeParse(toStepInput(2, initialValues(2)));
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0]!.message).toBe('请填写谈话日期');
  });

  it('turns a server field path into an antd name path', () => {
    expect(namePath('recommendations.0.on')).toEqual(['recommendations', 0, 'on']);
    expect(namePath('meeting.yes')).toEqual(['meeting', 'yes']);
  });
});

describe('six-refusals evidence in words', () => {
  it('shows codes as labels', async () => {
    const { evidenceText } = await import('./labels');
    expect(evidenceText('training.organizerLevel', 'baseCommittee')).toBe('基层党委');
    expect(evidenceText('politicalReview.result', 'qualified')).toBe('合格');
    expect(evidenceText('documents', 'applicationLetter、talkRecord')).toBe('入党申请书、谈话记录');
    expect(evidenceText('notices[candidate]', 'origin 2023-05-29至2023-06-02；workplace 2023-05-29至2023-06-02')).toBe('户籍地 2023-05-29至2023-06-02；工作地 2023-05-29至2023-06-02');
    expect(evidenceText('training.passed', true)).toBe('是');
    expect(evidenceText('x', null)).toBe('（无记录）');
  });
});
