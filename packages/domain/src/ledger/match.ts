/**
 * The explainable score for matching a row without a valid ID number to a person already in the
 * ledger. Each field contributes a stated weight; the reviewer sees every part.
 */
export interface MatchSubject {
  name: string;
  namePinyin: string;
  nameInitials: string;
  birthDate: string | null;
  gender: string | null;
  phoneHashes: readonly string[];
  /** The county (first six digits) of the household registration, when known. */
  hukouCounty: string | null;
}

export interface MatchPart {
  field: 'name' | 'birthDate' | 'phone' | 'hukou' | 'gender';
  label: string;
  points: number;
  detail: string;
}

export interface MatchScore {
  score: number;
  parts: MatchPart[];
}

export const MATCH_WEIGHTS = {
  nameExact: 0.35,
  namePinyin: 0.25,
  nameInitials: 0.1,
  birthDateExact: 0.25,
  birthMonth: 0.15,
  phone: 0.3,
  hukouCounty: 0.1,
  genderConflict: -0.3,
} as const;

/** At or above: linked automatically. Between: queued for review. Below: a new person. */
export const SURE_MATCH = 0.85;
export const POSSIBLE_MATCH = 0.5;

export function scoreMatch(row: MatchSubject, person: MatchSubject): MatchScore {
  const parts: MatchPart[] = [];
  if (row.name === person.name) parts.push({ field: 'name', label: '姓名', points: MATCH_WEIGHTS.nameExact, detail: '姓名相同' });
  else if (row.namePinyin === person.namePinyin) parts.push({ field: 'name', label: '姓名', points: MATCH_WEIGHTS.namePinyin, detail: '姓名拼音相同（字不同）' });
  else if (row.nameInitials === person.nameInitials) parts.push({ field: 'name', label: '姓名', points: MATCH_WEIGHTS.nameInitials, detail: '姓名拼音首字母相同' });

  if (row.birthDate && person.birthDate) {
    if (row.birthDate === person.birthDate) parts.push({ field: 'birthDate', label: '出生日期', points: MATCH_WEIGHTS.birthDateExact, detail: '出生日期相同' });
    else if (row.birthDate.slice(0, 7) === person.birthDate.slice(0, 7)) parts.push({ field: 'birthDate', label: '出生日期', points: MATCH_WEIGHTS.birthMonth, detail: '出生年月相同' });
  }
  if (row.phoneHashes.some((h) => person.phoneHashes.includes(h))) parts.push({ field: 'phone', label: '联系电话', points: MATCH_WEIGHTS.phone, detail: '有相同的电话号码' });
  if (row.hukouCounty && row.hukouCounty === person.hukouCounty) parts.push({ field: 'hukou', label: '户籍地', points: MATCH_WEIGHTS.hukouCounty, detail: '户籍地同一县（市、区）' });
  if (row.gender && person.gender && row.gender !== person.gender) parts.push({ field: 'gender', label: '性别', points: MATCH_WEIGHTS.genderConflict, detail: '性别不同' });

  const score = Math.round(parts.reduce((sum, p) => sum + p.points, 0) * 100) / 100;
  return { score: Math.max(0, Math.min(1, score)), parts };
}

export type MatchDecision = 'link' | 'review' | 'new';

export function decideMatch(score: number): MatchDecision {
  if (score >= SURE_MATCH) return 'link';
  if (score >= POSSIBLE_MATCH) return 'review';
  return 'new';
}
