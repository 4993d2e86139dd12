import { caseTable } from './case-table.ts';
import { rule } from './R-ASSESS-6M.ts';

caseTable(rule, {
  valid: [
    { name: 'every six months to the day' },
    { name: 'still an activist, last assessed four months ago', change: (d) => { delete d.candidate; }, asOf: '2026-07-10' },
  ],
  invalid: [
    { name: 'one assessment missing (a year between two)', change: (d) => { d.assessments!.splice(1, 1); }, expect: ['gap'], severity: 'WARN', message: /2025-03-10 至 2026-03-10/ },
    { name: 'a day late after designation', change: (d) => { d.assessments![0]!.on = '2025-03-11'; }, expect: ['gap'] },
    { name: 'listed more than six months after the last assessment', change: (d) => { d.assessments!.pop(); }, expect: ['gap'] },
    { name: 'no candidate, assessment overdue', change: (d) => { delete d.candidate; }, asOf: '2026-09-11', expect: ['overdue'] },
    { name: 'the city makes it a hard stop', change: (d) => { delete d.assessments; }, settings: { rules: { 'R-ASSESS-6M': { severity: 'BLOCK' } } }, expect: ['gap'], severity: 'BLOCK' },
  ],
});
