import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-ORDER.ts';

caseTable(rule, {
  valid: [
    { name: 'the example in order' },
    { name: 'the 2014 example in order', from: () => exampleDossier({ version: 'V2014' }) },
    { name: 'equal dates where allowed (talk on the day of receipt)', change: (d) => { d.talk!.on = d.application!.receivedOn; } },
    { name: 'a dossier still at stage 2', change: (d) => { for (const k of ['candidate', 'preReview', 'admissionMeeting', 'upperTalk', 'approval', 'oath', 'confirmation', 'archivedOn', 'branchReviewOn'] as const) delete d[k]; } },
  ],
  invalid: [
    { name: 'activist decided before the talk', change: (d) => { d.talk!.on = '2024-09-11'; }, expect: ['inverted'], severity: 'BLOCK', message: '确定为入党积极分子日期（2024-09-10）早于派人谈话日期（2024-09-11），时间顺序颠倒' },
    { name: 'committee proposal on the day of designation', change: (d) => { d.candidate!.committeeProposalOn = d.activist!.on; }, expect: ['sameDay'] },
    { name: 'meeting before the form was issued', change: (d) => { d.preReview!.formIssuedOn = '2026-08-11'; }, expect: ['inverted'] },
    { name: 'archived before confirmation approval', change: (d) => { d.archivedOn = '2027-09-01'; }, expect: ['inverted'] },
    { name: 'activist filed before designation', change: (d) => { d.activist!.filedOn = '2024-09-01'; }, expect: ['inverted'] },
    { name: 'a notice ending before it starts', change: (d) => { d.notices![0]!.end = '2026-05-29'; }, expect: ['inverted'] },
  ],
});
