import type { Dossier } from '../dossier/format.ts';
import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-ACTIVIST-NOTICE-GULIN.ts';

const notice = (start: string, end: string) => (d: Dossier) => { d.notices!.push({ stage: 'activist', place: 'workplace', start, end, objections: [] }); };

caseTable(rule, {
  valid: [{ name: 'notice the week after, filed after it', change: notice('2024-09-11', '2024-09-18') }],
  invalid: [
    { name: 'no notice', expect: ['none'], severity: 'WARN' },
    { name: 'three working days', change: notice('2024-09-11', '2024-09-13'), expect: ['short'] },
    { name: 'filed before the notice ended', change: notice('2024-09-16', '2024-09-24'), expect: ['filedBeforeEnd'] },
  ],
});
