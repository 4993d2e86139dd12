import { caseTable } from './case-table.ts';
import { rule } from './R-APP-VENUE.ts';

caseTable(rule, {
  valid: [
    { name: 'a branch of the employer' },
    { name: 'a migrant applying to a mobile organization', change: (d) => { d.org!.isMobileOrg = true; } },
  ],
  invalid: [
    { name: 'a non-migrant applying to a mobile organization', change: (d) => { delete d.person.migrant; d.org!.isMobileOrg = true; }, expect: ['mobileOrgNonMigrant'], severity: 'WARN' },
  ],
});
