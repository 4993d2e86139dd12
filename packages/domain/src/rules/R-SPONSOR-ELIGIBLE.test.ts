import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-SPONSOR-ELIGIBLE.ts';

caseTable(rule, {
  valid: [
    { name: 'no discipline' },
    { name: 'a warning whose period ended before the meeting', change: (d) => { d.sponsors![0]!.discipline = { kind: 'warning', until: '2026-08-09' }; } },
    { name: 'a warning under the 2014 text', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.sponsors![0]!.discipline = { kind: 'seriousWarning', until: '2030-01-01' }; } },
  ],
  invalid: [
    { name: 'under 留党察看', change: (d) => { d.sponsors![1]!.discipline = { kind: 'probationInParty', until: '2027-01-01' }; }, expect: ['probationInParty'], severity: 'BLOCK' },
    { name: 'under 留党察看 in 2014 too', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.sponsors![1]!.discipline = { kind: 'probationInParty', until: '2030-01-01' }; }, expect: ['probationInParty'] },
    { name: 'a warning still in force (2026)', change: (d) => { d.sponsors![0]!.discipline = { kind: 'warning', until: '2026-08-10' }; }, expect: ['disciplined'], severity: 'WARN', message: /警告/ },
  ],
});
