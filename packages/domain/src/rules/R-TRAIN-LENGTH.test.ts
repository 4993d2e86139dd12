import { caseTable } from './case-table.ts';
import { rule } from './R-TRAIN-LENGTH.ts';

caseTable(rule, {
  valid: [
    { name: 'three days, 24 hours' },
    { name: 'two days but 24 hours', change: (d) => { d.training!.days = 2; d.training!.end = '2026-06-23'; } },
  ],
  invalid: [
    { name: 'two days, 16 hours', change: (d) => { d.training!.days = 2; d.training!.hours = 16; }, expect: ['short'], severity: 'WARN' },
    { name: 'five days recorded over three calendar days', change: (d) => { d.training!.days = 5; }, expect: ['spanMismatch'] },
    { name: 'a city asking for 40 hours', change: (d) => { d.training!.hours = 30; }, settings: { rules: { 'R-TRAIN-LENGTH': { severity: 'BLOCK', params: { minDays: 5, minHours: 40 } } } }, expect: ['short'], severity: 'BLOCK' },
  ],
});
