import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-MEETING-1M.ts';

caseTable(rule, {
  valid: [
    { name: 'seventeen days after' },
    { name: 'on the same date a month later', change: (d) => { d.admissionMeeting!.on = '2026-08-24'; } },
    { name: 'no limit in the 2014 text', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { d.admissionMeeting!.on = '2022-12-01'; } },
    { name: 'waiting, within the month', change: (d) => { delete d.admissionMeeting; }, asOf: '2026-08-20' },
  ],
  invalid: [
    { name: 'a day late', change: (d) => { d.admissionMeeting!.on = '2026-08-25'; }, expect: ['late'], severity: 'WARN' },
    { name: 'no meeting two months on', change: (d) => { delete d.admissionMeeting; }, asOf: '2026-09-30', expect: ['overdue'] },
  ],
});
