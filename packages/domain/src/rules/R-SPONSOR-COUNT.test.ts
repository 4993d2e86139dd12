import { caseTable } from './case-table.ts';
import { rule } from './R-SPONSOR-COUNT.ts';

caseTable(rule, {
  valid: [
    { name: 'two full members' },
    { name: 'not yet at the branch meeting', change: (d) => { delete d.admissionMeeting; d.sponsors = []; } },
  ],
  invalid: [
    { name: 'one sponsor', change: (d) => { d.sponsors!.pop(); }, expect: ['count'], severity: 'BLOCK', message: /1 名/ },
    { name: 'three sponsors', change: (d) => { d.sponsors!.push({ name: '赵强', isFullMember: true }); }, expect: ['count'] },
    { name: 'a probationer sponsor', change: (d) => { d.sponsors![0]!.isFullMember = false; }, expect: ['notFullMember'] },
  ],
});
