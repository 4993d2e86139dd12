import type { Dossier } from '../dossier/format.ts';
import { caseTable } from './case-table.ts';
import { rule } from './R-TRANSFER-POSTPONE.ts';

const movedIn = (meeting: string) => (d: Dossier) => {
  d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: true, reviewedOn: '2027-01-10' }];
  d.confirmation!.meeting.on = meeting;
  d.confirmation!.approvalOn = '2028-03-01';
};

caseTable(rule, {
  valid: [{ name: 'not transferred' }, { name: 'postponed six months', change: movedIn('2028-02-10') }],
  invalid: [{ name: 'postponed six months and a day', change: movedIn('2028-02-11'), expect: ['tooLate'], severity: 'BLOCK' }],
});
