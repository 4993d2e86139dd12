import { caseTable } from './case-table.ts';
import { rule } from './R-SAME-DAY-STACK.ts';

caseTable(rule, {
  valid: [
    { name: 'one act a day' },
    { name: 'two acts on one day', change: (d) => { d.upperTalk!.on = d.approval!.on; } },
  ],
  invalid: [
    { name: 'pre-review, meeting and talk on one day', change: (d) => { d.admissionMeeting!.on = '2026-07-24'; d.upperTalk!.on = '2026-07-24'; }, expect: ['stack'], severity: 'WARN', message: '3 个连续环节（第13步、第15步、第16步）都记在 2026-07-24，疑为补记，请复核' },
    { name: 'two on one day when the city flags pairs', change: (d) => { d.upperTalk!.on = d.approval!.on; }, settings: { rules: { 'R-SAME-DAY-STACK': { params: { minSteps: 2 } } } }, expect: ['stack'] },
  ],
});
