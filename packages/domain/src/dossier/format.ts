import { type Infer, s } from './schema-dsl.ts';

/**
 * `xinxue-dossier/1`, exactly as shared/domain/dossier-format.md describes it. Field names follow
 * the glossary; the enums are declared once here and reused by the rules and the generator.
 */
export const DOSSIER_FORMAT = 'xinxue-dossier/1';

export const recommendationMethods = ['byMembers', 'byPublic', 'byLeague', 'democraticVote'] as const;
export const activistDeciders = ['branchCommittee', 'branchMeeting', 'individual'] as const;
export const approverKinds = ['committee', 'generalBranch', 'partyGroup', 'temporary'] as const;
export const assessmentResults = ['good', 'fair', 'poor'] as const;
export const noticeStages = ['activist', 'candidate', 'admission', 'confirmation'] as const;
export const noticePlaces = ['origin', 'workplace', 'unit', 'residence'] as const;
export const opinionStages = ['keyContact', 'activist', 'candidate', 'admission', 'confirmation'] as const;
export const twoPlaces = ['origin', 'workplace'] as const;
export const opinionChannels = ['notice', 'forum', 'homeVisit', 'phone', 'letter'] as const;
export const aspectResults = ['pass', 'fail'] as const;
export const appraisers = ['employer', 'police', 'familyPlanning'] as const;
export const disciplineKinds = ['warning', 'seriousWarning', 'removalFromPost', 'probationInParty'] as const;
export const reviewResults = ['qualified', 'unqualified', 'unclear'] as const;
export const organizerLevels = ['baseCommittee', 'countyOrgDept', 'branch'] as const;
export const upperTalkers = ['committeeMember', 'organizer'] as const;
export const ballotMethods = ['secretBallot', 'showOfHands'] as const;
export const confirmationOutcomes = ['confirm', 'extend', 'cancel'] as const;
export const transferPhases = ['activist', 'probation'] as const;
export const performanceLevels = ['good', 'fair', 'poor'] as const;
export const migrantDirections = ['inbound', 'outbound'] as const;
export const genders = ['male', 'female'] as const;
/** rules.md §4 documents, in camelCase English. */
export const documentTypes = [
  'applicationLetter', 'talkRecord', 'recommendationRecord', 'activistFiling', 'cultivationRegister',
  'thoughtReport', 'opinionRecord', 'candidateNotice', 'candidateFiling', 'politicalReviewConclusion',
  'trainingCertificate', 'branchReviewMinutes', 'preReviewResult', 'applicationForm', 'meetingMinutes',
  'approvalNotice', 'orgDeptFiling', 'oathRecord', 'probationRegister', 'confirmationApplication',
  'archiveList', 'appraisal',
] as const;
export type DocumentType = (typeof documentTypes)[number];

const divisionCode = s.string({ pattern: /^(\d{6}|\d{12})$/, patternLabel: '6位或12位行政区划代码' });
const name = s.string({ nonEmpty: true });

export const meetingSchema = s.object({
  on: s.date(),
  method: s.enum(ballotMethods),
  expectedVoters: s.int(),
  presentVoters: s.int(),
  yes: s.int(),
  no: s.int(),
  abstain: s.int(),
  writtenYes: s.int(),
  writtenNo: s.int(),
  writtenBeforeMeeting: s.bool(),
  oneByOne: s.bool(),
});

export const personSchema = s.object({
  name,
  'idNumber?': s.string(),
  'birthDate?': s.date(),
  'gender?': s.enum(genders),
  'leagueMember?': s.bool(),
  'migrant?': s.object({ direction: s.enum(migrantDirections), originCode: divisionCode, workplaceCode: divisionCode, 'employer?': s.string(), movedOn: s.date() }),
});

