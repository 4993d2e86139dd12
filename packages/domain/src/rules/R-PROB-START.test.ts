import { caseTable } from './case-table.ts';
import { rule } from './R-PROB-START.ts';

caseTable(rule, {
  valid: [{ name: 'already confirmed: nothing to remind' }, { name: 'not yet approved', change: (d) => { delete d.approval; delete d.confirmation; } }],
  invalid: [
    { name: 'in probation: the period is shown', change: (d) => { delete d.confirmation; }, expect: ['period'], severity: 'INFO', message: '预备期自支部大会 2026-08-10 起（不是审批日 2026-09-10），至 2027-08-10 期满' },
    { name: 'the day-before convention', change: (d) => { delete d.confirmation; }, settings: { boundaries: { probationEnd: 'dayBefore' } }, expect: ['period'], message: /至 2027-08-09 期满/ },
  ],
});
