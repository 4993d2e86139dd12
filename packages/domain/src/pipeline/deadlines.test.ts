import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates.ts';
import type { Dossier } from '../dossier/format.ts';
import { exampleDossier } from '../rules/fixtures.ts';
import { type CitySettings, defaultCitySettings } from '../settings/city-settings.ts';
import { type DeadlineInput, type DeadlineKind, deadlineContext, dossierDeadlines, isDueWithin } from './deadlines.ts';
import { judge } from './gate.ts';
import { engineView, type Pending } from './step-inputs.ts';

/**
 * Case tables for the deadlines over the clean example dossier (rules/fixtures.ts) cut back to a
 * stage: applied 2024-03-01, activist 2024-09-10 (assessed 2025-03-10, 2025-09-10, 2026-03-10),
 * pre-review 2026-07-24, admission meeting 2026-08-10, approval 2026-09-10, probation ends 2027-08-10.
 */
const later: (keyof Dossier)[] = [
  'talk', 'recommendations', 'activist', 'mentors', 'assessments', 'candidate', 'notices', 'sponsors', 'politicalReview', 'training', 'branchReviewOn', 'preReview',
  'admissionMeeting', 'upperTalk', 'approval', 'orgDeptFiledOn', 'placedOn', 'oath', 'probationAssessments', 'confirmation', 'archivedOn',
];

/** The example with every field from `from` on removed. */
function upTo(from: keyof Dossier, base = exampleDossier()): Dossier {
  const d = structuredClone(base);
  for (const key of later.slice(later.indexOf(from))) delete d[key];
  return d;
}

const settingsWith = (boundaries: Partial<CitySettings['boundaries']> = {}, rules: CitySettings['rules'] = {}): CitySettings => ({
  ...defaultCitySettings,
  boundaries: { ...defaultCitySettings.boundaries, ...boundaries },
  rules: { ...defaultCitySettings.rules, ...rules },
});

function items(input: DeadlineInput, asOf: string, settings = defaultCitySettings) {
  return dossierDeadlines(input, deadlineContext(asOf, settings));
}
function one(input: DeadlineInput, kind: DeadlineKind, asOf: string, settings = defaultCitySettings) {
  return items(input, asOf, settings).find((i) => i.kind === kind);
}

const applicant = (): DeadlineInput => ({ document: upTo('talk'), currentStep: 2, status: 'active' });
const activist = (): DeadlineInput => ({ document: upTo('candidate'), currentStep: 7, status: 'active' });
const preReviewed = (): DeadlineInput => ({ document: upTo('admissionMeeting'), currentStep: 15, status: 'active' });
const admitted = (): DeadlineInput => ({ document: upTo('approval'), currentStep: 17, status: 'active' });
const approved = (): DeadlineInput => ({ document: upTo('oath'), currentStep: 18, status: 'active' });
const sworn = (): DeadlineInput => ({ document: upTo('confirmation'), currentStep: 22, status: 'active' });
const confirmationDiscussed = (): DeadlineInput => {
  // Step 23 recorded: the confirmation waits in `pending` without its approval.
  const rest: Partial<NonNullable<Dossier['confirmation']>> = { ...exampleDossier().confirmation! };
  delete rest.approvalOn;
  return { document: upTo('confirmation'), pending: { confirmation: rest } as Pending, currentStep: 24, status: 'active' };
};

