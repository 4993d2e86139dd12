import { caseTable } from './case-table.ts';
import { rule } from './R-LEAGUE-28.ts';

caseTable(rule, {
  valid: [
    { name: 'League member recommended by the League' },
    { name: 'not a League member', change: (d) => { d.person.leagueMember = false; d.recommendations = [{ method: 'byMembers', on: '2024-09-02' }]; } },
  ],
  invalid: [
    { name: 'League member without 推优 (the city makes it BLOCK)', change: (d) => { d.recommendations = [{ method: 'byMembers', on: '2024-09-02' }]; }, expect: ['noLeagueRecommendation'], severity: 'BLOCK' },
    { name: '推优 only after designation', change: (d) => { d.recommendations = [{ method: 'byLeague', on: '2024-09-11' }]; }, expect: ['noLeagueRecommendation'] },
  ],
});
