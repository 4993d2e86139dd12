import { caseTable } from './case-table.ts';
import { exampleDossier } from './fixtures.ts';
import { rule } from './R-PUB-CANDIDATE-5WD.ts';

const workplace = (d: ReturnType<typeof exampleDossier>) => d.notices!.find((n) => n.place === 'workplace')!;

caseTable(rule, {
  valid: [
    { name: 'Monday to Friday, listed ten days later' },
    { name: 'a non-migrant notice at the unit', from: () => exampleDossier({ migrant: false }) },
    { name: 'the 2014 text had no notice', from: () => exampleDossier({ version: 'V2014' }), change: (d) => { delete d.notices; } },
    {
      name: 'across National Day with the make-up Saturday (9/29–10/10: five working days)',
      change: (d) => {
        d.candidate = { committeeProposalOn: '2026-09-20', upperConsentOn: '2026-09-25', on: '2026-10-12' };
        Object.assign(workplace(d), { start: '2026-09-29', end: '2026-10-10' });
      },
    },
    { name: 'an objection resolved and not upheld', change: (d) => { workplace(d).objections = [{ receivedOn: '2026-06-02', resolvedOn: '2026-06-10', upheld: false }]; } },
    { name: 'listed on the last day when the city allows it', change: (d) => { d.candidate!.on = '2026-06-05'; }, settings: { boundaries: { listingAfterNotice: 'onOrAfter' } } },
  ],
  invalid: [
    { name: 'no notice at the workplace', change: (d) => { d.notices = d.notices!.filter((n) => n.place === 'origin'); }, expect: ['none'], severity: 'BLOCK' },
    { name: 'four working days', change: (d) => { workplace(d).end = '2026-06-04'; }, expect: ['short'], message: /仅 4 个工作日/ },
    {
      name: 'five calendar days over National Day are one working day',
      change: (d) => {
        d.candidate = { committeeProposalOn: '2026-09-20', upperConsentOn: '2026-09-25', on: '2026-10-12' };
        Object.assign(workplace(d), { start: '2026-09-30', end: '2026-10-05' });
      },
      expect: ['short'],
      message: /仅 1 个工作日/,
    },
    { name: 'first day not counted when the city says so', settings: { boundaries: { noticeCountsFirstDay: false } }, expect: ['short'] },
    { name: 'listed on the last day of the notice', change: (d) => { d.candidate!.on = '2026-06-05'; }, expect: ['notEnded'] },
    { name: 'notice before the higher committee consented', change: (d) => { d.candidate!.upperConsentOn = '2026-06-02'; }, expect: ['beforeConsent'] },
    { name: 'an objection without a resolution', change: (d) => { workplace(d).objections = [{ receivedOn: '2026-06-02', upheld: false }]; }, expect: ['objectionOpen'] },
    { name: 'an upheld objection', change: (d) => { workplace(d).objections = [{ receivedOn: '2026-06-02', resolvedOn: '2026-06-08', upheld: true }]; }, expect: ['objectionUpheld'] },
    { name: 'a city requiring seven working days', settings: { rules: { 'R-PUB-CANDIDATE-5WD': { params: { minWorkingDays: 7 } } } }, expect: ['short'] },
  ],
});
