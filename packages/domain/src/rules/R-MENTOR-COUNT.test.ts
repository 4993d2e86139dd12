import { caseTable } from './case-table.ts';
import { rule } from './R-MENTOR-COUNT.ts';

caseTable(rule, {
  valid: [
    { name: 'two full members' },
    { name: 'one full member', change: (d) => { d.mentors = d.mentors!.slice(0, 1); } },
    { name: 'a third who replaced one that left', change: (d) => { d.mentors![0]!.to = '2025-06-30'; d.mentors!.push({ name: '赵强', isFullMember: true, from: '2025-06-30' }); } },
    { name: 'not yet assigned, activist designated last week', change: (d) => { delete d.mentors; delete d.candidate; }, asOf: '2024-09-17' },
  ],
  invalid: [
    { name: 'three at once', change: (d) => { d.mentors!.push({ name: '赵强', isFullMember: true, from: '2025-01-01' }); }, expect: ['tooMany'], severity: 'BLOCK' },
    { name: 'a probationer as mentor', change: (d) => { d.mentors![1]!.isFullMember = false; }, expect: ['notFullMember'], message: /王芳/ },
    { name: 'none by the time of listing', change: (d) => { delete d.mentors; }, expect: ['none'] },
  ],
});
