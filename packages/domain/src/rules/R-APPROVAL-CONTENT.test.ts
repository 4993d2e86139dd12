import { caseTable } from './case-table.ts';
import { rule } from './R-APPROVAL-CONTENT.ts';

caseTable(rule, {
  valid: [{ name: 'approval notice on file' }],
  invalid: [{ name: 'no approval notice', change: (d) => { d.documents = d.documents!.filter((x) => x.type !== 'approvalNotice'); }, expect: ['noNotice'], severity: 'WARN' }],
});
