import { caseTable } from './case-table.ts';
import { rule } from './R-LATE-ENTRY.ts';

caseTable(rule, {
  valid: [
    { name: 'entered the next day' },
    { name: 'no recording times', change: (d) => { delete d.recordedAt; } },
    { name: 'entered 60 days later', change: (d) => { d.recordedAt = { 'activist.on': '2024-11-09T09:00:00+08:00' }; } },
    { name: 'a notice end entered when the notice was posted', change: (d) => { d.recordedAt = { 'notices[0].end': '2026-06-01T09:00:00+08:00' }; } },
  ],
  invalid: [
    { name: 'the meeting entered a year later', change: (d) => { d.recordedAt = { 'admissionMeeting.on': '2027-08-01T10:00:00+08:00' }; }, expect: ['late'], severity: 'WARN', message: '接收预备党员的支部大会日期（2026-08-10）于 2027-08-01 才录入，晚了 356 天，疑为事后补记' },
    { name: '61 days, counted in China time', change: (d) => { d.recordedAt = { 'activist.on': '2024-11-09T16:30:00Z' }; }, expect: ['late'] },
    { name: 'entered before it happened', change: (d) => { d.recordedAt = { 'approval.on': '2026-09-01T09:00:00+08:00' }; }, expect: ['beforeEvent'] },
  ],
});