describe('deadlines: due dates, boundaries and overdue (case table)', () => {
  const cases: { name: string; input: () => DeadlineInput; kind: DeadlineKind; asOf: string; dueOn: string; overdue: boolean; daysLeft?: number; rule: string; settings?: CitySettings; fromOn?: string }[] = [
    { name: 'talk: the same date a month later is the last day', input: applicant, kind: 'talk', asOf: '2024-04-01', dueOn: '2024-04-01', overdue: false, daysLeft: 0, rule: 'R-TALK-1M' },
    { name: 'talk: overdue the day after', input: applicant, kind: 'talk', asOf: '2024-04-02', dueOn: '2024-04-01', overdue: true, daysLeft: -1, rule: 'R-TALK-1M' },
    { name: 'talk: the city counts "within a month" strictly', input: applicant, kind: 'talk', asOf: '2024-03-31', dueOn: '2024-03-31', overdue: false, rule: 'R-TALK-1M', settings: settingsWith({ monthDeadline: 'before' }) },
    {
      name: 'talk: month-end clamp (received 01-31 → due 02-29)',
      input: () => ({ ...applicant(), document: { ...upTo('talk'), application: { datedOn: '2024-01-31', receivedOn: '2024-01-31', signed: true } } }),
      kind: 'talk', asOf: '2024-02-10', dueOn: '2024-02-29', overdue: false, daysLeft: 19, rule: 'R-TALK-1M',
    },
    { name: 'assessment: six months after the last one', input: activist, kind: 'assessment', asOf: '2026-05-01', dueOn: '2026-09-10', overdue: false, rule: 'R-ASSESS-6M' },
    { name: 'assessment: overdue after six months', input: activist, kind: 'assessment', asOf: '2026-09-11', dueOn: '2026-09-10', overdue: true, daysLeft: -1, rule: 'R-ASSESS-6M' },
    {
      name: 'assessment: none yet, counted from the designation',
      input: () => ({ ...activist(), document: { ...upTo('candidate'), assessments: [] } }),
      kind: 'assessment', asOf: '2024-12-01', dueOn: '2025-03-10', overdue: false, rule: 'R-ASSESS-6M',
    },
    { name: 'assessment: an assessment after asOf does not count yet', input: activist, kind: 'assessment', asOf: '2026-03-09', dueOn: '2026-03-10', overdue: false, daysLeft: 1, rule: 'R-ASSESS-6M' },
    { name: 'meeting: one month after the pre-review', input: preReviewed, kind: 'meeting', asOf: '2026-08-24', dueOn: '2026-08-24', overdue: false, daysLeft: 0, rule: 'R-MEETING-1M' },
    { name: 'meeting: overdue', input: preReviewed, kind: 'meeting', asOf: '2026-08-25', dueOn: '2026-08-24', overdue: true, rule: 'R-MEETING-1M' },
    { name: 'approval: three months after the meeting', input: admitted, kind: 'approval', asOf: '2026-11-10', dueOn: '2026-11-10', overdue: false, rule: 'R-APPROVAL-3M' },
    { name: 'approval: overdue after three months', input: admitted, kind: 'approval', asOf: '2026-11-11', dueOn: '2026-11-10', overdue: true, rule: 'R-APPROVAL-3M' },
    { name: 'oath: one month after approval (2026 text)', input: approved, kind: 'oath', asOf: '2026-10-10', dueOn: '2026-10-10', overdue: false, rule: 'R-OATH' },
    { name: 'oath: overdue', input: approved, kind: 'oath', asOf: '2026-10-11', dueOn: '2026-10-10', overdue: true, rule: 'R-OATH' },
    { name: 'application: at the end of probation, window from 31 days before', input: sworn, kind: 'confirmationApplication', asOf: '2027-07-01', dueOn: '2027-08-10', fromOn: '2027-07-10', overdue: false, rule: 'R-CONF-APP' },
    { name: 'probation end: probation ends on the anniversary', input: sworn, kind: 'probationEnd', asOf: '2027-08-01', dueOn: '2027-09-10', fromOn: '2027-08-10', overdue: false, rule: 'R-CONF-TIMELY' },
    { name: 'probation end: the day before, when the city says so', input: sworn, kind: 'probationEnd', asOf: '2027-08-01', dueOn: '2027-09-09', fromOn: '2027-08-09', overdue: false, rule: 'R-CONF-TIMELY', settings: settingsWith({ probationEnd: 'dayBefore' }) },
    { name: 'probation end: the city allows two months', input: sworn, kind: 'probationEnd', asOf: '2027-09-11', dueOn: '2027-10-10', overdue: false, rule: 'R-CONF-TIMELY', settings: settingsWith({}, { 'R-CONF-TIMELY': { params: { months: 2 } } }) },
    { name: 'probation end: overdue', input: sworn, kind: 'probationEnd', asOf: '2027-09-11', dueOn: '2027-09-10', overdue: true, rule: 'R-CONF-TIMELY' },
    {
      name: 'probation end: a transferred-in probationer may be discussed six months later',
      input: () => ({ ...sworn(), document: { ...upTo('confirmation'), transfers: [{ on: '2027-01-10', during: 'probation', handedOver: true, reviewedOn: '2027-01-20' }] } }),
      kind: 'probationEnd', asOf: '2027-09-11', dueOn: '2028-02-10', overdue: false, rule: 'R-TRANSFER-POSTPONE',
    },
    { name: 'confirmation approval: three months after the discussion', input: confirmationDiscussed, kind: 'confirmationApproval', asOf: '2027-11-21', dueOn: '2027-11-20', overdue: true, daysLeft: -1, rule: 'R-CONF-APPROVAL-3M' },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const item = one(c.input(), c.kind, c.asOf, c.settings);
      expect(item).toBeDefined();
      expect(item).toMatchObject({ dueOn: c.dueOn, overdue: c.overdue, rule: c.rule });
      if (c.daysLeft !== undefined) expect(item!.daysLeft).toBe(c.daysLeft);
      if (c.fromOn) expect(item!.fromOn).toBe(c.fromOn);
      expect(item!.label).toMatch(/[\u4e00-\u9fa5]/);
    });
  }
});

