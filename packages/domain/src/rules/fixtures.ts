import { type IsoDate, addDays } from '../calendar/dates.ts';
import { dateFields } from '../dossier/date-fields.ts';
import type { Dossier } from '../dossier/format.ts';
import { idCheckChar } from '../idnumber/idnumber.ts';

/**
 * One complete, clean dossier for case tables: an inbound migrant who applied in 2024, was listed
 * as candidate under the 2026 细则 and confirmed in 2027. Each case changes one thing. The 2014
 * variant moves every date back 208 weeks (weekdays unchanged) and files instead of asking consent.
 */
export const FIXTURE_AS_OF = '2027-12-31';

export function idNumberFor(birthDate: IsoDate, sequence = '123'): string {
  const body = `420506${birthDate.replaceAll('-', '')}${sequence}`;
  return body + idCheckChar(body);
}

const opinion = (stage: 'activist' | 'candidate' | 'admission' | 'confirmation', place: 'origin' | 'workplace', on: IsoDate) => ({
  stage,
  place,
  channel: place === 'origin' ? ('letter' as const) : ('forum' as const),
  on,
  aspects: { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' } as const,
});

const meeting = (on: IsoDate) => ({
  on,
  method: 'secretBallot' as const,
  expectedVoters: 20,
  presentVoters: 18,
  yes: 17,
  no: 1,
  abstain: 0,
  writtenYes: 0,
  writtenNo: 0,
  writtenBeforeMeeting: false,
  oneByOne: true,
});

function base(): Dossier {
  return {
    id: 'D-0001',
    person: {
      name: '向绍辉',
      idNumber: idNumberFor('1997-03-15'),
      birthDate: '1997-03-15',
      gender: 'male',
      leagueMember: true,
      migrant: { direction: 'inbound', originCode: '510525', workplaceCode: '420506', employer: '宜昌某物流有限公司', movedOn: '2021-06-01' },
    },
    org: { branch: '宜昌某物流有限公司党支部', approver: { name: '小溪塔街道党工委', kind: 'committee', hasApprovalPower: true }, isMobileOrg: false, canDevelop: true },
    application: { datedOn: '2024-03-01', receivedOn: '2024-03-01', signed: true },
    talk: { on: '2024-03-20', by: '支部书记' },
    recommendations: [
      { method: 'byMembers', on: '2024-09-02' },
      { method: 'byLeague', on: '2024-09-03' },
    ],
    activist: { on: '2024-09-10', decidedBy: 'branchCommittee', filedOn: '2024-09-20' },
    mentors: [
      { name: '李明', isFullMember: true, from: '2024-09-15', place: 'workplace' },
      { name: '王芳', isFullMember: true, from: '2024-09-15', place: 'origin' },
    ],
    assessments: [
      { on: '2025-03-10', result: 'good' },
      { on: '2025-09-10', result: 'good' },
      { on: '2026-03-10', result: 'good' },
    ],
    thoughtReports: ['2024-10-08', '2025-01-08', '2025-04-08', '2025-07-08', '2025-10-08', '2026-01-08', '2026-04-08', '2026-07-08', '2026-10-08', '2027-01-08', '2027-04-08', '2027-07-08'].map((on) => ({ on })),
    candidate: { committeeProposalOn: '2026-05-20', upperConsentOn: '2026-05-25', on: '2026-06-15' },
    notices: [
      { stage: 'candidate', place: 'workplace', start: '2026-06-01', end: '2026-06-05', objections: [] },
      { stage: 'candidate', place: 'origin', start: '2026-06-01', end: '2026-06-05', objections: [] },
    ],
    opinions: [
      opinion('activist', 'origin', '2024-09-05'),
      opinion('activist', 'workplace', '2024-09-05'),
      opinion('candidate', 'origin', '2026-05-15'),
      opinion('candidate', 'workplace', '2026-05-15'),
      opinion('admission', 'origin', '2026-07-30'),
      opinion('admission', 'workplace', '2026-07-30'),
      opinion('confirmation', 'origin', '2027-08-13'),
      opinion('confirmation', 'workplace', '2027-08-13'),
    ],
    appraisals: [
      { by: 'employer', on: '2026-07-20', result: 'positive' },
      { by: 'police', on: '2026-07-20', result: 'positive' },
      { by: 'familyPlanning', on: '2026-07-21', result: 'positive' },
    ],
    sponsors: [
      { name: '李明', isFullMember: true },
      { name: '王芳', isFullMember: true },
    ],
    politicalReview: { conclusionOn: '2026-07-10', result: 'qualified', originOpinionOn: '2026-07-01', residenceOpinionOn: '2026-07-02', jointReviewOn: '2026-07-08' },
    training: { start: '2026-06-22', end: '2026-06-24', days: 3, hours: 24, organizerLevel: 'baseCommittee', passed: true },
    branchReviewOn: '2026-07-15',
    preReview: { passedOn: '2026-07-24', formIssuedOn: '2026-07-24', leavingWithin3Months: false },
    admissionMeeting: meeting('2026-08-10'),
    upperTalk: { on: '2026-08-20', by: 'committeeMember' },
    approval: { on: '2026-09-10', collective: true },
    orgDeptFiledOn: '2026-09-15',
    placedOn: '2026-09-11',
    oath: { on: '2026-09-25', collectiveDay: false },
    probationAssessments: [{ on: '2026-12-10' }, { on: '2027-03-10' }, { on: '2027-06-10' }],
    confirmation: {
      appliedOn: '2027-08-02',
      groupOpinionOn: '2027-08-12',
      opinionsOn: '2027-08-13',
      committeeReviewOn: '2027-08-16',
      meeting: meeting('2027-08-20'),
      outcome: 'confirm',
      approvalOn: '2027-09-10',
    },
    archivedOn: '2027-09-30',
    documents: [
      { type: 'applicationLetter', on: '2024-03-01', signedOn: '2024-03-01' },
      { type: 'talkRecord', on: '2024-03-20' },
      { type: 'recommendationRecord', on: '2024-09-02' },
      { type: 'activistFiling', on: '2024-09-20' },
      { type: 'cultivationRegister', on: '2024-09-15' },
      { type: 'opinionRecord', on: '2026-05-15' },
      { type: 'candidateNotice', on: '2026-06-01' },
      { type: 'trainingCertificate', on: '2026-06-24' },
      { type: 'politicalReviewConclusion', on: '2026-07-10' },
      { type: 'branchReviewMinutes', on: '2026-07-15' },
      { type: 'preReviewResult', on: '2026-07-24' },
      { type: 'applicationForm', on: '2026-07-24' },
      { type: 'appraisal', on: '2026-07-20' },
      { type: 'meetingMinutes', on: '2026-08-10' },
      { type: 'approvalNotice', on: '2026-09-10' },
      { type: 'probationRegister', on: '2026-09-11' },
      { type: 'orgDeptFiling', on: '2026-09-15' },
      { type: 'oathRecord', on: '2026-09-25' },
      { type: 'confirmationApplication', on: '2027-08-02', signedOn: '2027-08-02' },
      { type: 'meetingMinutes', on: '2027-08-20' },
      { type: 'archiveList', on: '2027-09-30' },
    ],
    deferral: { monthsAwayLastYear: 0, hasFixedEmployer: true, performance: 'good' },
    recordedAt: { 'activist.on': '2024-09-11T10:00:00+08:00', 'admissionMeeting.on': '2026-08-10T18:30:00+08:00' },
  };
}

/** Sets a dotted path with indices (`notices[0].start`). */
function setAtPath(target: Dossier, path: string, value: IsoDate): void {
  const parts = path.split('.');
  let current: Record<string, unknown> = target as unknown as Record<string, unknown>;
  parts.forEach((part, i) => {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part)!;
    const last = i === parts.length - 1;
    if (m[2] === undefined) {
      if (last) current[m[1]!] = value;
      else current = current[m[1]!] as Record<string, unknown>;
    } else {
      const list = current[m[1]!] as Record<string, unknown>[] | IsoDate[];
      if (last) (list as IsoDate[])[Number(m[2])] = value;
      else current = (list as Record<string, unknown>[])[Number(m[2])]!;
    }
  });
}

