import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-MEETING.ts';

const votes = (v: object) => (d: { confirmation?: { meeting: object } }) => { Object.assign(d.confirmation!.meeting, v); };

caseTable(rule, {
  valid: [{ name: '17 of 20' }],
  invalid: [
    { name: 'no quorum', change: votes({ presentVoters: 9, yes: 9, no: 0 }), expect: ['noQuorum', 'countedOnPresent'], severity: 'BLOCK' },
    { name: 'majority of those present only', change: votes({ presentVoters: 14, yes: 8, no: 6 }), expect: ['countedOnPresent'] },
  ],
});
