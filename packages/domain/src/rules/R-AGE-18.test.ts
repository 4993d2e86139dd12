import { caseTable } from './case-table.ts';
import { idNumberFor } from './fixtures.ts';
import { rule } from './R-AGE-18.ts';

caseTable(rule, {
  valid: [
    { name: 'an adult applicant' },
    { name: 'application dated on the 18th birthday', change: (d) => { d.person.birthDate = '2006-03-01'; d.person.idNumber = idNumberFor('2006-03-01'); } },
    { name: 'birth date taken from the ID number when not given', change: (d) => { delete d.person.birthDate; } },
    { name: 'no application yet', change: (d) => { delete d.application; } },
  ],
  invalid: [
    { name: 'one day before the 18th birthday', change: (d) => { d.person.birthDate = '2006-03-02'; d.person.idNumber = idNumberFor('2006-03-02'); }, expect: ['underage'], severity: 'BLOCK', message: /2024-03-01.*2006-03-02.*2024-03-02/ },
    { name: 'no birth date and no ID number', change: (d) => { delete d.person.birthDate; delete d.person.idNumber; }, expect: ['unknownBirth'], severity: 'INFO' },
  ],
});
