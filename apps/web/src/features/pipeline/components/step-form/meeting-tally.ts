/**
 * The quorum and the majority of a branch meeting as the clerk types the tally, in the words of the
 * rules R-MTG-QUORUM and R-MTG-MAJORITY (their own helpers and messages: nothing re-counted here).
 */
import { fillMessage } from '@xinxue/domain/rules/engine';
import { majorityProblem, meetingMessages, quorumProblem } from '@xinxue/domain/rules/helpers';

export interface TallyLine {
  rule: 'R-MTG-QUORUM' | 'R-MTG-MAJORITY';
  ok: boolean;
  text: string;
}

type Meeting = Parameters<typeof quorumProblem>[0];
const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Null until the counts the rule needs are typed in. */
export function meetingTally(values: Partial<Record<keyof Meeting, unknown>> | undefined): TallyLine[] | null {
  const expected = n(values?.expectedVoters);
  const present = n(values?.presentVoters);
  if (expected === undefined || present === undefined || expected <= 0) return null;
  const m: Meeting = {
    on: typeof values?.on === 'string' ? values.on : '', method: values?.method === 'showOfHands' ? 'showOfHands' : 'secretBallot',
    expectedVoters: expected, presentVoters: present, yes: n(values?.yes) ?? 0, no: n(values?.no) ?? 0, abstain: n(values?.abstain) ?? 0,
    writtenYes: n(values?.writtenYes) ?? 0, writtenNo: n(values?.writtenNo) ?? 0, writtenBeforeMeeting: values?.writtenBeforeMeeting === true, oneByOne: values?.oneByOne !== false,
  };
  const lines: TallyLine[] = [];
  const quorum = quorumProblem(m);
  lines.push(quorum
    ? { rule: 'R-MTG-QUORUM', ok: false, text: fillMessage(meetingMessages[quorum.key as keyof typeof meetingMessages], quorum.values) }
    : { rule: 'R-MTG-QUORUM', ok: true, text: `实到 ${present} 人，超过应到 ${expected} 人的半数，可以表决` });
  if (n(values?.yes) === undefined) return lines;
  const majority = majorityProblem(m);
  const counted = m.yes + (m.writtenBeforeMeeting ? m.writtenYes : 0);
  lines.push(majority
    ? { rule: 'R-MTG-MAJORITY', ok: false, text: fillMessage(meetingMessages[majority.key as keyof typeof meetingMessages], majority.values) }
    : { rule: 'R-MTG-MAJORITY', ok: true, text: `赞成 ${counted} 票（含会前正式提交的书面意见），超过应到 ${expected} 人的半数，决议通过` });
  return lines;
}
