import { type IsoDate, addDays, addMonths, addYears, isIsoDate } from '../calendar/dates.ts';
import { type WorkingDayCalendar, createWorkingDayCalendar } from '../calendar/working-days.ts';
import { idCheckChar } from '../idnumber/idnumber.ts';
import { type DocumentType, type Dossier, type DossierFile, DOSSIER_FORMAT } from './format.ts';
import { defects } from './synthetic-defects.ts';

/**
 * A seeded generator of synthetic dossiers for the benchmark and the auditor's tests: clean
 * dossiers that follow every default rule, at every stage of the procedure (cut at the as-of
 * date), and a share with one seeded defect each, recorded so a test can check it is caught by
 * its rule id. No real person: names are drawn from short lists, ID numbers are valid but made up.
 */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '向', '覃', '田', '胡', '邓', '彭'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '霞', '平', '刚', '华', '丽', '鹏'];
const counties = ['420502', '420503', '420504', '420505', '420506', '420525', '420526', '420527', '420528', '420529', '420581', '420582', '420583'];
const origins = ['510525', '422802', '431121', '500236', '411723', '360732'];
const employers = ['物流公司', '建筑公司', '食品厂', '化工厂', '电商园', '家政公司', '酒店', '汽车维修厂'];

export interface SyntheticOptions {
  count: number;
  seed: number;
  asOf: IsoDate;
  /** Share of dossiers that get one seeded defect (default 0.3). */
  defectRate?: number;
  calendar?: WorkingDayCalendar;
}

export interface SyntheticFile {
  file: DossierFile;
  /** Dossier id → the rule id its seeded defect must trigger. */
  seeded: Map<string, string>;
}

const ts = (date: IsoDate, days: number, rng: Rng) => `${addDays(date, days)}T${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`;

