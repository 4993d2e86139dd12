import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-MTG-SECRET.ts';

caseTable(rule, {
  valid: [
    { name: 'secret ballot' },
    { name: 'show of hands under the 2014 text is not judged', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.admissionMeeting!.method = 'showOfHands'; } },
  ],
  invalid: [{ name: 'show of hands in 2026', change: (d) => { d.admissionMeeting!.method = 'showOfHands'; }, expect: ['showOfHands'], severity: 'BLOCK' }],
});
