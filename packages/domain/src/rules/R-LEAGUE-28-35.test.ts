import type { Dossier } from '../dossier/format.ts';
import { caseTable } from './case-table.ts';
import { idNumberFor } from './fixtures.ts';
import { rule } from './R-LEAGUE-28-35.ts';

const aged = (birth: string, withLeague: boolean) => (d: Dossier) => {
  d.person.birthDate = birth;
  d.person.idNumber = idNumberFor(birth);
  d.person.leagueMember = false;
  d.recommendations = withLeague ? [{ method: 'byLeague', on: '2024-09-02' }] : [{ method: 'byMembers', on: '2024-09-02' }];
};

caseTable(rule, {
  valid: [
    { name: 'a League member (R-LEAGUE-28 applies instead)' },
    { name: '30 with the League organization heard', change: aged('1994-01-01', true) },
    { name: '36 at application', change: aged('1988-01-01', false) },
  ],
  invalid: [
    { name: '30 without the League organization heard', change: aged('1994-01-01', false), expect: ['noLeagueOpinion'], severity: 'WARN' },
    { name: 'exactly 35', change: aged('1989-03-01', false), expect: ['noLeagueOpinion'] },
  ],
});