export const dossierSchema = s.object({
  id: name,
  person: personSchema,
  'org?': s.object({
    branch: s.string(),
    approver: s.object({ name: s.string(), kind: s.enum(approverKinds), hasApprovalPower: s.bool() }),
    isMobileOrg: s.bool(),
    canDevelop: s.bool(),
  }),
  'application?': s.object({ datedOn: s.date(), receivedOn: s.date(), signed: s.bool() }),
  'talk?': s.object({ on: s.date(), by: s.string() }),
  'recommendations?': s.array(s.object({ method: s.enum(recommendationMethods), on: s.date(), 'votes?': s.object({ for: s.int(), against: s.int(), total: s.int() }) })),
  'activist?': s.object({ on: s.date(), decidedBy: s.enum(activistDeciders), filedOn: s.date() }),
  'mentors?': s.array(s.object({ name: s.string(), isFullMember: s.bool(), from: s.date(), 'to?': s.date(), 'place?': s.enum(twoPlaces) })),
  'assessments?': s.array(s.object({ on: s.date(), result: s.enum(assessmentResults) })),
  'thoughtReports?': s.array(s.object({ on: s.date() })),
  'candidate?': s.object({ committeeProposalOn: s.date(), 'upperConsentOn?': s.date(), 'filedOn?': s.date(), on: s.date() }),
  'notices?': s.array(s.object({
    stage: s.enum(noticeStages),
    place: s.enum(noticePlaces),
    start: s.date(),
    end: s.date(),
    objections: s.array(s.object({ receivedOn: s.date(), 'resolvedOn?': s.date(), upheld: s.bool() })),
  })),
  'opinions?': s.array(s.object({
    stage: s.enum(opinionStages),
    place: s.enum(twoPlaces),
    channel: s.enum(opinionChannels),
    on: s.date(),
    aspects: s.object({ quality: s.enum(aspectResults), contribution: s.enum(aspectResults), conduct: s.enum(aspectResults), lawfulness: s.enum(aspectResults) }),
  })),
  'appraisals?': s.array(s.object({ by: s.enum(appraisers), on: s.date(), result: s.enum(['positive', 'negative'] as const) })),
  'sponsors?': s.array(s.object({ name: s.string(), isFullMember: s.bool(), 'discipline?': s.object({ kind: s.enum(disciplineKinds), until: s.date() }) })),
  'politicalReview?': s.object({ conclusionOn: s.date(), result: s.enum(reviewResults), 'originOpinionOn?': s.date(), 'residenceOpinionOn?': s.date(), 'jointReviewOn?': s.date() }),
  'training?': s.object({ start: s.date(), end: s.date(), days: s.number(), hours: s.number(), organizerLevel: s.enum(organizerLevels), passed: s.bool() }),
  'branchReviewOn?': s.date(),
  'preReview?': s.object({ passedOn: s.date(), formIssuedOn: s.date(), 'leavingWithin3Months?': s.bool() }),
  'admissionMeeting?': meetingSchema,
  'upperTalk?': s.object({ on: s.date(), by: s.enum(upperTalkers) }),
  'approval?': s.object({ on: s.date(), collective: s.bool(), 'specialReason?': s.string() }),
  'orgDeptFiledOn?': s.date(),
  'placedOn?': s.date(),
  'oath?': s.object({ on: s.date(), collectiveDay: s.bool() }),
  'probationAssessments?': s.array(s.object({ on: s.date() })),
  'confirmation?': s.object({
    appliedOn: s.date(),
    groupOpinionOn: s.date(),
    opinionsOn: s.date(),
    committeeReviewOn: s.date(),
    meeting: meetingSchema,
    outcome: s.enum(confirmationOutcomes),
    'extensionMonths?': s.int(0, 120),
    approvalOn: s.date(),
  }),
  'transfers?': s.array(s.object({ on: s.date(), during: s.enum(transferPhases), handedOver: s.bool(), 'reviewedOn?': s.date() })),
  'archivedOn?': s.date(),
  'documents?': s.array(s.object({ type: s.enum(documentTypes), on: s.date(), 'signedOn?': s.date() })),
  'deferral?': s.object({
    'monthsAwayLastYear?': s.number(),
    'hasFixedEmployer?': s.bool(),
    'performance?': s.enum(performanceLevels),
    'override?': s.object({ reason: s.string({ nonEmpty: true }), by: s.string(), on: s.date() }),
  }),
  'recordedAt?': s.record(s.timestamp()),
});

export const dossierFileSchema = s.object({ format: s.literal(DOSSIER_FORMAT), dossiers: s.array(dossierSchema) });

export type Dossier = Infer<typeof dossierSchema>;
export type DossierFile = Infer<typeof dossierFileSchema>;
export type Meeting = Infer<typeof meetingSchema>;
export type Person = Infer<typeof personSchema>;
export type Notice = NonNullable<Dossier['notices']>[number];
export type Opinion = NonNullable<Dossier['opinions']>[number];
