import { caseTable } from './case-table.ts';
import { rule } from './R-TALK-1M.ts';

caseTable(rule, {
  valid: [
    { name: 'talk within the month' },
    { name: 'talk on the same date a month later', change: (d) => { d.talk!.on = '2024-04-01'; } },
    { name: 'no talk yet, still within the month', change: (d) => { delete d.talk; }, asOf: '2024-03-25' },
    { name: 'month-end clamp: received 01-31, talk 02-29', change: (d) => { d.application = { datedOn: '2024-01-31', receivedOn: '2024-01-31', signed: true }; d.talk!.on = '2024-02-29'; } },
  ],
  invalid: [
    { name: 'talk one day late', change: (d) => { d.talk!.on = '2024-04-02'; }, expect: ['late'], severity: 'WARN', message: /2024-04-01/ },
    { name: 'the same date a month later no longer counts when the city says so', change: (d) => { d.talk!.on = '2024-04-01'; }, settings: { boundaries: { monthDeadline: 'before' } }, expect: ['late'] },
    { name: 'no talk and the month is over', change: (d) => { delete d.talk; }, asOf: '2024-04-02', expect: ['overdue'] },
  ],
});
