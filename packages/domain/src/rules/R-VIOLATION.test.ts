import { caseTable } from './case-table.ts';
import { rule } from './R-VIOLATION.ts';

// This rule runs after all the others (the runner runs the whole registry for it).
caseTable(rule, {
  valid: [
    { name: 'a clean admitted dossier' },
    { name: 'BLOCKs but not approved', change: (d) => { d.activist!.on = '2025-12-01'; for (const k of ['approval', 'oath', 'confirmation', 'archivedOn', 'orgDeptFiledOn', 'placedOn', 'upperTalk'] as const) delete d[k]; } },
    { name: 'a BLOCK only after approval (archive)', change: (d) => { d.documents = d.documents!.filter((x) => x.type !== 'confirmationApplication'); } },
  ],
  invalid: [
    { name: 'admitted with less than a year of cultivation', change: (d) => { d.activist!.on = '2025-12-01'; }, expect: ['admittedDespite'], severity: 'INFO', message: /R-DEV-1Y/ },
  ],
});
