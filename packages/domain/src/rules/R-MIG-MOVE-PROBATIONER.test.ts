import { caseTable } from './case-table.ts';
import { rule } from './R-MIG-MOVE-PROBATIONER.ts';

caseTable(rule, {
  valid: [{ name: 'moved with hand-over, discussed in time', change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: true, reviewedOn: '2027-01-10' }]; } }],
  invalid: [
    {
      name: 'reported as R-TRANSFER-PROB and R-TRANSFER-POSTPONE',
      change: (d) => { d.transfers = [{ on: '2027-01-05', during: 'probation', handedOver: false }]; d.confirmation!.meeting.on = '2028-03-01'; d.confirmation!.approvalOn = '2028-03-10'; },
      expect: ['R-TRANSFER-PROB:notHandedOver', 'R-TRANSFER-POSTPONE:tooLate'],
    },
  ],
});
