import { caseTable } from './case-table.ts';
import { rule } from './R-APP-WRITTEN.ts';

caseTable(rule, {
  valid: [
    { name: 'signed, received the same day' },
    { name: 'received seven days after it was dated', change: (d) => { d.application!.receivedOn = '2024-03-08'; } },
    { name: 'a wider gap the city allows', change: (d) => { d.application!.receivedOn = '2024-03-20'; }, settings: { rules: { 'R-APP-WRITTEN': { params: { maxGapDays: 30 } } } } },
  ],
  invalid: [
    { name: 'not signed', change: (d) => { d.application!.signed = false; }, expect: ['unsigned'], severity: 'BLOCK' },
    { name: 'received eight days after it was dated', change: (d) => { d.application!.receivedOn = '2024-03-09'; }, expect: ['dateGap'], severity: 'WARN', message: /相差 8 天/ },
    { name: 'no application but a talk on record', change: (d) => { delete d.application; }, expect: ['missing'] },
  ],
});
