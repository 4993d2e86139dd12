import { caseTable } from './case-table.ts';
import { rule } from './R-MTG-QUORUM.ts';

caseTable(rule, {
  valid: [{ name: '18 of 20' }, { name: '11 of 20', change: (d) => { Object.assign(d.admissionMeeting!, { presentVoters: 11, yes: 11, no: 0 }); } }],
  invalid: [
    { name: 'exactly half (10 of 20)', change: (d) => { Object.assign(d.admissionMeeting!, { presentVoters: 10, yes: 10, no: 0 }); }, expect: ['noQuorum'], severity: 'BLOCK' },
    { name: 'more present than expected', change: (d) => { d.admissionMeeting!.presentVoters = 21; }, expect: ['presentOverExpected'] },
  ],
});
