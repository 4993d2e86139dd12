import { caseTable } from './case-table.ts';
import { rule } from './R-APPROVAL-3M.ts';

caseTable(rule, {
  valid: [
    { name: 'a month after the meeting' },
    { name: 'on the last day of three months', change: (d) => { d.approval!.on = '2026-11-10'; } },
    { name: 'four months with a recorded special reason', change: (d) => { d.approval = { on: '2026-12-10', collective: true, specialReason: '党委换届' }; } },
    { name: 'waiting, within three months', change: (d) => { delete d.approval; }, asOf: '2026-10-01' },
  ],
  invalid: [
    { name: 'three months and a day without reason', change: (d) => { d.approval!.on = '2026-11-11'; }, expect: ['over3'], severity: 'WARN' },
    { name: 'beyond six months even with a reason', change: (d) => { d.approval = { on: '2027-02-11', collective: true, specialReason: '党委换届' }; }, expect: ['over6'], severity: 'BLOCK' },
    { name: 'not approved four months on', change: (d) => { delete d.approval; }, asOf: '2026-12-15', expect: ['overdue3'] },
    { name: 'not approved seven months on', change: (d) => { delete d.approval; }, asOf: '2027-03-15', expect: ['overdue6'], severity: 'BLOCK' },
  ],
});
