import { caseTable } from './case-table.ts';
import { idNumberFor } from './fixtures.ts';
import { rule } from './R-LEAGUE-FROM-MEMBERS.ts';

const born = (date: string) => (d: { person: { birthDate?: string; idNumber?: string; leagueMember?: boolean } }) => {
  d.person.birthDate = date;
  d.person.idNumber = idNumberFor(date);
  d.person.leagueMember = false;
};

caseTable(rule, {
  valid: [
    { name: 'a League member' },
    { name: 'League membership not recorded', change: (d) => { delete d.person.leagueMember; } },
    { name: '29 at application', change: born('1995-02-28') },
  ],
  invalid: [
    { name: '27 and not a League member', change: (d) => { d.person.leagueMember = false; }, expect: ['notLeagueMember'], severity: 'WARN' },
    { name: 'exactly 28 (以下 includes 28)', change: born('1996-03-01'), expect: ['notLeagueMember'], message: /28 周岁/ },
  ],
});
