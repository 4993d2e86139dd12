import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-DEV-DECISION.ts';

caseTable(rule, {
  valid: [
    { name: '2026: consent after the committee proposal' },
    { name: '2014: filed', from: () => exampleDossier({ version: 'V2014' }) },
    { name: '2014: filing suffices for a listing before the switch date', from: () => exampleDossier({ version: 'V2014' }), settings: { switchDate: '2026-05-11' } },
  ],
  invalid: [
    { name: '2026: no consent', change: (d) => { delete d.candidate!.upperConsentOn; d.candidate!.filedOn = '2026-05-25'; }, expect: ['noConsent'], severity: 'BLOCK' },
    { name: '2026: consent before the proposal', change: (d) => { d.candidate!.upperConsentOn = '2026-05-19'; }, expect: ['consentBeforeProposal'] },
    { name: '2014: not filed', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { delete d.candidate!.filedOn; }, expect: ['notFiled'] },
    {
      name: 'open case at the switch date follows 2026 when the city says so',
      from: () => exampleDossier({ version: 'V2014' }),
      change: (d) => { d.admissionMeeting!.on = '2026-06-01'; },
      settings: { transition: 'openCasesFollowNew' },
      expect: ['noConsent'],
    },
  ],
});
