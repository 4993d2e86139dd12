import { type IsoDate, addDays, addYears } from '../calendar/dates.ts';
import type { DocumentType, Dossier } from '../dossier/format.ts';
import { parseIdNumber } from '../idnumber/idnumber.ts';
import type { Boundaries } from '../settings/city-settings.ts';
import type { Facts } from './types.ts';

/** Probation is one year from the branch meeting (党章 art. 7; V2026 art. 31); the end day is a setting. */
export function probationEndOf(meetingOn: IsoDate, boundaries: Boundaries): IsoDate {
  const anniversary = addYears(meetingOn, 1);
  return boundaries.probationEnd === 'dayBefore' ? addDays(anniversary, -1) : anniversary;
}

export function deriveFacts(d: Dossier, boundaries: Boundaries): Facts {
  let birthDate = d.person.birthDate;
  if (birthDate === undefined && d.person.idNumber !== undefined) {
    const parsed = parseIdNumber(d.person.idNumber, '2999-12-31');
    if (parsed.ok) birthDate = parsed.birthDate;
  }
  let documents: Map<DocumentType, IsoDate[]> | undefined;
  return {
    d,
    birthDate,
    isMigrant: d.person.migrant !== undefined,
    probationEnd: d.admissionMeeting ? probationEndOf(d.admissionMeeting.on, boundaries) : undefined,
    // Indexed on first use: only a few rules look at documents.
    get documents() {
      if (!documents) {
        documents = new Map();
        for (const doc of d.documents ?? []) {
          const list = documents.get(doc.type);
          if (list) list.push(doc.on);
          else documents.set(doc.type, [doc.on]);
        }
      }
      return documents;
    },
  };
}
