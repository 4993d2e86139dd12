import { caseTable } from './case-table.ts';
import { rule } from './R-DEFER-POOR-WORK.ts';

caseTable(rule, {
  valid: [{ name: 'good work' }, { name: 'fair work', change: (d) => { d.deferral!.performance = 'fair'; } }],
  invalid: [{ name: 'poor work', change: (d) => { d.deferral!.performance = 'poor'; }, expect: ['poor'], severity: 'WARN' }],
});
