import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-APPRAISAL-THREE.ts';

caseTable(rule, {
  valid: [
    { name: 'all three, positive' },
    { name: 'not a migrant', from: () => exampleDossier({ migrant: false }), change: (d) => { delete d.appraisals; } },
    { name: 'a city no longer asking family planning', change: (d) => { d.appraisals = d.appraisals!.filter((a) => a.by !== 'familyPlanning'); }, settings: { rules: { 'R-APPRAISAL-THREE': { params: { required: ['employer', 'police'] } } } } },
  ],
  invalid: [
    { name: 'no police appraisal', change: (d) => { d.appraisals = d.appraisals!.filter((a) => a.by !== 'police'); }, expect: ['missing'], severity: 'BLOCK', message: /公安部门/ },
    { name: 'a negative employer appraisal', change: (d) => { d.appraisals![0]!.result = 'negative'; }, expect: ['negative'] },
    { name: 'an appraisal dated after the meeting', change: (d) => { d.appraisals![2]!.on = '2026-08-11'; }, expect: ['missing'] },
  ],
});
