import { caseTable } from './case-table.ts';
import { rule } from './R-TRAIN-AFTER-CANDIDATE.ts';

caseTable(rule, {
  valid: [{ name: 'a week after the listing' }, { name: 'starting on the day of the listing', change: (d) => { d.training!.start = d.candidate!.on; } }],
  invalid: [{ name: 'while still an activist', change: (d) => { d.training!.start = '2026-06-10'; }, expect: ['beforeCandidate'], severity: 'WARN' }],
});
