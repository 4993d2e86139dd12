import { describe, expect, it } from 'vitest';
import { meetingTally } from './meeting-tally';

describe('meeting tally (R-MTG-QUORUM, R-MTG-MAJORITY as typed)', () => {
  it('says nothing until expected and present voters are typed', () => {
    expect(meetingTally({})).toBeNull();
    expect(meetingTally({ expectedVoters: 20 })).toBeNull();
  });

  it('a quorum needs more than half of the expected voters present', () => {
    expect(meetingTally({ expectedVoters: 20, presentVoters: 11 })).toEqual([{ rule: 'R-MTG-QUORUM', ok: true, text: expect.stringContaining('超过应到 20 人的半数') }]);
    const half = meetingTally({ expectedVoters: 20, presentVoters: 10 })!;
    expect(half[0]).toMatchObject({ rule: 'R-MTG-QUORUM', ok: false });
    expect(half[0]!.text).toBe('实到会有表决权的党员 10 人，未超过应到 20 人的半数，会议不能举行表决');
  });

  it('the majority counts on the expected voters, not those present', () => {
    const onPresent = meetingTally({ expectedVoters: 20, presentVoters: 12, yes: 7, no: 5, abstain: 0 })!;
    expect(onPresent[1]).toMatchObject({ rule: 'R-MTG-MAJORITY', ok: false });
    expect(onPresent[1]!.text).toContain('应以应到人数计算');
    expect(meetingTally({ expectedVoters: 20, presentVoters: 18, yes: 17, no: 1, abstain: 0 })![1]).toMatchObject({ ok: true });
  });

  it('written yes votes count only when handed in before the meeting', () => {
    const base = { expectedVoters: 20, presentVoters: 18, yes: 9, no: 8, abstain: 1, writtenYes: 2 };
    expect(meetingTally({ ...base, writtenBeforeMeeting: true })![1]).toMatchObject({ ok: true });
    expect(meetingTally({ ...base, writtenBeforeMeeting: false })![1]!.text).toContain('未在会前正式提交');
  });
});
