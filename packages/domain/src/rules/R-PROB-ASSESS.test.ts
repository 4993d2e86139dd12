import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-PROB-ASSESS.ts';

caseTable(rule, {
  valid: [
    { name: 'quarterly records and the register' },
    { name: 'just admitted: nothing due yet', change: (d) => { delete d.probationAssessments; delete d.confirmation; }, asOf: '2026-10-01' },
    { name: 'no register needed under the 2014 text', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.documents = d.documents!.filter((x) => x.type !== 'probationRegister'); } },
  ],
  invalid: [
    { name: 'no assessment during probation', change: (d) => { delete d.probationAssessments; }, expect: ['none'], severity: 'WARN' },
    { name: 'no register in 2026', change: (d) => { d.documents = d.documents!.filter((x) => x.type !== 'probationRegister'); }, expect: ['noRegister'] },
  ],
});
