import { caseTable } from './case-table.ts';
import { rule } from './R-DEV-OPINIONS.ts';

caseTable(rule, {
  valid: [
    { name: 'opinion rounds and a record before the proposal' },
    { name: 'only the opinion record document', change: (d) => { d.opinions = d.opinions!.filter((o) => o.stage !== 'candidate'); } },
  ],
  invalid: [
    {
      name: 'opinions only after the committee proposal',
      change: (d) => {
        d.opinions = d.opinions!.map((o) => (o.stage === 'candidate' ? { ...o, on: '2026-05-21' } : o));
        d.documents = d.documents!.filter((x) => x.type !== 'opinionRecord');
      },
      expect: ['none'],
      severity: 'BLOCK',
    },
  ],
});
