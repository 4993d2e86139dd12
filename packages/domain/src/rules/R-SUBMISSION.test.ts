import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-SUBMISSION.ts';

const without = (...types: string[]) => (d: ReturnType<typeof exampleDossier>) => { d.documents = d.documents!.filter((x) => !types.includes(x.type)); };

caseTable(rule, {
  valid: [
    { name: 'all on file' },
    { name: 'the 2014 text did not list the register', from: () => exampleDossier({ version: 'V2014' }), change: without('cultivationRegister') },
  ],
  invalid: [
    { name: 'no political-review conclusion', change: without('politicalReviewConclusion'), expect: ['missing'], severity: 'BLOCK', message: /政治审查结论性材料/ },
    { name: '2026: no cultivation register', change: without('cultivationRegister'), expect: ['missing'], message: /培养考察登记表/ },
  ],
});
