import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-DEV-1Y.ts';

caseTable(rule, {
  valid: [
    { name: 'almost two years' },
    { name: 'on the anniversary', change: (d) => { d.activist!.on = '2025-06-15'; } },
    { name: 'under the 2014 text too', from: () => exampleDossier({ version: 'V2014' }) },
    { name: 'a move with hand-over keeps the time', change: (d) => { d.activist!.on = '2025-06-15'; d.transfers = [{ on: '2026-01-10', during: 'activist', handedOver: true, reviewedOn: '2026-01-15' }]; } },
  ],
  invalid: [
    { name: 'the example of dossier-format.md (V2014)', change: (d) => { d.activist!.on = '2023-03-01'; d.candidate!.on = '2023-12-20'; }, expect: ['short'], severity: 'BLOCK', message: '确定为发展对象时间应在确定为入党积极分子满一年之后（积极分子 2023-03-01，发展对象 2023-12-20）' },
    { name: 'one day short', change: (d) => { d.activist!.on = '2025-06-16'; }, expect: ['short'] },
    { name: 'on the anniversary when the city counts only after it', change: (d) => { d.activist!.on = '2025-06-15'; }, settings: { boundaries: { anniversary: 'after' } }, expect: ['short'] },
    { name: 'a move without hand-over restarts the count', change: (d) => { d.transfers = [{ on: '2026-01-10', during: 'activist', handedOver: false }]; }, expect: ['shortAfterTransfer'] },
  ],
});
