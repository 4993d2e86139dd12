import { caseTable } from './case-table.ts';
import { rule } from './R-MTG-MAJORITY.ts';

const votes = (v: object) => (d: { admissionMeeting?: object }) => { Object.assign(d.admissionMeeting!, v); };

caseTable(rule, {
  valid: [
    { name: '17 yes of 20 expected' },
    { name: '11 yes of 20', change: votes({ yes: 11, no: 7 }) },
    { name: '9 yes plus 2 written before the meeting', change: votes({ presentVoters: 18, yes: 9, no: 8, abstain: 1, writtenYes: 2, writtenBeforeMeeting: true }) },
  ],
  invalid: [
    { name: 'exactly half of the expected', change: votes({ presentVoters: 20, yes: 10, no: 10 }), expect: ['noMajority'], severity: 'BLOCK' },
    { name: 'counted on those present (实到) — the common error', change: votes({ presentVoters: 12, yes: 7, no: 5 }), expect: ['countedOnPresent'], message: /应以应到人数计算/ },
    { name: 'written opinions handed in after the meeting', change: votes({ yes: 9, no: 9, writtenYes: 2, writtenBeforeMeeting: false }), expect: ['lateWritten'] },
    { name: 'more ballots than voters present', change: votes({ yes: 15, no: 5 }), expect: ['tallyOverPresent'] },
    { name: 'more written opinions than absentees', change: votes({ writtenYes: 3 }), expect: ['writtenOverAbsent'] },
  ],
});
