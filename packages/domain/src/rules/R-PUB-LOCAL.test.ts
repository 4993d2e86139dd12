import { caseTable } from './case-table.ts';
import type { Dossier } from '../dossier/format.ts';
import { rule } from './R-PUB-LOCAL.ts';

const onlyAdmission = { rules: { 'R-PUB-LOCAL': { enabled: true, params: { stages: ['admission'] } } } };
const admissionNotice = (start: string, end: string) => (d: Dossier) => {
  d.notices!.push({ stage: 'admission', place: 'workplace', start, end, objections: [] });
};

caseTable(rule, {
  valid: [
    { name: 'admission notice of five working days before the meeting', settings: onlyAdmission, change: admissionNotice('2026-07-27', '2026-07-31') },
    { name: 'no stage configured', settings: { rules: { 'R-PUB-LOCAL': { enabled: true, params: { stages: [] } } } } },
  ],
  invalid: [
    { name: 'no admission notice', settings: onlyAdmission, expect: ['none'], severity: 'BLOCK' },
    { name: 'a city using it as a warning', settings: { rules: { 'R-PUB-LOCAL': { enabled: true, severity: 'WARN', params: { stages: ['admission'] } } } }, expect: ['none'], severity: 'WARN' },
    { name: 'three working days', settings: onlyAdmission, change: admissionNotice('2026-07-29', '2026-07-31'), expect: ['short'] },
    { name: 'meeting on the last day of the notice', settings: onlyAdmission, change: admissionNotice('2026-08-04', '2026-08-10'), expect: ['notEnded'] },
    { name: 'all three default stages without notices', expect: ['none', 'none', 'none'] },
  ],
});
