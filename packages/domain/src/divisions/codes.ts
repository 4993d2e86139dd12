/**
 * Division codes. Everything is stored as the 12-digit statistical code (GB/T 2260 county code +
 * 3-digit township + 3-digit village); a scope is the code's meaningful prefix, so "is this record
 * in my scope" is one string prefix test (and one indexed LIKE 'prefix%' in the database).
 */
export const divisionLevels = ['province', 'prefecture', 'county', 'township', 'village'] as const;
export type DivisionLevel = (typeof divisionLevels)[number];

export const divisionLevelLabels: Record<DivisionLevel, string> = {
  province: '省级',
  prefecture: '地级',
  county: '县级',
  township: '乡级',
  village: '村级',
};

const PREFIX_LENGTH: Record<DivisionLevel, number> = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
  village: 12,
};

export function prefixLength(level: DivisionLevel): number {
  return PREFIX_LENGTH[level];
}

/** Accepts 2/4/6/9/12-digit codes and returns the 12-digit form, or null if it is not a code. */
export function toDivisionCode12(code: string): string | null {
  const s = code.trim();
  if (!/^\d+$/.test(s) || ![2, 4, 6, 9, 12].includes(s.length)) return null;
  return s.padEnd(12, '0');
}

/** The level a 12-digit code denotes, read from its trailing zero groups. */
export function divisionLevelOf(code12: string): DivisionLevel {
  if (code12.slice(9) !== '000') return 'village';
  if (code12.slice(6, 9) !== '000') return 'township';
  if (code12.slice(4, 6) !== '00') return 'county';
  if (code12.slice(2, 4) !== '00') return 'prefecture';
  return 'province';
}

/** The meaningful prefix of a code: 42, 4205, 420506, 420506001, 420506001001. */
export function divisionPrefix(code12: string): string {
  return code12.slice(0, PREFIX_LENGTH[divisionLevelOf(code12)]);
}

export function parentDivisionCode(code12: string): string | null {
  const level = divisionLevelOf(code12);
  const index = divisionLevels.indexOf(level);
  if (index === 0) return null;
  const parentLength = PREFIX_LENGTH[divisionLevels[index - 1]!];
  return code12.slice(0, parentLength).padEnd(12, '0');
}

/** True when `code12` lies inside the division whose prefix is `scopePrefix` (itself included). */
export function isWithinScope(code12: string, scopePrefix: string): boolean {
  return code12.startsWith(scopePrefix);
}
