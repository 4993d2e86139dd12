import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-APPROVAL-3M.ts';

caseTable(rule, {
  valid: [{ name: 'three weeks' }, { name: 'the last day of three months', change: (d) => { d.confirmation!.approvalOn = '2027-11-20'; } }],
  invalid: [{ name: 'three months and a day', change: (d) => { d.confirmation!.approvalOn = '2027-11-21'; }, expect: ['late'], severity: 'WARN' }],
});
