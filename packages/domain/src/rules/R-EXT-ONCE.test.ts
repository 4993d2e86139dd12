import { caseTable } from './case-table.ts';
import { rule } from './R-EXT-ONCE.ts';

const extend = (months: number) => (d: { confirmation?: { outcome: string; extensionMonths?: number } }) => { d.confirmation!.outcome = 'extend'; d.confirmation!.extensionMonths = months; };

caseTable(rule, {
  valid: [{ name: 'no extension' }, { name: 'six months', change: extend(6) }, { name: 'a year', change: extend(12) }],
  invalid: [
    { name: 'three months', change: extend(3), expect: ['length'], severity: 'BLOCK' },
    { name: 'eighteen months', change: extend(18), expect: ['length'] },
  ],
});
