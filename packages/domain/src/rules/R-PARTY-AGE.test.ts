import { caseTable } from './case-table.ts';
import { rule } from './R-PARTY-AGE.ts';

caseTable(rule, {
  valid: [{ name: 'not yet confirmed', change: (d) => { delete d.confirmation; } }, { name: 'extended, not confirmed', change: (d) => { d.confirmation!.outcome = 'extend'; d.confirmation!.extensionMonths = 6; } }],
  invalid: [
    { name: 'confirmed on time', expect: ['from'], severity: 'INFO', message: '党龄自 2027-08-10 起算（预备期满转为正式党员之日）' },
    { name: 'confirmed after a six-month extension', change: (d) => { d.confirmation!.extensionMonths = 6; d.confirmation!.meeting.on = '2028-02-20'; d.confirmation!.approvalOn = '2028-03-01'; }, expect: ['from'], message: /2028-02-10/ },
  ],
});
