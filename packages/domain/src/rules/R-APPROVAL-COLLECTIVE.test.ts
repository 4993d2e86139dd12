import { caseTable } from './case-table.ts';
import { rule } from './R-APPROVAL-COLLECTIVE.ts';

caseTable(rule, {
  valid: [{ name: 'collective' }],
  invalid: [{ name: 'by one person', change: (d) => { d.approval!.collective = false; }, expect: ['notCollective'], severity: 'BLOCK' }],
});
