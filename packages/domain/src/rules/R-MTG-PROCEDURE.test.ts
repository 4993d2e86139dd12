import { caseTable } from './case-table.ts';
import { rule } from './R-MTG-PROCEDURE.ts';

caseTable(rule, {
  valid: [{ name: 'minutes of that day' }],
  invalid: [
    { name: 'no minutes', change: (d) => { d.documents = d.documents!.filter((x) => !(x.type === 'meetingMinutes' && x.on === '2026-08-10')); }, expect: ['noMinutes'], severity: 'WARN' },
    { name: 'no document list at all (absence means no record)', change: (d) => { delete d.documents; }, expect: ['noMinutes'] },
  ],
});
