import { type IsoDate, addDays, addYears } from '../calendar/dates.ts';
import type { DocumentType, Dossier } from '../dossier/format.ts';
import { latestDate } from '../dossier/date-fields.ts';
import { parseIdNumber } from '../idnumber/idnumber.ts';
import type { Boundaries } from '../settings/city-settings.ts';
import type { DocumentIndex, Facts } from './types.ts';

/** Probation is one year from the branch meeting (党章 art. 7; V2026 art. 31); the end day is a setting. */
export function probationEndOf(meetingOn: IsoDate, boundaries: Boundaries): IsoDate {
  const anniversary = addYears(meetingOn, 1);
  return boundaries.probationEnd === 'dayBefore' ? addDays(anniversary, -1) : anniversary;
}

/**
 * A dossier's documents by type: one slot per type of the format in a fixed-shape object, cheaper
 * to fill and to read than a Map made per dossier (most dossiers list about twenty documents).
 */
class DocumentsByType implements DocumentIndex {
  private readonly slots: Record<DocumentType, IsoDate[] | undefined> = emptySlots();

  constructor(documents: Dossier['documents']) {
    if (documents === undefined) return;
    const slots = this.slots;
    for (let i = 0; i < documents.length; i++) {
      const doc = documents[i]!;
      const list = slots[doc.type];
      if (list) list.push(doc.on);
      else slots[doc.type] = [doc.on];
    }
  }

  get(type: DocumentType): readonly IsoDate[] | undefined {
    return this.slots[type];
  }

  has(type: DocumentType): boolean {
    return this.slots[type] !== undefined;
  }
}

function emptySlots(): Record<DocumentType, IsoDate[] | undefined> {
  return {
    applicationLetter: undefined, talkRecord: undefined, recommendationRecord: undefined, activistFiling: undefined,
    cultivationRegister: undefined, thoughtReport: undefined, opinionRecord: undefined, candidateNotice: undefined,
    candidateFiling: undefined, politicalReviewConclusion: undefined, trainingCertificate: undefined,
    branchReviewMinutes: undefined, preReviewResult: undefined, applicationForm: undefined, meetingMinutes: undefined,
    approvalNotice: undefined, orgDeptFiling: undefined, oathRecord: undefined, probationRegister: undefined,
    confirmationApplication: undefined, archiveList: undefined, appraisal: undefined,
  };
}

/**
 * Facts shared by many rules, made once per dossier. A class, not an object literal with getters:
 * one shape for every dossier and no closures made per dossier (this runs 100,000 times a file).
 * The document index and the latest date are worked out on first use: few dossiers need them.
 */
class DossierFacts implements Facts {
  readonly birthDate: IsoDate | undefined;
  readonly isMigrant: boolean;
  readonly probationEnd: IsoDate | undefined;
  private index: DocumentIndex | undefined = undefined;

  constructor(
    readonly d: Dossier,
    boundaries: Boundaries,
    private known: IsoDate | undefined,
  ) {
    let birthDate = d.person.birthDate;
    if (birthDate === undefined && d.person.idNumber !== undefined) {
      const parsed = parseIdNumber(d.person.idNumber, '2999-12-31');
      if (parsed.ok) birthDate = parsed.birthDate;
    }
    this.birthDate = birthDate;
    this.isMigrant = d.person.migrant !== undefined;
    this.probationEnd = d.admissionMeeting ? probationEndOf(d.admissionMeeting.on, boundaries) : undefined;
  }

  get documents(): DocumentIndex {
    if (this.index === undefined) this.index = new DocumentsByType(this.d.documents);
    return this.index;
  }

  get latest(): IsoDate {
    if (this.known === undefined) this.known = latestDate(this.d);
    return this.known;
  }
}

/** `latest`: the dossier's latest date when the reader found it already (else worked out on use). */
export function deriveFacts(d: Dossier, boundaries: Boundaries, latest?: IsoDate): Facts {
  return new DossierFacts(d, boundaries, latest);
}
