import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-ARCHIVE.ts';

const without = (...types: string[]) => (d: ReturnType<typeof exampleDossier>) => { d.documents = d.documents!.filter((x) => !types.includes(x.type)); };

caseTable(rule, {
  valid: [
    { name: 'complete set' },
    { name: 'no probation register needed in 2014', from: () => exampleDossier({ version: 'V2014' }), change: without('probationRegister') },
    { name: 'confirmed last month, not archived yet', change: (d) => { delete d.archivedOn; }, asOf: '2027-10-15' },
  ],
  invalid: [
    { name: 'no confirmation application', change: without('confirmationApplication'), expect: ['incomplete'], severity: 'BLOCK', message: /转正申请书/ },
    { name: '2026 without the probation register', change: without('probationRegister'), expect: ['incomplete'], message: /预备党员教育考察登记表/ },
    { name: 'not archived half a year after', change: (d) => { delete d.archivedOn; }, expect: ['notArchived'], severity: 'INFO' },
  ],
});