/** Moves every date of a dossier by `days`, and its recording times with them. */
export function shiftDossier(d: Dossier, days: number): Dossier {
  const copy = structuredClone(d);
  for (const { path, value } of dateFields(copy)) setAtPath(copy, path, addDays(value, days));
  if (copy.person.birthDate) copy.person.idNumber = idNumberFor(copy.person.birthDate);
  if (copy.recordedAt) {
    for (const key of Object.keys(copy.recordedAt)) {
      copy.recordedAt[key] = new Date(Date.parse(copy.recordedAt[key]!) + days * 86_400_000).toISOString();
    }
  }
  return copy;
}

export const V2014_SHIFT_DAYS = -208 * 7;

export function exampleDossier(options: { version?: 'V2026' | 'V2014'; migrant?: boolean } = {}): Dossier {
  let d = base();
  if (options.version === 'V2014') {
    d = shiftDossier(d, V2014_SHIFT_DAYS);
    // Under the 2014 text the listing is filed with, not consented to by, the higher committee.
    d.candidate = { committeeProposalOn: d.candidate!.committeeProposalOn, filedOn: d.candidate!.upperConsentOn!, on: d.candidate!.on };
  }
  if (options.migrant === false) {
    delete d.person.migrant;
    d.notices = d.notices!.filter((n) => n.place !== 'origin').map((n) => ({ ...n, place: 'unit' as const }));
    delete d.politicalReview!.originOpinionOn;
  }
  return d;
}
