import { caseTable } from './case-table.ts';
import { rule } from './R-THOUGHT-REPORT-Q.ts';

caseTable(rule, {
  valid: [
    { name: 'quarterly reports' },
    { name: 'half-yearly when the city allows it', change: (d) => { d.thoughtReports = d.thoughtReports!.filter((_, i) => i % 2 === 0); }, settings: { rules: { 'R-THOUGHT-REPORT-Q': { enabled: true, params: { everyMonths: 6 } } } } },
  ],
  invalid: [
    { name: 'a quarter without a report', change: (d) => { d.thoughtReports!.splice(3, 1); }, expect: ['missing'], severity: 'WARN' },
    { name: 'two reports a day apart', change: (d) => { d.thoughtReports!.splice(2, 0, { on: '2025-01-09' }); }, expect: ['tooClose'], message: /仅相隔 1 天/ },
  ],
});
