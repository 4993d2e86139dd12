import { caseTable } from './case-table.ts';
import { rule } from './R-MENTOR-REPLACE.ts';

caseTable(rule, {
  valid: [
    { name: 'no mentor left' },
    { name: 'one left, the other stays', change: (d) => { d.mentors![0]!.to = '2026-01-31'; } },
    { name: 'both left after the listing', change: (d) => { d.mentors![0]!.to = '2026-07-01'; d.mentors![1]!.to = '2026-07-01'; } },
  ],
  invalid: [
    { name: 'the only mentor left and nobody took over', change: (d) => { d.mentors = [{ name: '李明', isFullMember: true, from: '2024-09-15', to: '2026-06-30' }]; d.candidate!.on = '2026-08-01'; }, expect: ['notReplaced'], severity: 'INFO' },
  ],
});