describe('deadlines: what is not (or no longer) due', () => {
  it('a done step has no item, and the next one appears', () => {
    const kinds = items({ document: upTo('recommendations'), currentStep: 3, status: 'active' }, '2024-04-10').map((i) => i.kind);
    expect(kinds).not.toContain('talk');
  });
  it('only active dossiers have deadlines', () => {
    for (const status of ['withdrawn', 'notRecognized', 'member'] as const) expect(items({ ...applicant(), status }, '2024-05-01')).toEqual([]);
  });
  it('a step behind the current one (an imported dossier with a hole) is left to the audit', () => {
    expect(items({ ...applicant(), currentStep: 10 }, '2024-05-01').map((i) => i.kind)).not.toContain('talk');
  });
  it('assessments stop once listed as candidate', () => {
    expect(items({ document: upTo('sponsors'), currentStep: 9, status: 'active' }, '2027-01-01').map((i) => i.kind)).not.toContain('assessment');
  });
  it('a pending activist (step 3 recorded, not yet filed) is assessed from its designation', () => {
    const d = upTo('activist');
    const item = one({ document: d, pending: { activist: { on: '2024-09-10', decidedBy: 'branchCommittee' } }, currentStep: 4, status: 'active' }, 'assessment', '2024-10-01');
    expect(item).toMatchObject({ dueOn: '2025-03-10', rule: 'R-ASSESS-6M' });
  });
  it('the meeting deadline exists only under the 2026 text', () => {
    const d = upTo('admissionMeeting', exampleDossier({ version: 'V2014' }));
    const input = { document: d, currentStep: 15, status: 'active' as const };
    const asOf = addDays(d.preReview!.passedOn, 10);
    expect(asOf < defaultCitySettings.switchDate).toBe(true);
    expect(one(input, 'meeting', asOf)).toBeUndefined();
  });
  it('under the 2014 text the oath is due before the confirmation can be discussed', () => {
    const d = upTo('oath', exampleDossier({ version: 'V2014' }));
    const item = one({ document: d, currentStep: 18, status: 'active' }, 'oath', addDays(d.approval!.on, 40));
    expect(item).toMatchObject({ dueOn: d.admissionMeeting!.on.replace(/^(\d{4})/, (y) => String(Number(y) + 1)), overdue: false });
  });
  it('an application already made removes that item; the discussion is still due', () => {
    const input = { ...sworn(), pending: { confirmation: { appliedOn: '2027-08-02' } } as Pending, currentStep: 23 };
    const kinds = items(input, '2027-08-05').map((i) => i.kind);
    expect(kinds).not.toContain('confirmationApplication');
    expect(kinds).toContain('probationEnd');
  });
  it('sorts overdue first, then by due date, and filters by a window', () => {
    const list = items(sworn(), '2027-09-20');
    expect(list.map((i) => [i.kind, i.overdue])).toEqual([['confirmationApplication', true], ['probationEnd', true]]);
    expect(isDueWithin({ overdue: false, daysLeft: 30 }, 30)).toBe(true);
    expect(isDueWithin({ overdue: false, daysLeft: 31 }, 30)).toBe(false);
    expect(isDueWithin({ overdue: true, daysLeft: -400 }, 30)).toBe(true);
  });
});

/**
 * The promise of the module: an item turns overdue on the very day its rule starts reporting the
 * dossier. The engine is run on the due date (no finding) and the day after (the rule's finding).
 */
describe('deadlines agree with the rule engine', () => {
  const overdueKey: Partial<Record<DeadlineKind, string>> = { talk: 'overdue', assessment: 'overdue', meeting: 'overdue', approval: 'overdue3', oath: 'overdue', probationEnd: 'overdue' };
  const inputs: [string, () => DeadlineInput, string][] = [
    ['applicant', applicant, '2024-03-10'],
    ['activist', activist, '2026-04-01'],
    ['pre-reviewed', preReviewed, '2026-07-30'],
    ['admitted', admitted, '2026-08-20'],
    ['approved', approved, '2026-09-15'],
    ['sworn', sworn, '2027-07-01'],
  ];
  for (const boundaries of [{}, { monthDeadline: 'before' as const, probationEnd: 'dayBefore' as const }]) {
    for (const [name, input, asOf] of inputs) {
      it(`${name} (${JSON.stringify(boundaries)})`, () => {
        const settings = settingsWith(boundaries);
        const i = input();
        const view = engineView(i.document, i.pending ?? {});
        const checked = items(i, asOf, settings).filter((item) => overdueKey[item.kind]);
        expect(checked.length).toBeGreaterThan(0);
        for (const item of checked) {
          const on = judge(view, item.dueOn, settings).filter((f) => f.rule === item.rule && f.key === overdueKey[item.kind]);
          const after = judge(view, addDays(item.dueOn, 1), settings).filter((f) => f.rule === item.rule && f.key === overdueKey[item.kind]);
          expect(on, `${item.kind} on ${item.dueOn}`).toEqual([]);
          expect(after.length, `${item.kind} the day after ${item.dueOn}`).toBe(1);
          expect(one(i, item.kind, addDays(item.dueOn, 1), settings)?.overdue).toBe(true);
        }
      });
    }
  }
});
