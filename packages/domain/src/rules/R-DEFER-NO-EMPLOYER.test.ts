import { caseTable } from './case-table.ts';
import { rule } from './R-DEFER-NO-EMPLOYER.ts';

caseTable(rule, {
  valid: [
    { name: 'a fixed employer' },
    { name: 'not recorded (absence is no record, not false)', change: (d) => { delete d.deferral!.hasFixedEmployer; } },
    { name: 'no employer, overridden with a reason', change: (d) => { d.deferral = { hasFixedEmployer: false, override: { reason: '个体经营，长期稳定', by: '支部委员会', on: '2026-05-20' } }; } },
  ],
  invalid: [{ name: 'no fixed employer', change: (d) => { d.deferral!.hasFixedEmployer = false; }, expect: ['noEmployer'], severity: 'WARN' }],
});
