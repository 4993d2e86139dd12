/**
 * A clean migrant's path through steps 2–25 (dates under the 2014 rules, so the whole path lies in
 * the past): the tests' factory and the demo record it through the service, gate and all.
 */
const pass = { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' } as const;
const both = (stage: string, on: string) => [
  { stage, place: 'origin', channel: 'letter', on, aspects: pass },
  { stage, place: 'workplace', channel: 'forum', on, aspects: pass },
];
const meeting = (on: string) => ({ on, method: 'secretBallot', expectedVoters: 20, presentVoters: 18, yes: 17, no: 1, abstain: 0, writtenYes: 0, writtenNo: 0, writtenBeforeMeeting: false, oneByOne: true });

/** Step 1 is given when the dossier is opened (datedOn); these are steps 2–25 of a clean migrant's path. */
export const OPENED_ON = '2022-03-01';
export const cleanPath: Record<number, Record<string, unknown>[]> = {
  2: [{ on: '2022-03-20', by: '支部书记' }],
  3: [{ recommendations: [{ method: 'byMembers', on: '2022-05-05' }], on: '2022-05-10', decidedBy: 'branchCommittee', opinions: both('activist', '2022-05-06') }],
  4: [{ filedOn: '2022-05-20' }],
  5: [{ mentors: [{ name: '培养联系人甲', isFullMember: true, from: '2022-05-15', place: 'workplace' }, { name: '培养联系人乙', isFullMember: true, from: '2022-05-15', place: 'origin' }] }],
  6: [{ on: '2022-11-01', result: 'good' }, { on: '2023-04-20', result: 'good' }],
  7: [{ committeeProposalOn: '2023-06-01', on: '2023-06-10', opinions: both('candidate', '2023-05-28') }],
  8: [{ filedOn: '2023-06-05' }],
  9: [{ on: '2023-06-15', sponsors: [{ name: '介绍人甲', isFullMember: true }, { name: '介绍人乙', isFullMember: true }] }],
  10: [{ conclusionOn: '2023-08-01', result: 'qualified', originOpinionOn: '2023-07-10', residenceOpinionOn: '2023-07-12', appraisals: [{ by: 'employer', on: '2023-07-20', result: 'positive' }, { by: 'police', on: '2023-07-20', result: 'positive' }, { by: 'familyPlanning', on: '2023-07-20', result: 'positive' }] }],
  11: [{ start: '2023-07-01', end: '2023-07-03', days: 3, hours: 24, organizerLevel: 'baseCommittee', passed: true }],
  12: [{ on: '2023-08-10', opinions: both('admission', '2023-08-08') }],
  13: [{ passedOn: '2023-08-20', formIssuedOn: '2023-08-22', leavingWithin3Months: false }],
  14: [{ filledOn: '2023-08-25' }],
  15: [{ meeting: meeting('2023-09-05') }],
  16: [{ on: '2023-09-20', by: 'committeeMember' }],
  17: [{ on: '2023-10-10', collective: true }],
  18: [{ on: '2023-10-15' }],
  19: [{ on: '2023-10-12' }],
  20: [{ on: '2023-10-20', collectiveDay: false }],
  21: [{ on: '2024-01-10' }, { on: '2024-04-10' }, { on: '2024-07-10' }],
  22: [{ appliedOn: '2024-09-05' }],
  23: [{ groupOpinionOn: '2024-09-06', opinionsOn: '2024-09-07', committeeReviewOn: '2024-09-08', meeting: meeting('2024-09-12'), outcome: 'confirm', opinions: both('confirmation', '2024-09-07') }],
  24: [{ approvalOn: '2024-10-10' }],
  25: [{ on: '2024-11-01' }],
};

