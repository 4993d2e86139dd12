import { caseTable } from './case-table.ts';
import { rule } from './R-DEFER-LONG-ABSENT.ts';

caseTable(rule, {
  valid: [
    { name: 'at home all year' },
    { name: 'five months away', change: (d) => { d.deferral!.monthsAwayLastYear = 5; } },
    { name: 'eight months away, overridden with a reason', change: (d) => { d.deferral = { monthsAwayLastYear: 8, override: { reason: '外出为单位派驻，党组织可随时联系考察', by: '支部委员会', on: '2026-05-20' } }; } },
    { name: 'not yet an activist', change: (d) => { d.deferral!.monthsAwayLastYear = 10; delete d.activist; delete d.candidate; } },
  ],
  invalid: [
    { name: 'six months away', change: (d) => { d.deferral!.monthsAwayLastYear = 6; }, expect: ['longAbsent'], severity: 'WARN' },
    { name: 'three months where the city sets three', change: (d) => { d.deferral!.monthsAwayLastYear = 3; }, settings: { rules: { 'R-DEFER-LONG-ABSENT': { params: { months: 3 } } } }, expect: ['longAbsent'] },
  ],
});
