import { caseTable } from './case-table.ts';
import { rule } from './R-CONF-STEPS.ts';

caseTable(rule, {
  valid: [{ name: 'all before the meeting' }, { name: 'committee review on the day of the meeting', change: (d) => { d.confirmation!.committeeReviewOn = d.confirmation!.meeting.on; } }],
  invalid: [
    { name: 'committee review after the meeting', change: (d) => { d.confirmation!.committeeReviewOn = '2027-08-21'; }, expect: ['after'], severity: 'BLOCK', message: /支部委员会审查/ },
    { name: 'group opinion and opinions after', change: (d) => { d.confirmation!.groupOpinionOn = '2027-08-22'; d.confirmation!.opinionsOn = '2027-08-23'; }, expect: ['after', 'after'] },
  ],
});
