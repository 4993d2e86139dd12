import { type IsoDate, addDays, addMonths, addYears } from '../calendar/dates.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { idCheckChar } from '../idnumber/idnumber.ts';
import type { Dossier } from './format.ts';
import type { Rng } from './synthetic.ts';

/**
 * Defects the generator seeds, one per dossier, each named by the rule id that must catch it.
 * They are the ones inspections find (rules.md §3): short intervals, missing records, votes
 * counted on those present, inverted or stacked dates, late entries. Other rules may fire too;
 * the test only requires the named one.
 */
export interface Defect {
  rule: string;
  applies(d: Dossier, asOf: IsoDate): boolean;
  apply(d: Dossier, rng: Rng, calendar: WorkingDayCalendar): void;
}

const SWITCH = '2026-05-11';

/** Removes the approval and every later step (the dossier stops before approval). */
function dropApprovalOn(d: Dossier): void {
  const on = d.approval!.on;
  for (const k of ['approval', 'orgDeptFiledOn', 'placedOn', 'oath', 'probationAssessments', 'confirmation', 'archivedOn'] as const) delete d[k];
  d.documents = d.documents?.filter((x) => x.on < on);
  d.opinions = d.opinions?.filter((o) => o.stage !== 'confirmation');
}

export const defects: readonly Defect[] = [
  {
    rule: 'R-DEV-1Y',
    applies: (d) => !!d.candidate && !!d.activist,
    apply: (d, rng) => {
      const on = addDays(d.candidate!.committeeProposalOn, -rng.int(30, 200));
      d.activist = { ...d.activist!, on, filedOn: addDays(on, 5) };
    },
  },
  {
    rule: 'R-TALK-1M',
    applies: (d) => !!d.talk && !!d.application,
    apply: (d) => {
      const on = addMonths(d.talk!.on, -2);
      d.application = { ...d.application!, datedOn: on, receivedOn: on };
      d.documents = d.documents?.map((x) => (x.type === 'applicationLetter' ? { ...x, on } : x));
    },
  },
  { rule: 'R-TALK-BEFORE-ACTIVIST', applies: (d) => !!d.activist && !!d.talk, apply: (d) => { delete d.talk; } },
  { rule: 'R-ACT-RECOMMENDED', applies: (d) => !!d.activist, apply: (d) => { delete d.recommendations; } },
  {
    rule: 'R-LEAGUE-28',
    applies: (d) => !!d.activist,
    apply: (d) => {
      d.person.leagueMember = true;
      d.recommendations = (d.recommendations ?? []).filter((r) => r.method !== 'byLeague');
    },
  },
  { rule: 'R-MENTOR-COUNT', applies: (d) => !!d.activist && (d.mentors?.length ?? 0) > 0, apply: (d) => { d.mentors!.push({ name: '培养联系人丙', isFullMember: true, from: d.mentors![0]!.from }); } },
  { rule: 'R-ASSESS-6M', applies: (d) => !!d.candidate, apply: (d) => { delete d.assessments; } },
  {
    rule: 'R-PUB-CANDIDATE-5WD',
    applies: (d) => !!d.candidate && d.candidate.on >= SWITCH,
    apply: (d, _rng, calendar) => {
      const n = d.notices!.find((x) => x.stage === 'candidate' && x.place !== 'origin')!;
      n.end = calendar.nthWorkingDayAfter(n.start, 2);
    },
  },
  { rule: 'R-PUB-CANDIDATE-2PLACES', applies: (d) => !!d.candidate && !!d.person.migrant && d.candidate.on >= SWITCH, apply: (d) => { d.notices = d.notices!.filter((n) => n.place !== 'origin'); } },
  { rule: 'R-SPONSOR-COUNT', applies: (d) => !!d.admissionMeeting, apply: (d) => { d.sponsors = d.sponsors!.slice(0, 1); } },
  { rule: 'R-REVIEW-DONE', applies: (d) => !!d.preReview && !!d.politicalReview, apply: (d) => { d.politicalReview!.result = 'unqualified'; } },
  { rule: 'R-REVIEW-CLEAR', applies: (d) => !!d.politicalReview, apply: (d) => { d.politicalReview!.result = 'unclear'; } },
  { rule: 'R-TRAIN-DONE', applies: (d) => !!d.preReview && !!d.training, apply: (d) => { d.training!.passed = false; } },
  { rule: 'R-TRAIN-ORGANIZER', applies: (d) => !!d.training, apply: (d) => { d.training!.organizerLevel = 'branch'; } },
  { rule: 'R-TRAIN-LENGTH', applies: (d) => !!d.training, apply: (d) => { Object.assign(d.training!, { days: 2, hours: 16, end: addDays(d.training!.start, 1) }); } },
  { rule: 'R-MTG-QUORUM', applies: (d) => !!d.admissionMeeting, apply: (d) => { const m = d.admissionMeeting!; const present = Math.floor(m.expectedVoters / 2); Object.assign(m, { presentVoters: present, yes: present, no: 0, abstain: 0 }); } },
  { rule: 'R-MTG-MAJORITY', applies: (d) => !!d.admissionMeeting, apply: (d) => { Object.assign(d.admissionMeeting!, { expectedVoters: 20, presentVoters: 12, yes: 7, no: 5, abstain: 0 }); } },
  { rule: 'R-MTG-SECRET', applies: (d) => !!d.admissionMeeting && d.admissionMeeting.on >= SWITCH, apply: (d) => { d.admissionMeeting!.method = 'showOfHands'; } },
  { rule: 'R-UPPER-TALK', applies: (d) => !!d.approval, apply: (d) => { delete d.upperTalk; } },
  {
    rule: 'R-APPROVAL-3M',
    applies: (d, asOf) => !!d.approval && !!d.admissionMeeting && addMonths(d.admissionMeeting.on, 4) < asOf,
    apply: (d) => dropApprovalOn(d),
  },
  {
    rule: 'R-CONF-NOT-EARLY',
    applies: (d) => !!d.confirmation && d.confirmation.outcome === 'confirm',
    apply: (d) => {
      const c = d.confirmation!;
      const back = (on: IsoDate) => addDays(on, -60);
      Object.assign(c, { appliedOn: back(c.appliedOn), groupOpinionOn: back(c.groupOpinionOn), opinionsOn: back(c.opinionsOn), committeeReviewOn: back(c.committeeReviewOn), approvalOn: back(c.approvalOn) });
      c.meeting.on = back(c.meeting.on);
      d.opinions = d.opinions?.map((o) => (o.stage === 'confirmation' ? { ...o, on: back(o.on) } : o));
    },
  },
  { rule: 'R-EXT-ONCE', applies: (d) => !!d.confirmation, apply: (d) => { d.confirmation!.outcome = 'extend'; d.confirmation!.extensionMonths = 3; } },
  { rule: 'R-ORDER', applies: (d) => !!d.branchReviewOn && !!d.candidate, apply: (d) => { d.branchReviewOn = addDays(d.candidate!.on, -5); } },
  {
    rule: 'R-SAME-DAY-STACK',
    applies: (d) => !!d.upperTalk && !!d.preReview && !!d.admissionMeeting,
    apply: (d) => {
      const on = d.preReview!.passedOn;
      const old = d.admissionMeeting!.on;
      d.preReview!.formIssuedOn = on;
      d.admissionMeeting!.on = on;
      d.upperTalk!.on = on;
      d.documents = d.documents?.map((x) => (x.on === old && x.type === 'meetingMinutes' ? { ...x, on } : x.type === 'applicationForm' ? { ...x, on } : x));
      d.opinions = d.opinions?.map((o) => (o.stage === 'admission' ? { ...o, on } : o));
      d.appraisals = d.appraisals?.map((a) => (a.on > on ? { ...a, on } : a));
      if (d.recordedAt?.['admissionMeeting.on']) d.recordedAt['admissionMeeting.on'] = `${on}T20:00:00+08:00`;
    },
  },
  {
    rule: 'R-LATE-ENTRY',
    applies: (d) => !!d.activist,
    apply: (d, rng) => { d.recordedAt = { ...d.recordedAt, 'activist.on': `${addDays(d.activist!.on, rng.int(90, 400))}T10:00:00+08:00` }; },
  },
  { rule: 'R-TWOPLACE-ROUNDS', applies: (d) => !!d.activist && !!d.person.migrant, apply: (d) => { d.opinions = d.opinions!.filter((o) => !(o.stage === 'activist' && o.place === 'origin')); } },
  { rule: 'R-APPRAISAL-THREE', applies: (d) => !!d.admissionMeeting && !!d.person.migrant, apply: (d) => { d.appraisals = d.appraisals!.filter((a) => a.by !== 'police'); } },
  { rule: 'R-DEFER-LONG-ABSENT', applies: (d) => !!d.activist && !!d.deferral, apply: (d) => { d.deferral!.monthsAwayLastYear = 8; } },
  {
    rule: 'R-AGE-18',
    applies: (d) => !!d.application,
    apply: (d) => {
      const birth = addDays(addYears(d.application!.datedOn, -17), -30);
      const body = `${d.person.idNumber!.slice(0, 6)}${birth.replaceAll('-', '')}${d.person.idNumber!.slice(14, 17)}`;
      d.person.birthDate = birth;
      d.person.idNumber = body + idCheckChar(body);
      d.person.leagueMember = true;
    },
  },
  {
    rule: 'R-NO-FUTURE',
    applies: (d) => (d.documents ?? []).some((x) => x.type === 'applicationLetter'),
    apply: (d) => { d.documents = d.documents!.map((x) => (x.type === 'applicationLetter' ? { ...x, signedOn: addDays(x.on, -10) } : x)); },
  },
];
