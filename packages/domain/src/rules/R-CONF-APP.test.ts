import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-APP.ts';

caseTable(rule, {
  valid: [{ name: 'eight days before the end' }, { name: '31 days before', change: (d) => { d.confirmation!.appliedOn = '2027-07-10'; } }],
  invalid: [{ name: '32 days before', change: (d) => { d.confirmation!.appliedOn = '2027-07-09'; }, expect: ['early'], severity: 'WARN', message: /早 32 天/ }],
});