/** One clean dossier whose step 7 committee proposal is on `proposal`. */
export function cleanDossier(id: string, proposal: IsoDate, rng: Rng, calendar: WorkingDayCalendar): Dossier {
  const migrant = rng.chance(0.7);
  const activist = addDays(addYears(proposal, -1), -rng.int(5, 240));
  const talk = addDays(activist, -rng.int(10, 150));
  const received = addDays(talk, -rng.int(1, 25));
  const applied = addDays(received, -rng.int(0, 3));
  const age = rng.int(18, 45);
  const birth = addDays(addYears(applied, -age - 1), rng.int(1, 360));
  const countyCode = rng.pick(counties);
  const body = `${countyCode}${birth.replaceAll('-', '')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  // Birth is placed so the age on the application date is exactly `age`; League members up to 28
  // (R-LEAGUE-FROM-MEMBERS), a League recommendation up to 35 (R-LEAGUE-28-35).
  const league = age <= 28;
  const consent = addDays(proposal, rng.int(1, 5));
  let noticeStart: IsoDate;
  let noticeEnd: IsoDate;
  // A notice in a year without holiday data (or at its end) lies after the as-of date and is cut anyway.
  const year = Number(consent.slice(0, 4));
  if (calendar.hasYear(year) && (consent.slice(5) < '12-10' || calendar.hasYear(year + 1))) {
    noticeStart = calendar.nthWorkingDayAfter(consent, 1);
    noticeEnd = calendar.nthWorkingDayAfter(noticeStart, 4);
  } else {
    noticeStart = addDays(consent, 1);
    noticeEnd = addDays(consent, 9);
  }
  const listing = addDays(noticeEnd, rng.int(3, 10));
  const trainingStart = addDays(listing, rng.int(3, 20));
  const trainingEnd = addDays(trainingStart, 2);
  const originOpinion = addDays(listing, rng.int(5, 20));
  const joint = addDays(originOpinion, 2);
  const conclusion = addDays(joint > trainingEnd ? joint : trainingEnd, rng.int(1, 10));
  const branchReview = addDays(conclusion, rng.int(1, 10));
  const pass = addDays(branchReview, rng.int(1, 15));
  const formIssued = addDays(pass, rng.int(0, 3));
  const meeting = addDays(formIssued, rng.int(3, 25));
  const upperTalk = addDays(meeting, rng.int(3, 30));
  const approval = addDays(upperTalk, rng.int(1, 30));
  const placed = addDays(approval, rng.int(0, 10));
  const oath = addDays(approval, rng.int(1, 28));
  const end = addYears(meeting, 1);
  const confApplied = addDays(end, -rng.int(0, 20));
  const groupOpinion = addDays(end, rng.int(0, 3));
  const confMeeting = addDays(groupOpinion, rng.int(3, 10));
  // Short, so that an audit date between the meeting and the approval is still within a month of expiry (the format cannot hold a pending approval).
  const confApproval = addDays(confMeeting, rng.int(5, 15));
  const archived = addDays(confApproval, rng.int(1, 60));
  const expected = rng.int(8, 60);
  const meetingOf = (on: IsoDate) => {
    const present = expected - rng.int(0, Math.floor((expected - 1) / 3));
    const no = rng.int(0, Math.floor(present / 5));
    return { on, method: 'secretBallot' as const, expectedVoters: expected, presentVoters: present, yes: present - no, no, abstain: 0, writtenYes: 0, writtenNo: 0, writtenBeforeMeeting: false, oneByOne: true };
  };
  const places = migrant ? (['origin', 'workplace'] as const) : [];
  const opinions = (['activist', 'candidate', 'admission', 'confirmation'] as const).flatMap((stage) => {
    const on = { activist: addDays(activist, -rng.int(1, 5)), candidate: addDays(proposal, -rng.int(1, 5)), admission: addDays(pass, 1), confirmation: addDays(groupOpinion, 1) }[stage];
    return places.map((place) => ({ stage, place, channel: rng.pick(['notice', 'forum', 'homeVisit', 'phone', 'letter'] as const), on, aspects: { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' } as const }));
  });
  const assessments: { on: IsoDate; result: 'good' | 'fair' }[] = [];
  for (let t = activist; ; ) {
    const next = addDays(addMonths(t, 6), -rng.int(0, 20));
    if (next >= listing) break;
    assessments.push({ on: next, result: rng.chance(0.8) ? 'good' : 'fair' });
    t = next;
  }
  const reports: { on: IsoDate }[] = [];
  for (let t = activist; t < confMeeting; ) {
    t = addDays(addMonths(t, 3), -rng.int(0, 10));
    if (t < confMeeting) reports.push({ on: t });
  }
  const probation = [rng.int(30, 80), 150, 240, 330].map((days) => ({ on: addDays(meeting, days - rng.int(0, 10)) }));
  const doc = (type: DocumentType, on: IsoDate) => ({ type, on });
  const d: Dossier = {
    id,
    person: {
      name: rng.pick(surnames) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : ''),
      idNumber: body + idCheckChar(body),
      birthDate: birth,
      gender: Number(body[16]) % 2 === 1 ? 'male' : 'female',
      leagueMember: league,
      ...(migrant ? { migrant: { direction: rng.chance(0.6) ? ('inbound' as const) : ('outbound' as const), originCode: rng.pick(origins), workplaceCode: countyCode, employer: rng.pick(employers), movedOn: addDays(applied, -rng.int(400, 3000)) } } : {}),
    },
    org: { branch: `${rng.pick(employers)}第${rng.int(1, 400)}党支部`, approver: { name: '街道党工委', kind: 'committee', hasApprovalPower: true }, isMobileOrg: false, canDevelop: true },
    application: { datedOn: applied, receivedOn: received, signed: true },
    talk: { on: talk, by: '支部书记' },
    recommendations: [{ method: 'byMembers', on: addDays(activist, -rng.int(1, 7)) }, ...(age <= 35 ? [{ method: 'byLeague' as const, on: addDays(activist, -rng.int(1, 7)) }] : [])],
    activist: { on: activist, decidedBy: 'branchCommittee', filedOn: addDays(activist, rng.int(1, 20)) },
    mentors: [{ name: '培养联系人甲', isFullMember: true, from: addDays(activist, rng.int(0, 10)), place: 'workplace' }, { name: '培养联系人乙', isFullMember: true, from: addDays(activist, rng.int(0, 10)), place: 'origin' }],
    assessments,
    thoughtReports: reports,
    candidate: { committeeProposalOn: proposal, upperConsentOn: consent, filedOn: consent, on: listing },
    notices: [
      { stage: 'candidate', place: migrant ? 'workplace' : 'unit', start: noticeStart, end: noticeEnd, objections: [] },
      ...(migrant ? [{ stage: 'candidate' as const, place: 'origin' as const, start: noticeStart, end: noticeEnd, objections: [] }] : []),
    ],
    opinions,
    appraisals: migrant ? (['employer', 'police', 'familyPlanning'] as const).map((by) => ({ by, on: addDays(pass, -rng.int(0, 5)), result: 'positive' as const })) : [],
    sponsors: [{ name: '介绍人甲', isFullMember: true }, { name: '介绍人乙', isFullMember: true }],
    politicalReview: { conclusionOn: conclusion, result: 'qualified', originOpinionOn: originOpinion, residenceOpinionOn: addDays(originOpinion, 1), jointReviewOn: joint },
    training: { start: trainingStart, end: trainingEnd, days: 3, hours: 24, organizerLevel: rng.chance(0.7) ? 'baseCommittee' : 'countyOrgDept', passed: true },
    branchReviewOn: branchReview,
    preReview: { passedOn: pass, formIssuedOn: formIssued, leavingWithin3Months: false },
    admissionMeeting: meetingOf(meeting),
    upperTalk: { on: upperTalk, by: rng.chance(0.5) ? 'committeeMember' : 'organizer' },
    approval: { on: approval, collective: true },
    orgDeptFiledOn: addDays(approval, rng.int(0, 10)),
    placedOn: placed,
    oath: { on: oath, collectiveDay: false },
    probationAssessments: probation,
    confirmation: { appliedOn: confApplied, groupOpinionOn: groupOpinion, opinionsOn: addDays(groupOpinion, 1), committeeReviewOn: addDays(groupOpinion, 2), meeting: meetingOf(confMeeting), outcome: 'confirm', approvalOn: confApproval },
    archivedOn: archived,
    documents: [
      doc('applicationLetter', applied), doc('talkRecord', talk), doc('recommendationRecord', activist), doc('activistFiling', addDays(activist, 1)),
      doc('cultivationRegister', activist), doc('opinionRecord', addDays(proposal, -1)), doc('candidateNotice', noticeStart), doc('trainingCertificate', trainingEnd),
      doc('politicalReviewConclusion', conclusion), doc('branchReviewMinutes', branchReview), doc('preReviewResult', pass), doc('applicationForm', formIssued),
      doc('meetingMinutes', meeting), doc('approvalNotice', approval), doc('probationRegister', approval), doc('orgDeptFiling', approval),
      doc('oathRecord', oath), doc('confirmationApplication', confApplied), doc('meetingMinutes', confMeeting), doc('archiveList', archived),
    ],
    deferral: { monthsAwayLastYear: rng.int(0, 3), hasFixedEmployer: true, performance: rng.chance(0.7) ? 'good' : 'fair' },
    recordedAt: { 'activist.on': ts(activist, rng.int(0, 10), rng), 'admissionMeeting.on': ts(meeting, rng.int(0, 10), rng) },
  };
  if (!migrant) {
    delete d.politicalReview!.originOpinionOn;
    delete d.appraisals;
  }
  return d;
}

/** Drops everything dated after `asOf`: the dossier as it stood that day. */
export function cutAt(d: Dossier, asOf: IsoDate): Dossier {
  const after = (date: IsoDate | undefined) => date !== undefined && date > asOf;
  const keep = <T extends { on: IsoDate }>(list: T[] | undefined) => list?.filter((x) => !after(x.on));
  if (after(d.application?.receivedOn)) delete d.application;
  if (after(d.talk?.on)) delete d.talk;
  d.recommendations = keep(d.recommendations);
  if (after(d.activist?.filedOn)) delete d.activist;
  d.mentors = d.mentors?.filter((m) => !after(m.from));
  d.assessments = keep(d.assessments);
  d.thoughtReports = keep(d.thoughtReports);
  if (after(d.candidate?.on)) delete d.candidate;
  d.notices = d.notices?.filter((n) => !after(n.start));
  d.opinions = keep(d.opinions);
  d.appraisals = keep(d.appraisals);
  if (after(d.training?.end)) delete d.training;
  if (after(d.politicalReview?.conclusionOn)) delete d.politicalReview;
  if (!d.candidate) delete d.sponsors;
  if (after(d.branchReviewOn)) delete d.branchReviewOn;
  if (after(d.preReview?.formIssuedOn)) delete d.preReview;
  if (after(d.admissionMeeting?.on)) delete d.admissionMeeting;
  if (after(d.upperTalk?.on)) delete d.upperTalk;
  if (after(d.approval?.on)) delete d.approval;
  if (after(d.orgDeptFiledOn)) delete d.orgDeptFiledOn;
  if (after(d.placedOn)) delete d.placedOn;
  if (after(d.oath?.on)) delete d.oath;
  d.probationAssessments = keep(d.probationAssessments);
  if (after(d.confirmation?.approvalOn)) delete d.confirmation;
  if (after(d.archivedOn)) delete d.archivedOn;
  d.documents = keep(d.documents);
  for (const [path, at] of Object.entries(d.recordedAt ?? {})) {
    const [head] = path.split('.');
    if (at.slice(0, 10) > asOf || d[head as keyof Dossier] === undefined) delete d.recordedAt![path];
  }
  return d;
}

/** The generator, one dossier at a time (the benchmark audits 100,000 without holding them all). */
export function* syntheticDossiers(options: SyntheticOptions): Generator<{ dossier: Dossier; defect: string | undefined }> {
  if (!isIsoDate(options.asOf)) throw new Error(`asOf ${options.asOf} 不是有效日期`);
  const rng = seededRng(options.seed);
  const calendar = options.calendar ?? createWorkingDayCalendar();
  const rate = options.defectRate ?? 0.3;
  // Step-7 proposals from 2016 to well after as-of, so the cut leaves dossiers at every stage.
  const first = '2016-01-01';
  const last = addDays(options.asOf, 600);
  const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000));
  for (let i = 0; i < options.count; i++) {
    const id = `S-${String(i + 1).padStart(6, '0')}`;
    // A third are recent, so the 2026 rules (consent, notices, secret ballot) get enough cases.
    const proposal = rng.chance(0.35) ? addDays(options.asOf, rng.int(-330, 200)) : addDays(first, rng.int(0, span));
    const d = cutAt(cleanDossier(id, proposal, rng, calendar), options.asOf);
    let defect: string | undefined;
    if (rng.chance(rate)) {
      const applicable = defects.filter((x) => x.applies(d, options.asOf));
      if (applicable.length) {
        const chosen = rng.pick(applicable);
        chosen.apply(d, rng, calendar);
        defect = chosen.rule;
      }
    }
    yield { dossier: d, defect };
  }
}

/** The generator: `count` dossiers, a share with one seeded defect each. */
export function generateDossiers(options: SyntheticOptions): SyntheticFile {
  const dossiers: Dossier[] = [];
  const seeded = new Map<string, string>();
  for (const { dossier, defect } of syntheticDossiers(options)) {
    dossiers.push(dossier);
    if (defect) seeded.set(dossier.id, defect);
  }
  return { file: { format: DOSSIER_FORMAT, dossiers }, seeded };
}
