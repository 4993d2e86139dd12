import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-VENUE.ts';

caseTable(rule, {
  valid: [{ name: 'a migrant applying to a mobile organization', change: (d) => { d.org!.isMobileOrg = true; } }],
  invalid: [{ name: 'reported as R-APP-VENUE', change: (d) => { delete d.person.migrant; d.org!.isMobileOrg = true; }, expect: ['R-APP-VENUE:mobileOrgNonMigrant'] }],
});
