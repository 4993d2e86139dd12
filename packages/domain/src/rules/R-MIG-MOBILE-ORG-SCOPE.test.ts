import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-MIG-MOBILE-ORG-SCOPE.ts';

caseTable(rule, {
  valid: [
    { name: 'an ordinary branch' },
    { name: 'a mobile organization able to develop', change: (d) => { d.org!.isMobileOrg = true; d.org!.canDevelop = true; } },
    { name: 'a mobile organization that only cultivates', change: (d) => { d.org!.isMobileOrg = true; d.org!.canDevelop = false; for (const k of ['activist', 'candidate', 'admissionMeeting', 'confirmation'] as const) delete d[k]; } },
    { name: 'before the 2026 text', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.org!.isMobileOrg = true; d.org!.canDevelop = false; } },
  ],
  invalid: [
    {
      name: 'a mobile organization without the conditions listing, admitting and confirming (activist chosen before 2026)',
      change: (d) => { d.org!.isMobileOrg = true; d.org!.canDevelop = false; },
      expect: ['outOfScope', 'outOfScope', 'outOfScope'],
      severity: 'BLOCK',
    },
  ],
});
