import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-TWOPLACE-ROUNDS.ts';

caseTable(rule, {
  valid: [
    { name: 'both places at all four steps' },
    { name: 'not a migrant', from: () => exampleDossier({ migrant: false }), change: (d) => { delete d.opinions; } },
    { name: 'a failed round redone and passed', change: (d) => { d.opinions!.push({ stage: 'candidate', place: 'origin', channel: 'homeVisit', on: '2026-05-10', aspects: { quality: 'pass', contribution: 'pass', conduct: 'fail', lawfulness: 'pass' } }); } },
    { name: 'only the steps the city chose', change: (d) => { d.opinions = d.opinions!.filter((o) => o.stage === 'admission'); }, settings: { rules: { 'R-TWOPLACE-ROUNDS': { params: { stages: ['admission'] } } } } },
  ],
  invalid: [
    { name: 'no opinion from the home place at admission', change: (d) => { d.opinions = d.opinions!.filter((o) => !(o.stage === 'admission' && o.place === 'origin')); }, expect: ['missing'], severity: 'BLOCK', message: '接收预备党员（2026-08-10）前没有原籍地的征求意见（两地联动）记录' },
    { name: 'a negative judgement on conduct and lawfulness', change: (d) => { d.opinions!.find((o) => o.stage === 'candidate' && o.place === 'workplace')!.aspects = { quality: 'pass', contribution: 'pass', conduct: 'fail', lawfulness: 'fail' }; }, expect: ['negative'], message: /作风、守法/ },
    { name: 'no rounds at all', change: (d) => { delete d.opinions; }, expect: ['missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing'] },
  ],
});
