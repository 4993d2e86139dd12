import { caseTable } from './case-table.ts';
import { rule } from './R-UPPER-TALK.ts';

caseTable(rule, {
  valid: [{ name: 'talk before approval' }, { name: 'talk on the day of approval', change: (d) => { d.upperTalk!.on = d.approval!.on; } }],
  invalid: [
    { name: 'no talk', change: (d) => { delete d.upperTalk; }, expect: ['none'], severity: 'BLOCK' },
    { name: 'talk after approval', change: (d) => { d.upperTalk!.on = '2026-09-11'; }, expect: ['after'] },
  ],
});
