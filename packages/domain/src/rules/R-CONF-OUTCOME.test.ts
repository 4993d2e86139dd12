import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-OUTCOME.ts';

caseTable(rule, {
  valid: [{ name: 'confirmed and approved' }, { name: 'extended by six months', change: (d) => { d.confirmation!.outcome = 'extend'; d.confirmation!.extensionMonths = 6; } }],
  invalid: [
    { name: 'approved before the meeting', change: (d) => { d.confirmation!.approvalOn = '2027-08-19'; }, expect: ['approvalBeforeMeeting'], severity: 'BLOCK' },
    { name: 'extended without a period', change: (d) => { d.confirmation!.outcome = 'extend'; }, expect: ['extendWithoutMonths'] },
  ],
});
