/**
 * Form values → the step's input for `POST /api/dossiers/:id/steps/:step` (the fields of
 * `stepSchemas[step]`). The forms use the schema's own field names, so the server's `field` of a
 * 400 points at the form item; what is left here is what a form leaves behind that the schema
 * rejects: empty strings and nulls of untouched optional fields, empty optional lists, a vote block
 * with nothing typed in.
 */
export type FormValues = Record<string, unknown>;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Drops blank values everywhere (keeping `false` and `0`), trims strings. */
export function clean(value: unknown): unknown {
  // A list row left entirely blank is no row at all.
  if (Array.isArray(value)) return value.filter((v) => !isBlank(v)).map(clean).filter((v) => !isBlank(v) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (isBlank(v)) continue;
      const c = clean(v);
      if (c && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return out;
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** Lists the schema marks optional: an empty one is left out rather than sent as []. */
const optionalLists = ['opinions', 'appraisals', 'notices', 'thoughtReports'];

export function toStepInput(step: number, values: FormValues): Record<string, unknown> {
  const input = clean(values) as Record<string, unknown>;
  for (const key of optionalLists) if (Array.isArray(input[key]) && (input[key] as unknown[]).length === 0) delete input[key];
  if (step === 3 && Array.isArray(input.recommendations)) {
    // Votes are optional per recommendation: only a complete tally is sent (the schema wants all three).
    input.recommendations = (input.recommendations as Record<string, unknown>[]).map((r) => {
      const votes = r.votes as Record<string, unknown> | undefined;
      if (votes && Object.keys(votes).length > 0) return r;
      const rest = { ...r };
      delete rest.votes;
      return rest;
    });
  }
  if (step === 7 && Array.isArray(input.notices)) {
    input.notices = (input.notices as Record<string, unknown>[]).map((n) => ({ ...n, objections: n.objections ?? [] }));
  }
  if (step === 9 && Array.isArray(input.sponsors)) {
    input.sponsors = (input.sponsors as Record<string, unknown>[]).map((s) => {
      const d = s.discipline as Record<string, unknown> | undefined;
      if (!d || d.kind) return s;
      const rest = { ...s };
      delete rest.discipline;
      return rest;
    });
  }
  if (step === 23 && input.outcome !== 'extend') delete input.extensionMonths;
  return input;
}

const aspects = { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' };
export const emptyOpinion = (stage: string) => ({ stage, place: 'origin', channel: 'letter', aspects });
export const emptyMeeting = { method: 'secretBallot', writtenYes: 0, writtenNo: 0, abstain: 0, no: 0, writtenBeforeMeeting: false, oneByOne: true };

/** What a form starts with: the defaults a clerk would pick (the schema's defaults, a secret ballot, four aspects passed). */
export function initialValues(step: number): FormValues {
  switch (step) {
    case 1: return { signed: true };
    case 3: return { recommendations: [{ method: 'byMembers' }], decidedBy: 'branchCommittee', opinions: [] };
    case 5: return { mentors: [{ isFullMember: true, place: 'workplace' }] };
    case 6: return { result: 'good', thoughtReports: [] };
    case 7: return { notices: [], opinions: [] };
    case 9: return { sponsors: [{ isFullMember: true }, { isFullMember: true }] };
    case 10: return { result: 'qualified', appraisals: [] };
    case 11: return { organizerLevel: 'baseCommittee', passed: true };
    case 12: return { opinions: [], appraisals: [] };
    case 13: return { leavingWithin3Months: false };
    case 15: return { meeting: emptyMeeting };
    case 16: return { by: 'committeeMember' };
    case 17: return { collective: true };
    case 20: return { collectiveDay: false };
    case 21: return { thoughtReports: [] };
    case 23: return { meeting: emptyMeeting, outcome: 'confirm', opinions: [] };
    default: return {};
  }
}

/** The stage of the opinion rounds a step records (stepSchemas). */
export const opinionStagesOf: Record<number, readonly string[]> = { 3: ['keyContact', 'activist'], 7: ['candidate'], 12: ['admission'], 23: ['confirmation'] };

/** A server field path (`meeting.yes`, `recommendations.0.on`) as an antd name path. */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
