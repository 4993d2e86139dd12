import { caseTable } from './case-table.ts';
import { rule } from './R-NO-FUTURE.ts';

caseTable(rule, {
  valid: [
    { name: 'everything in the past' },
    { name: 'a disciplinary period ending in the future', change: (d) => { d.sponsors![0]!.discipline = { kind: 'warning', until: '2029-01-01' }; } },
    { name: 'a document signed on its date', change: (d) => { d.documents![0]!.signedOn = d.documents![0]!.on; } },
  ],
  invalid: [
    { name: 'archive date (and the archive list) after the as-of date', asOf: '2027-09-29', expect: ['future', 'future'], severity: 'BLOCK', message: '材料归档日期（2027-09-30）晚于审核基准日 2027-09-29' },
    { name: 'an application letter signed before its date', change: (d) => { d.documents![0]!.signedOn = '2024-02-20'; }, expect: ['signedBefore'], message: /入党申请书/ },
  ],
});
