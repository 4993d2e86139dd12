import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-REVIEW-MIGRANT.ts';

caseTable(rule, {
  valid: [
    { name: 'both opinions before the conclusion' },
    { name: 'not a migrant', from: () => exampleDossier({ migrant: false }) },
  ],
  invalid: [
    { name: 'no opinion from the home place', change: (d) => { delete d.politicalReview!.originOpinionOn; }, expect: ['noOrigin'], severity: 'BLOCK' },
    { name: 'no opinion from the residence', change: (d) => { delete d.politicalReview!.residenceOpinionOn; }, expect: ['noResidence'] },
    { name: 'an opinion after the conclusion', change: (d) => { d.politicalReview!.originOpinionOn = '2026-07-11'; }, expect: ['afterConclusion'] },
  ],
});
