import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-JOINT-MENTORS-GULIN.ts';

caseTable(rule, {
  valid: [{ name: 'one from each place' }],
  invalid: [{ name: 'both from the workplace', change: (d) => { d.mentors![1]!.place = 'workplace'; }, expect: ['notBothPlaces'], severity: 'WARN', message: /原籍地/ }],
});
