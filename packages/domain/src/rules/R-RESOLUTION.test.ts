import { caseTable } from './case-table.ts';
import { rule } from './R-RESOLUTION.ts';

caseTable(rule, {
  valid: [{ name: 'form on file' }],
  invalid: [{ name: 'no application form', change: (d) => { d.documents = d.documents!.filter((x) => x.type !== 'applicationForm'); }, expect: ['noForm'], severity: 'BLOCK' }],
});
